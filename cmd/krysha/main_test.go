package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// krysha runs the command line args as main does, returning the exit code
// and what was printed.
func krysha(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = report(run(ctx, args, &o, &e), &e)
	return code, o.String(), e.String()
}

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// Each help is asked for in two ways that must agree; the first is
	// the golden file.
	tests := []struct {
		golden     string
		args, also []string
	}{
		{"help.txt", []string{"help"}, []string{"-h"}},
		{"help-run.txt", []string{"help", "run"}, []string{"run", "-h"}},
		{"help-validate.txt", []string{"help", "validate"}, []string{"validate", "-help"}},
	}
	for _, tt := range tests {
		var outs [2]string
		for i, args := range [][]string{tt.args, tt.also} {
			code, out, errOut := krysha(ctx, args...)
			if code != 0 || errOut != "" {
				t.Errorf("krysha %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
			}
			outs[i] = out
		}
		golden(t, tt.golden, outs[0])
		if outs[1] != outs[0] {
			t.Errorf("krysha %s differs from krysha %s:\n%s", strings.Join(tt.also, " "), strings.Join(tt.args, " "), outs[1])
		}
	}
	// Help lists exactly the registered commands, and the manual
	// describes each.
	_, out, _ := krysha(ctx, "help")
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !strings.Contains(out, "\t"+c.name+" ") {
			t.Errorf("krysha help does not list %s", c.name)
		}
		if !strings.Contains(string(doc), "//\t"+c.name+" ") {
			t.Errorf("the manual (doc.go) does not list %s", c.name)
		}
		var b bytes.Buffer
		c.printHelp(&b)
		if !strings.Contains(b.String(), "usage: krysha "+c.name) {
			t.Errorf("help for %s:\n%s", c.name, b.String())
		}
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{nil, "Usage:\n\n\tkrysha COMMAND"},
		{[]string{"simulate"}, "krysha: unknown command \"simulate\"\nRun 'krysha help' for the commands.\n"},
		{[]string{"help", "simulate"}, "krysha help: unknown command \"simulate\""},
		{[]string{"help", "run", "validate"}, "krysha help: one command at most\nusage: krysha help [COMMAND]\n"},
		{[]string{"version", "extra"}, "krysha version: no arguments expected\nusage: krysha version\n"},
		{[]string{"validate", "-v"}, "krysha validate: flag provided but not defined: -v\nusage: krysha validate [SCENARIO.toml...]\n"},
	}
	for _, tt := range tests {
		code, out, errOut := krysha(context.Background(), tt.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha %s: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and stderr holding:\n%s",
				strings.Join(tt.args, " "), code, out, errOut, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	code, out, _ := krysha(context.Background(), "version")
	if code != 0 || !strings.HasPrefix(out, "krysha 0.") || !strings.Contains(out, " go1.") {
		t.Errorf("krysha version: exit %d, %q", code, out)
	}
}

func TestReport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		code int
		want string
	}{
		{nil, 0, ""},
		{errors.New("disk full"), 1, "krysha: disk full\n"},
		{fmt.Errorf("writing: %w", &interrupted{sig: syscall.SIGINT}), 130, "krysha: interrupted\n"},
		{&interrupted{sig: syscall.SIGTERM}, 143, "krysha: interrupted\n"},
		{context.Canceled, 130, "krysha: interrupted\n"},
		{&inputError{errors.New("a.toml:3: seed: bad\na.toml:4: end: bad")}, 2, "a.toml:3: seed: bad\na.toml:4: end: bad\n"},
		{&exitError{code: 2}, 2, ""},
		{&experiment.PanicError{Index: 3, Value: "boom", Stack: []byte("goroutine 7\n")}, 1, "krysha: run 3 panicked: boom\n\ngoroutine 7\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if code := report(tt.err, &b); code != tt.code || b.String() != tt.want {
			t.Errorf("report(%v) = %d, %q; want %d, %q", tt.err, code, b.String(), tt.code, tt.want)
		}
	}
}
