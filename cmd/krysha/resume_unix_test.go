//go:build unix

package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

// TestKryshaChild is not a test: it is krysha itself, run in a child
// process by the tests below (the test binary run again with
// KRYSHA_CHILD_ARGS set), so that they can kill it.
func TestKryshaChild(t *testing.T) {
	args := os.Getenv("KRYSHA_CHILD_ARGS")
	if args == "" {
		t.Skip("runs krysha in a child process for the tests that kill it")
	}
	ctx, stop := interruptible(context.Background())
	code := report(run(ctx, strings.Split(args, "\x1f"), os.Stdout, os.Stderr), os.Stderr)
	stop()
	os.Exit(code)
}

// startKrysha starts krysha with args in a child process.
func startKrysha(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKryshaChild$")
	cmd.Env = append(os.Environ(), "KRYSHA_CHILD_ARGS="+strings.Join(args, "\x1f"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// waitForRuns waits until runs.csv in dir has at least n rows, or the
// process has ended; it reports whether it is still running.
func waitForRuns(t *testing.T, dir string, n int, exited <-chan struct{}) bool {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false
		default:
		}
		if b, err := os.ReadFile(filepath.Join(dir, experiment.RunsFile)); err == nil && bytes.Count(b, []byte("\n"))-1 >= n {
			return true
		}
		time.Sleep(500 * time.Microsecond)
	}
	t.Fatalf("no %d runs in %s after a minute", n, dir)
	return false
}

// killGrid is a sweep of small.toml of killRuns runs of a few
// milliseconds (fewer under the race detector).
func killGrid() (args []string, runs int) {
	if raceEnabled {
		return []string{"-vary", "enforcement.budget_scale=0.5:2:4", "-vary", "bribe.same_clan=0:2:3", "-replicates", "2", "-workers", "2"}, 24
	}
	return []string{"-vary", "enforcement.budget_scale=0.5:2:6", "-vary", "bribe.same_clan=0:2:5", "-replicates", "4", "-workers", "2"}, 120
}

// A sweep stopped by a signal and resumed ends with the files of the
// same sweep never stopped, byte for byte.
func TestSweepStopped(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts and kills child processes")
	}
	grid, total := killGrid()
	want := filepath.Join(t.TempDir(), "want")
	sweepSmall(t, want, grid...)
	t.Run("SIGKILL", func(t *testing.T) {
		t.Parallel()
		killAndResume(t, want, grid, total)
	})
	for name, sig := range map[string]syscall.Signal{"SIGINT": syscall.SIGINT, "SIGTERM": syscall.SIGTERM} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			interruptAndResume(t, want, grid, total, sig)
		})
	}
}

// killAndResume kills a sweep with SIGKILL at random moments, resumes
// it after each, and checks that it ends with the files of want: every
// run once, byte for byte. The moments are random (the seed is logged):
// after a random number of runs, plus a random fraction of a run.
func killAndResume(t *testing.T, want string, grid []string, total int) {
	root := t.TempDir()
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := filepath.Join(root, "killed")
	args := append(append([]string{"sweep", "-quiet", "-resume", "-out", dir}, grid...), small)
	kills := 0
	for attempt := 0; kills < 4 && attempt < 12; attempt++ {
		cmd, stderr := startKrysha(t, args...)
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		done := 0
		if b, err := os.ReadFile(filepath.Join(dir, experiment.RunsFile)); err == nil {
			done = bytes.Count(b, []byte("\n")) - 1
		}
		target := done + 1 + rng.IntN(max(1, (total-done)/2))
		if waitForRuns(t, dir, target, exited) {
			time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
			if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
				kills++
			}
		}
		<-exited
		if cmd.ProcessState.Exited() && cmd.ProcessState.ExitCode() != 0 {
			t.Fatalf("krysha sweep exited %d:\n%s", cmd.ProcessState.ExitCode(), stderr)
		}
	}
	t.Logf("killed %d times", kills)
	if code, _, errOut := krysha(context.Background(), args...); code != 0 || errOut != "" {
		t.Fatalf("the last resume: exit %d, %s", code, errOut)
	}
	sameSweep(t, want, dir)
	if m := readManifest(t, dir); m.Status != experiment.StatusComplete || m.Done != total || m.Sessions < kills+1 {
		t.Errorf("manifest: status %s, %d runs, %d sessions after %d kills", m.Status, m.Done, m.Sessions, kills)
	}
}

// interruptAndResume checks that sig (SIGINT or SIGTERM) stops a sweep
// cleanly: exit 130 or 143, every file valid CSV, the manifest says
// interrupted; and that -resume finishes it with the files of want.
func interruptAndResume(t *testing.T, want string, grid []string, total int, sig syscall.Signal) {
	root := t.TempDir()
	dir := filepath.Join(root, sig.String())
	args := append(append([]string{"sweep", "-out", dir}, grid...), small)
	cmd, stderr := startKrysha(t, args...)
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	if !waitForRuns(t, dir, total/6, exited) {
		t.Logf("%v: the sweep finished before the signal", sig)
		return
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	<-exited
	if cmd.ProcessState.ExitCode() == 0 {
		// A loaded machine may stall this test until the sweep is done.
		t.Logf("%v: the sweep finished before the signal arrived", sig)
		return
	}
	if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) ||
		!strings.Contains(stderr.String(), "go on with the same command and -resume\nkrysha: interrupted\n") {
		t.Errorf("%v: exit %d, stderr %q", sig, code, stderr)
	}
	for _, name := range sweepFiles {
		b := readFile(t, filepath.Join(dir, name))
		if len(b) == 0 || b[len(b)-1] != '\n' {
			t.Errorf("%v: %s does not end with a whole line", sig, name)
		}
		readCSV(t, filepath.Join(dir, name))
	}
	if m := readManifest(t, dir); m.Status != experiment.StatusInterrupted || m.Done == 0 || m.Done >= total {
		t.Errorf("%v: manifest status %s with %d runs", sig, m.Status, m.Done)
	}
	resume := append(append([]string{"sweep", "-quiet", "-resume", "-out", dir}, grid...), small)
	if code, _, errOut := krysha(context.Background(), resume...); code != 0 {
		t.Fatalf("%v: resume: exit %d, %s", sig, code, errOut)
	}
	sameSweep(t, want, dir)
}
