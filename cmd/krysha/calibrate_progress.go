package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// studyProgress is sweepProgress for the phases of calibrate and explain:
// the same bar on a terminal and the same line every logEvery in a batch
// job's log, each line naming the phase ("calibrate: 120/4000 runs, ...")
// so that a log of several phases reads unambiguously.
type studyProgress struct {
	*sweepProgress
	name string
	unit string // what is counted: "runs" or "evaluations"
}

func newStudyProgress(w io.Writer, name string, quiet bool, total, done int) *studyProgress {
	return &studyProgress{sweepProgress: newSweepProgress(w, quiet, total, done), name: name, unit: "runs"}
}

// step counts one run done (or failed).
func (p *studyProgress) step() {
	p.done++
	p.session++
	if p.quiet {
		return
	}
	now := p.now()
	switch {
	case p.tty && (now.Sub(p.last) >= 100*time.Millisecond || p.done == p.total):
		p.last = now
		n, _ := fmt.Fprintf(p.w, "\r%s %s", bar(p.done, p.total, 24), p.line(now))
		p.shown = n - 1
	case !p.tty && now.Sub(p.last) >= logEvery:
		p.last = now
		fmt.Fprintf(p.w, "%s: %s\n", p.name, p.line(now))
	}
}

// line is sweepProgress's status with the unit counted.
func (p *studyProgress) line(now time.Time) string {
	s := p.status(now)
	if p.unit != "runs" {
		s = strings.ReplaceAll(s, "runs", p.unit)
	}
	return s
}
