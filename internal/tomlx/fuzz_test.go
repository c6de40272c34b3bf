package tomlx

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParseDecode feeds arbitrary bytes through everything that reads
// user text. Seeds are in testdata/fuzz/FuzzParseDecode. It checks that
// nothing panics or hangs, that every error is placed on a real line (or
// 0), and that every path the scanner records reads back to itself, since
// a path spelled two ways would silently lose its line.
func FuzzParseDecode(f *testing.F) {
	f.Add([]byte(goodScenario))
	f.Add([]byte(badScenario))
	f.Add([]byte(linesDoc))
	f.Fuzz(func(t *testing.T, data []byte) {
		lastLine := bytes.Count(data, []byte("\n")) + 1
		lines, refused := scanLines(data)
		if refused != nil && (refused.Line < 1 || refused.Line > lastLine) {
			t.Errorf("scanner refused on line %d of %d", refused.Line, lastLine)
		}
		for p, l := range lines {
			if l < 1 || l > lastLine {
				t.Errorf("scanner put %s on line %d of %d", p, l, lastLine)
			}
			if segs, err := parsePath(p); err != nil || formatPath(segs) != p {
				t.Errorf("scanner path %q does not read back: %v", p, err)
			}
		}
		doc, err := Parse(data)
		if err != nil {
			checkErrors(t, err, lastLine, false)
			return
		}
		s := defaultScenario()
		checkErrors(t, doc.Decode(&s), lastLine, true)
		var k kinds
		checkErrors(t, doc.Decode(&k), lastLine, true)
		for _, p := range Leaves(&s) {
			if _, err := Resolve(&s, p); err != nil {
				t.Errorf("leaf %s does not resolve: %v", p, err)
			}
		}
	})
}

// checkErrors checks that err is nil or an Errors of well-formed *Error.
func checkErrors(t *testing.T, err error, lastLine int, wantKey bool) {
	t.Helper()
	if err == nil {
		return
	}
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error %v (%T) is not a non-empty Errors", err, err)
	}
	for _, e := range es {
		if e.Line < 0 || e.Line > lastLine {
			t.Errorf("error on line %d of %d: %v", e.Line, lastLine, e)
		}
		if wantKey && e.Key == "" || e.Msg == "" {
			t.Errorf("error without key or message: %#v", e)
		}
	}
}
