//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
)

// Failures of the machine while writing: a full disk, a read-only or
// forbidden directory, a full stdout. Each must end krysha with one clear
// line and exit status 1, never a panic, and must not leave a directory
// that looks complete: the manifest, written last, is there only if
// every result file is, and no temporary file is left behind.

// mountTmpfs mounts a tmpfs of size bytes (with the extra options) on a
// new directory, or skips the test where mounting is not permitted.
func mountTmpfs(t *testing.T, size int, opts string) string {
	t.Helper()
	dir := t.TempDir()
	data := fmt.Sprintf("size=%d%s", size, opts)
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, data); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); a full or read-only disk is not tested", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting %s: %v", dir, err)
		}
	})
	return dir
}

// pages rounds n bytes up to whole 4 KiB pages, the unit of tmpfs.
func pages(n int64) int { return int((n + 4095) &^ 4095) }

// outputSizes runs small.toml normally and returns the size of each file.
func outputSizes(t *testing.T) map[string]int64 {
	t.Helper()
	dir, _ := runSmall(t)
	sizes := map[string]int64{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		sizes[e.Name()] = fi.Size()
	}
	return sizes
}

func TestRunDiskFull(t *testing.T) {
	t.Parallel()
	sizes := outputSizes(t)
	csvFiles := []string{experiment.MonthlyFile, experiment.YearlyFile, experiment.RoutesFile}
	csvs := pages(sizes[experiment.MonthlyFile]) + pages(sizes[experiment.YearlyFile]) + pages(sizes[experiment.RoutesFile])
	charts := csvs + pages(sizes[chartFile])
	all := charts + pages(sizes[mapFile])
	tests := []struct {
		name   string
		size   int      // of the tmpfs
		failed []string // the file that does not fit, one of these
		whole  []string
	}{
		// The three CSV files are written at once; any may fail first.
		{"no room for the CSV files", 4096, csvFiles, nil},
		{"no room for the chart", csvs, []string{chartFile}, csvFiles},
		{"no room for the map", charts, []string{mapFile}, append([]string{chartFile}, csvFiles...)},
		{"no room for the manifest", all, []string{experiment.ManifestFile}, append([]string{chartFile, mapFile}, csvFiles...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mountTmpfs(t, tt.size, "")
			code, out, errOut := krysha(context.Background(), "run", "-quiet", "-workers", "1", "-out", dir, small)
			if code != exitFailure || out != "" || strings.Count(errOut, "\n") != 1 ||
				!strings.HasPrefix(errOut, "krysha: ") || !strings.Contains(errOut, "no space left on device") {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing and one line saying the disk is full", code, out, errOut)
			}
			if !slices.ContainsFunc(tt.failed, func(f string) bool { return strings.Contains(errOut, filepath.Join(dir, f)+":") }) {
				t.Errorf("stderr %q does not name the file that failed, one of %s", errOut, tt.failed)
			}
			checkLeft(t, dir, tt.whole, sizes)
		})
	}
}

// checkLeft checks that dir holds exactly the files whole, each of the
// size a complete run writes: no manifest, no temporary file.
func checkLeft(t *testing.T, dir string, whole []string, sizes map[string]int64) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		fi, err := e.Info()
		if err == nil && fi.Size() != sizes[e.Name()] {
			t.Errorf("%s is %d bytes, not the %d of a whole file", e.Name(), fi.Size(), sizes[e.Name()])
		}
	}
	whole = slices.Sorted(slices.Values(whole)) // ReadDir sorts by name
	if strings.Join(names, " ") != strings.Join(whole, " ") {
		t.Errorf("left %q in the output directory, want %q", names, whole)
	}
}

// A directory krysha may not write to: read-only for root (who is allowed
// everything else), without write permission for anyone else.
func TestRunDirectoryNotWritable(t *testing.T) {
	t.Parallel()
	var dir, want string
	if os.Geteuid() == 0 {
		dir, want = mountTmpfs(t, 1<<20, ",ro"), "read-only file system"
	} else {
		dir, want = t.TempDir(), "permission denied"
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	for _, out := range []string{dir, filepath.Join(dir, "sub")} {
		code, stdout, errOut := krysha(context.Background(), "run", "-quiet", "-out", out, small)
		if code != exitFailure || stdout != "" || strings.Count(errOut, "\n") != 1 ||
			!strings.HasPrefix(errOut, "krysha: ") || !strings.Contains(errOut, want) {
			t.Errorf("-out %s: exit %d, stdout %q, stderr %q; want 1 and one line saying %q", out, code, stdout, errOut, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left in the directory", len(entries))
	}
}

// Standard output on a full disk: the results are written whole, then
// printing the table fails, and krysha says so and exits 1.
func TestRunStdoutFull(t *testing.T) {
	t.Parallel()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := filepath.Join(t.TempDir(), "out")
	var stderr bytes.Buffer
	code := report(run(context.Background(), []string{"run", "-quiet", "-out", dir, small}, full, &stderr), &stderr)
	if code != exitFailure || !strings.HasPrefix(stderr.String(), "krysha: ") || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("run: exit %d, stderr %q; want 1 and a message", code, stderr.String())
	}
	stderr.Reset()
	code = report(run(context.Background(), []string{"validate", small}, full, &stderr), &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("validate: exit %d, stderr %q; want 1 and a message", code, stderr.String())
	}
}

// A scenario or data file that never ends (a device, a pipe) is refused
// after scenario.MaxFileBytes, not read until memory runs out.
func TestEndlessInput(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	code, out, _ := krysha(context.Background(), "validate", "/dev/zero")
	if code != exitUsage || out != "/dev/zero: longer than 4 MB; not a scenario or its data\n" {
		t.Errorf("validate /dev/zero: exit %d, %q", code, out)
	}
	text, err := os.ReadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "zero.toml")
	text = bytes.Replace(text, []byte(`"small_observed.csv"`), []byte(`"/dev/zero"`), 1)
	if err := os.WriteFile(file, text, 0o666); err != nil {
		t.Fatal(err)
	}
	code, out, _ = krysha(context.Background(), "validate", file)
	if want := file + ":10: observed: cannot read /dev/zero: longer than 4 MB; not a scenario or its data\n"; code != exitUsage || out != want {
		t.Errorf("observed = \"/dev/zero\": exit %d, %q; want 2, %q", code, out, want)
	}
}
