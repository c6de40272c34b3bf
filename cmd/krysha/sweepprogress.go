package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// sweepProgress reports on stderr how a sweep, or a phase of another
// study, goes: on a terminal, a bar redrawn in place at most ten times a
// second; otherwise (a batch job's log) a plain line every logEvery,
// which begins with the phase's name ("sweep: 120/300 runs, ...") so that
// a log of several phases reads unambiguously; with -quiet, nothing.
// Both give the units done of the total, their rate in this session and
// the time left at that rate.
//
// Thirty lines of our own do this; a progress-bar library would add a
// dependency (and its terminal handling) for no more than that.
type sweepProgress struct {
	name        string // of the phase: "sweep", "compare", "refine", ...
	unit        string // what is counted: "runs" unless set
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
	return newStudyProgress(w, "sweep", quiet, total, done)
}

// newStudyProgress is the progress of the phase name.
func newStudyProgress(w io.Writer, name string, quiet bool, total, done int) *sweepProgress {
	p := &sweepProgress{name: name, unit: "runs", w: w, quiet: quiet, tty: isTerminal(w), total: total, done: done, now: time.Now}
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
		fmt.Fprintf(p.w, "%s: %s\n", p.name, p.status(now))
	}
}

// status is "120/300 runs, 35.2 runs/s, 5s left", in the unit counted.
func (p *sweepProgress) status(now time.Time) string {
	s := fmt.Sprintf("%d/%d %s", p.done, p.total, p.unit)
	if el := now.Sub(p.start).Seconds(); el > 0 && p.session > 0 {
		rate := float64(p.session) / el
		left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		s += fmt.Sprintf(", %.3g %s/s, %v left", rate, p.unit, roundDuration(left))
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
