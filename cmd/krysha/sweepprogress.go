package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// sweepProgress reports on stderr how a sweep goes: on a terminal, a bar
// redrawn in place at most ten times a second; otherwise (a batch job's
// log) a plain line every logEvery; with -quiet, nothing. Both give runs
// done of the total, runs per second in this session and the time left
// at that rate.
//
// Thirty lines of our own do this; a progress-bar library would add a
// dependency (and its terminal handling) for no more than that.
type sweepProgress struct {
	w           io.Writer
	quiet, tty  bool
	total, done int
	session     int // runs done since start
	start, last time.Time
	shown       int
	now         func() time.Time
}

// logEvery is the interval between lines when stderr is not a terminal.
const logEvery = 10 * time.Second

func newSweepProgress(w io.Writer, quiet bool, total, done int) *sweepProgress {
	p := &sweepProgress{w: w, quiet: quiet, tty: isTerminal(w), total: total, done: done, now: time.Now}
	p.start = p.now()
	p.last = p.start
	return p
}

// step counts one run done (or failed).
func (p *sweepProgress) step() {
	p.done++
	p.session++
	if p.quiet {
		return
	}
	now := p.now()
	switch {
	case p.tty && (now.Sub(p.last) >= 100*time.Millisecond || p.done == p.total):
		p.last = now
		n, _ := fmt.Fprintf(p.w, "\r%s %s", bar(p.done, p.total, 24), p.status(now))
		p.shown = n - 1
	case !p.tty && now.Sub(p.last) >= logEvery:
		p.last = now
		fmt.Fprintf(p.w, "sweep: %s\n", p.status(now))
	}
}

// status is "120/300 runs, 35.2 runs/s, 5s left".
func (p *sweepProgress) status(now time.Time) string {
	s := fmt.Sprintf("%d/%d runs", p.done, p.total)
	if el := now.Sub(p.start).Seconds(); el > 0 && p.session > 0 {
		rate := float64(p.session) / el
		left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		s += fmt.Sprintf(", %.3g runs/s, %v left", rate, roundDuration(left))
	}
	return s
}

// bar draws done of total as [=====>      ] in width cells.
func bar(done, total, width int) string {
	full := width
	if total > 0 {
		full = min(width, done*width/total)
	}
	b := strings.Repeat("=", full)
	if full < width {
		b += ">" + strings.Repeat(" ", width-full-1)
	}
	return "[" + b + "]"
}

// clear erases the bar, so that what follows starts on a clean line.
func (p *sweepProgress) clear() {
	if p.shown > 0 {
		fmt.Fprintf(p.w, "\r%*s\r", p.shown, "")
		p.shown = 0
	}
}

// finish prints the closing line.
func (p *sweepProgress) finish(d time.Duration, workers int, dir string) {
	if p.quiet {
		return
	}
	fmt.Fprintf(p.w, "ran %d runs in %v (%d worker%s); results in %s\n", p.session, roundDuration(d), workers, plural(workers), dir)
}
