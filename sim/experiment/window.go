package experiment

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/krysha/krysha/sim/scenario"
)

// DefaultWindowYears is the length of the default evaluation window: the
// last seven years of a scenario, for the default 2009-2015, the years
// of the US Trafficking in Persons reports that the model is compared
// with most.
const DefaultWindowYears = 7

// A Window is a span of calendar years, First to Last inclusive, over
// which a run's summary outcomes are averaged.
type Window struct {
	First int `json:"first"`
	Last  int `json:"last"`
}

// ParseWindow reads "FIRST:LAST" (e.g. "2009:2015") or a single year.
func ParseWindow(s string) (Window, error) {
	first, last, two := strings.Cut(strings.TrimSpace(s), ":")
	if !two {
		last = first
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(first))
	b, err2 := strconv.Atoi(strings.TrimSpace(last))
	if err1 != nil || err2 != nil {
		return Window{}, fmt.Errorf("window %q: want FIRST:LAST in calendar years, e.g. 2009:2015", s)
	}
	if b < a {
		return Window{}, fmt.Errorf("window %q: the last year is before the first", s)
	}
	return Window{First: a, Last: b}, nil
}

// DefaultWindow returns the last DefaultWindowYears calendar years of
// the period start..end, or all of them if it is shorter.
func DefaultWindow(start, end scenario.Month) Window {
	return Window{First: max(start.Year(), end.Year()-DefaultWindowYears+1), Last: end.Year()}
}

// Clip returns the part of w within the years of start..end, or an
// error if none is.
func (w Window) Clip(start, end scenario.Month) (Window, error) {
	c := Window{First: max(w.First, start.Year()), Last: min(w.Last, end.Year())}
	if c.Last < c.First {
		return Window{}, fmt.Errorf("window %s is outside the scenario's years %d:%d", w, start.Year(), end.Year())
	}
	return c, nil
}

// String writes w as ParseWindow reads it.
func (w Window) String() string { return fmt.Sprintf("%d:%d", w.First, w.Last) }

// Years is the number of years of w.
func (w Window) Years() int { return w.Last - w.First + 1 }
