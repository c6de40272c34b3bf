package tomlx

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem in a document, placed so that an editor can jump to
// it: "FILE:LINE: key: message".
type Error struct {
	File string // name given to ParseFile; "" when none
	Line int    // 1-based line; 0 when unknown (e.g. errors from SetString)
	Key  string // path of the offending key; "" for a pure syntax error
	Msg  string
}

// Error formats e as "FILE:LINE: key: msg", leaving out the parts that are
// empty or zero.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(":")
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one pass, so that a user fixes a
// scenario file in one round instead of one error per run. Its values are
// never empty: functions return a nil error rather than an empty Errors.
type Errors []*Error

// Error puts one error on a line, in order of line and then key.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As and errors.Is see each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// sort orders es by line and then key, the order a reader scans the file.
func (es Errors) sort() {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Key, b.Key))
	})
}

// err returns es as an error, or nil when there is none: returning an
// empty Errors through the error interface would be a non-nil error.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	es.sort()
	return es
}
