package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A fake clock that advances by step at every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestSweepProgressTerminal(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := newSweepProgress(&b, false, 10, 2)
	p.tty, p.now = true, fakeClock(time.Second)
	p.start = p.now()
	p.last = p.start
	for range 8 {
		p.step()
	}
	// Eight runs, one a second: 1 run/s, none left at the end.
	last := b.String()[strings.LastIndex(b.String(), "\r")+1:]
	if want := "[========================] 10/10 runs, 1 runs/s, 0s left"; last != want {
		t.Errorf("last bar %q, want %q", last, want)
	}
	if !strings.Contains(b.String(), "\r[=======>                ] 3/10 runs, 1 runs/s, 7s left") {
		t.Errorf("bars:\n%q", b.String())
	}
	p.clear()
	if !strings.HasSuffix(b.String(), "\r"+strings.Repeat(" ", len(last))+"\r") {
		t.Errorf("clear did not erase the bar: %q", b.String()[len(b.String())-80:])
	}
}

func TestSweepProgressLog(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := newSweepProgress(&b, false, 100, 0)
	p.now = fakeClock(3 * time.Second) // not a terminal: a line every 10 s
	p.start = p.now()
	p.last = p.start
	for range 10 {
		p.step()
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	// Steps 3 s apart: a line at 12 s and at 24 s.
	if len(lines) != 2 || lines[0] != "sweep: 4/100 runs, 0.333 runs/s, 4m48s left" || lines[1] != "sweep: 8/100 runs, 0.333 runs/s, 4m36s left" {
		t.Errorf("log lines:\n%s", b.String())
	}
	var q bytes.Buffer
	quiet := newSweepProgress(&q, true, 5, 0)
	quiet.tty = true
	for range 5 {
		quiet.step()
	}
	quiet.finish(time.Second, 2, "out")
	if q.Len() != 0 {
		t.Errorf("-quiet printed %q", q.String())
	}
}
