package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress reports on stderr how a run goes: a counter that rewrites its
// line while replicates finish, when stderr is a terminal, and one line
// at the end.
type progress struct {
	w           io.Writer
	quiet, tty  bool
	n, total    int
	lastPrinted time.Time
	shown       int // length of the counter on screen
}

func newProgress(w io.Writer, quiet bool, total int) *progress {
	return &progress{w: w, quiet: quiet, tty: isTerminal(w), total: total}
}

// step counts one replicate done. The counter is redrawn at most ten
// times a second, so that it costs nothing beside the runs.
func (p *progress) step() {
	p.n++
	if p.quiet || !p.tty {
		return
	}
	if now := time.Now(); p.n == p.total || now.Sub(p.lastPrinted) >= 100*time.Millisecond {
		p.lastPrinted = now
		n, _ := fmt.Fprintf(p.w, "\rran %d/%d replicates", p.n, p.total)
		p.shown = n - 1
	}
}

// clear erases the counter, so that what is printed next (the table on
// stdout, or an error) starts on a clean line.
func (p *progress) clear() {
	if p.shown > 0 {
		fmt.Fprintf(p.w, "\r%*s\r", p.shown, "")
		p.shown = 0
	}
}

// done prints the closing line.
func (p *progress) done(d time.Duration, workers int, dir string) {
	if p.quiet {
		return
	}
	s := "s"
	if workers == 1 {
		s = ""
	}
	fmt.Fprintf(p.w, "ran %d replicates in %v (%d worker%s); results in %s\n", p.n, roundDuration(d), workers, s, dir)
}

// roundDuration keeps two or three significant digits: 412ms, 3.4s, 2m5s.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond)
	case d < time.Minute:
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Second)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
