// Package observed reads the observed yearly figures a scenario is
// compared with and calibrated against (scenarios/data/README.md):
//
//	series,year,value,unit,quality,source
//	trafficking_convictions,2005,13,traffickers convicted,reported,"US Department of State, ..."
//
// The reader is strict, because a silently misread figure would pull a
// calibration off without a trace: the header must be exactly the one
// above, every row has six fields, the year is an integer, the value a
// finite number, the quality one of Qualities and the series and source
// non-empty. Every problem is reported at once, each with its line.
//
// The package only reads; which model metric a series is compared with
// is the caller's choice (a series is not always the same quantity as the
// nearest metric).
package observed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Header is the required first line.
var Header = []string{"series", "year", "value", "unit", "quality", "source"}

// Qualities are how direct a source is: "reported" is the authority's
// own figure (or the TIP narrative), "secondary" a press report quoting
// one.
var Qualities = []string{"reported", "secondary"}

// A Row is one observed figure.
type Row struct {
	Series  string  // e.g. "trafficking_convictions"
	Year    int     // the calendar year described
	Value   float64 // in Unit
	Unit    string  // as worded by the source
	Quality string  // one of Qualities
	Source  string  // who published the figure, where
	Line    int     // line in the file, for messages
}

// Error is one problem in a file: "FILE:LINE: column: message".
type Error struct {
	File   string
	Line   int
	Column string // "" for a problem with the whole line
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Column != "" {
		b.WriteString(e.Column + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem of a file, one a line, in order of line.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.As see each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// maxErrors bounds the problems reported: past it, the file is likely
// not this format at all and more lines would only bury the first.
const maxErrors = 20

// Parse reads the rows of text; name is the file name used in errors. An
// error is Errors.
func Parse(name string, text []byte) ([]Row, error) {
	text = bytes.TrimPrefix(text, []byte("\uFEFF")) // spreadsheets write a BOM
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1 // checked here, to say which line and why
	var errs Errors
	fail := func(line int, col, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
	var rows []Row
	for first := true; len(errs) < maxErrors; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			if first {
				fail(1, "", "the file is empty; expected the header %q", strings.Join(Header, ","))
			}
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				fail(pe.Line, "", "%v", pe.Err)
			} else {
				fail(0, "", "%v", err)
			}
			// The reader cannot find the next record after a bad quote
			// reliably; one message is more use than a cascade.
			break
		}
		line, _ := r.FieldPos(0)
		if first {
			if !slices.Equal(rec, Header) {
				fail(line, "", "the header is %q; expected %q", strings.Join(rec, ","), strings.Join(Header, ","))
				break
			}
			continue
		}
		if row, ok := parseRow(rec, line, fail); ok {
			rows = append(rows, row)
		}
	}
	if len(errs) > maxErrors {
		// A row can add several problems at once (found by fuzzing:
		// five bad fields on each of five lines gave 21); the bound holds.
		errs = errs[:maxErrors]
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rows, nil
}

// parseRow checks and converts one record.
func parseRow(rec []string, line int, fail func(int, string, string, ...any)) (Row, bool) {
	if len(rec) != len(Header) {
		fail(line, "", "%d fields; expected %d (%s); quote a field that holds a comma", len(rec), len(Header), strings.Join(Header, ","))
		return Row{}, false
	}
	row := Row{Series: rec[0], Unit: rec[3], Quality: rec[4], Source: rec[5], Line: line}
	ok := true
	bad := func(col, format string, args ...any) {
		fail(line, col, format, args...)
		ok = false
	}
	if strings.TrimSpace(row.Series) == "" {
		bad("series", "is empty")
	}
	y, err := strconv.Atoi(rec[1])
	switch {
	case err != nil:
		bad("year", "must be a whole year such as 2005, is %q", rec[1])
	case y < 1000 || y > 9999:
		bad("year", "must be a year in 1000..9999, is %d", y)
	}
	row.Year = y
	v, err := strconv.ParseFloat(rec[2], 64)
	switch {
	case err != nil:
		bad("value", "must be a number, is %q", rec[2])
	case math.IsInf(v, 0) || math.IsNaN(v):
		bad("value", "must be finite, is %q", rec[2])
	}
	row.Value = v
	if !slices.Contains(Qualities, row.Quality) {
		bad("quality", "must be one of %s, is %q", strings.Join(Qualities, ", "), row.Quality)
	}
	if strings.TrimSpace(row.Source) == "" {
		bad("source", "is empty: every figure needs its source")
	}
	return row, ok
}

// Series returns the rows of one series, in file order.
func Series(rows []Row, series string) []Row {
	var out []Row
	for _, r := range rows {
		if r.Series == series {
			out = append(out, r)
		}
	}
	return out
}
