package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/experiment/design"
)

// A tableReader reads one of a scenario's study tables ([sweep],
// [sensitivity], [calibrate]), decoded as a map, key by key, collecting
// every problem as FILE:LINE: TABLE.KEY: message.
type tableReader struct {
	sf    *scenarioFile
	table string
	doc   *tomlx.Doc
	errs  tomlx.Errors
}

func newTableReader(sf *scenarioFile, table string) *tableReader {
	doc, _ := tomlx.ParseFile(sf.name, sf.text)
	return &tableReader{sf: sf, table: table, doc: doc}
}

// keys returns t's keys in order, so that problems are reported in the
// same order every time.
func (r *tableReader) keys(t map[string]any) []string { return slices.Sorted(maps.Keys(t)) }

// bad records a problem with key (which may be a path below it, such as
// "vary[2]").
func (r *tableReader) bad(key, format string, args ...any) {
	k := r.table + "." + key
	r.errs = append(r.errs, &tomlx.Error{File: r.sf.name, Line: r.doc.Line(k), Key: k, Msg: fmt.Sprintf(format, args...)})
}

// where is "FILE:LINE: TABLE.KEY", the source of a value in messages.
func (r *tableReader) where(key string) string {
	k := r.table + "." + key
	return fmt.Sprintf("%s:%d: %s", r.sf.name, r.doc.Line(k), k)
}

// str reads a string.
func (r *tableReader) str(k string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		r.bad(k, "expected a string, found %v", v)
	}
	return s, ok
}

// boolean reads true or false.
func (r *tableReader) boolean(k string, v any) (bool, bool) {
	b, ok := v.(bool)
	if !ok {
		r.bad(k, "expected true or false, found %v", v)
	}
	return b, ok
}

// whole reads a whole number of at least least (and at most
// design.MaxRuns, beyond which no study runs).
func (r *tableReader) whole(k string, v any, least float64) (int, bool) {
	x, ok := v.(float64)
	if !ok || x != math.Trunc(x) || x < least || x > design.MaxRuns {
		r.bad(k, "expected a whole number of at least %g, found %v", least, v)
		return 0, false
	}
	return int(x), true
}

// strs reads a list of strings; list and elem describe, in messages,
// what the list and each string should be.
func (r *tableReader) strs(k string, v any, list, elem string) []string {
	l, ok := v.([]any)
	if !ok {
		r.bad(k, "expected %s, found %v", list, v)
		return nil
	}
	var out []string
	for i, e := range l {
		s, ok := e.(string)
		if !ok {
			r.bad(fmt.Sprintf("%s[%d]", k, i), "expected %s, found %v", elem, e)
			continue
		}
		out = append(out, s)
	}
	return out
}

// unknown records a key the table does not have, with the nearest known
// one and the list of them.
func (r *tableReader) unknown(k string, known []string) {
	msg := "unknown key"
	if s, ok := tomlx.Nearest(k, known); ok {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	r.bad(k, "%s; a [%s] table has %s", msg, r.table, strings.Join(known, ", "))
}

// err is every problem recorded, as one input error, or nil.
func (r *tableReader) err() error {
	if len(r.errs) > 0 {
		return &inputError{r.errs}
	}
	return nil
}
