package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad command line gets one line saying what is wrong, then the usage of
// that command, on stderr, and exit status 2; nothing is written. A bad
// value of -set or -vary is bad input rather than usage, like a bad file:
// one line that starts with the flag, without the usage. The table is by
// command: a new command (or flag) adds rows. A row whose command is not
// registered is skipped, so rows for a command being written can come
// first.
func TestFlagErrors(t *testing.T) {
	t.Parallel()
	const grid = "bribe.same_clan=0:1:2" // a good -vary
	tests := []struct {
		cmd  string
		args []string
		// want is the error line after "krysha CMD: "; a row that only
		// knows part of it gives the part (matched as a substring) with
		// sub set.
		want string
		sub  bool
		// input marks an error in a flag's value as input: the line is
		// the message itself, with no usage after it.
		input bool
	}{
		{"run", []string{"-bogus"}, "flag provided but not defined: -bogus", false, false},
		{"run", []string{"--replicates=2", "-x"}, "flag provided but not defined: -x", false, false},
		{"run", []string{"-replicates"}, "flag needs an argument: -replicates", false, false},
		{"run", []string{"-out"}, "flag needs an argument: -out", false, false},
		{"run", []string{"-set"}, "flag needs an argument: -set", false, false},
		{"run", []string{"-replicates", "ten"}, `invalid value "ten" for flag -replicates: parse error`, false, false},
		{"run", []string{"-replicates", "-3"}, "-replicates must be in 1..100000, is -3", false, false},
		{"run", []string{"-replicates", "0"}, "-replicates must be in 1..100000, is 0", false, false},
		{"run", []string{"-replicates", "100001"}, "-replicates must be in 1..100000, is 100001", false, false},
		{"run", []string{"-replicates", "99999999999999999999"}, `invalid value "99999999999999999999" for flag -replicates: value out of range`, false, false},
		{"run", []string{"-seed", "abc"}, `invalid value "abc" for flag -seed: parse error`, false, false},
		{"run", []string{"-seed", "-1"}, `invalid value "-1" for flag -seed: parse error`, false, false},
		{"run", []string{"-seed", "1.5"}, `invalid value "1.5" for flag -seed: parse error`, false, false},
		{"run", []string{"-seed", "18446744073709551616"}, `invalid value "18446744073709551616" for flag -seed: value out of range`, false, false},
		{"run", []string{"-first", "-1"}, "-first must be in 0..100000, is -1", false, false},
		{"run", []string{"-workers", "0"}, "-workers must be at least 1, is 0", false, false},
		{"run", []string{"-workers", "-2"}, "-workers must be at least 1, is -2", false, false},
		{"run", []string{"-quiet=maybe"}, `invalid boolean value "maybe" for -quiet: parse error`, false, false},
		{"run", []string{small, small}, "one scenario file at most, got 2: " + small + " " + small, false, false},
		{"run", []string{"-set", "routes.paths"}, `-set: "routes.paths": expected PATH=VALUE, e.g. bribe.same_clan=0`, false, true},
		{"run", []string{"-set", "routes.paths=many"}, "-set: routes.paths: expected an integer, found string \"many\"", false, true},
		{"validate", []string{"-bogus"}, "flag provided but not defined: -bogus", false, false},
		{"validate", []string{"-replicates", "3"}, "flag provided but not defined: -replicates", false, false},
		// The sweep command is being written: its rows run once it is
		// registered, checking the form of the message and that it names
		// what is wrong. Each has a good -vary but for the fault tested.
		{"sweep", []string{"-vary", grid, "-shard", "3/2"}, "-shard", true, false},
		{"sweep", []string{"-vary", grid, "-shard", "0/0"}, "-shard", true, false},
		{"sweep", []string{"-vary", grid, "-shard", "x"}, "-shard", true, false},
		{"sweep", []string{"-vary", grid, "-replicates", "-1"}, "-replicates", true, false},
		{"sweep", []string{"-vary", grid, "-seed", "abc"}, "-seed", true, false},
		{"sweep", []string{"-vary", grid, "-bogus"}, "flag provided but not defined: -bogus", false, false},
		{"sweep", []string{"-vary", "bribe.same_clan=2:1:3"}, "-vary bribe.same_clan=2:1:3: lo must be below hi", true, true},
		{"sweep", []string{"-vary", "bribe.same_clan=1:"}, "-vary bribe.same_clan=1:", true, true},
		{"sweep", []string{"-vary", "bribe.same_clan"}, "-vary bribe.same_clan: want path=lo:hi:n", true, true},
		{"sweep", []string{"-vary", "bribe.same_clan=0:1:x"}, "-vary bribe.same_clan=0:1:x", true, true},
	}
	for _, tt := range tests {
		if tt.input {
			tt.args = append(tt.args, small) // the fault is in the flag, not the file
		}
		c := lookup(tt.cmd)
		name := tt.cmd + " " + strings.Join(tt.args, " ")
		if c == nil {
			t.Logf("%s: no command %s yet; skipped", name, tt.cmd)
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "out")
			args := append([]string{tt.cmd}, tt.args...)
			if tt.cmd != "validate" {
				args = append([]string{tt.cmd, "-out", dir}, tt.args...)
			}
			code, out, errOut := krysha(context.Background(), args...)
			if code != exitUsage || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			var usage bytes.Buffer
			c.printUsage(&usage)
			first, rest, _ := strings.Cut(errOut, "\n")
			prefix := "krysha " + tt.cmd + ": "
			msg, ok := strings.CutPrefix(first, prefix)
			if tt.input {
				flag := tt.args[len(tt.args)-3] // before its value and the file
				msg, ok = first, strings.HasPrefix(first, flag)
				prefix = flag
				usage.Reset()
			}
			switch {
			case !ok:
				t.Errorf("stderr does not start with %q:\n%s", prefix, errOut)
			case tt.sub && !strings.Contains(msg, tt.want):
				t.Errorf("error %q does not mention %q", msg, tt.want)
			case !tt.sub && msg != tt.want:
				t.Errorf("error %q, want %q", msg, tt.want)
			}
			if rest != usage.String() {
				t.Errorf("after the error, stderr is not the usage of %s:\n%s--- want\n%s", tt.cmd, rest, usage.String())
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the output directory was created (%v)", err)
			}
		})
	}
}
