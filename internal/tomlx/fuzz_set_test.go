package tomlx

import (
	"errors"
	"strings"
	"testing"
)

// FuzzSetString feeds arbitrary `-set path=value` text to the path parser
// and SetString, the way krysha's -set flag and events use them. Seeds are
// in testdata/fuzz/FuzzSetString. It checks that nothing panics, that a
// refused override leaves a well-formed error, that a parsed path prints
// back to a path that parses to the same segments, and that a value that
// was set reads back through Resolve: an override that SetString accepts
// must be where the engine will look for it.
func FuzzSetString(f *testing.F) {
	for _, s := range [][2]string{
		{"enforcement.budget", "2"},
		{"officials.border_guard.integrity.alpha", "1e6"},
		{"nodes[0].id", `"x"`},
		{"organization[0].size", "2.5"},
		{`event[0].set."enforcement.budget"`, "{ a = [1, 2] }"},
		{"weights.new", "nan"},
		{"tags", `["a", 'b']`},
		{"start", `"2001-13"`},
		{"seed", "-1"},
		{"a..b", "1"},
		{"nodes[99999999999999999999].id", "1"},
		{"name", "multi\nline"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, path, value string) {
		if segs, err := parsePath(path); err == nil {
			canon := formatPath(segs)
			again, err := parsePath(canon)
			if err != nil || formatPath(again) != canon {
				t.Fatalf("path %q prints as %q, which reads back as %q, %v", path, canon, formatPath(again), err)
			}
		}
		s := defaultScenario()
		s.Event = []event{{Set: map[string]any{"enforcement.budget": 1.0}}}
		if err := SetString(&s, path, value); err != nil {
			// krysha prints the message of an *Error, or each of Errors.
			var e *Error
			var es Errors
			switch {
			case errors.As(err, &es):
				checkErrors(t, es, 1, false)
			case errors.As(err, &e):
				if strings.TrimSpace(e.Msg) == "" {
					t.Fatalf("SetString(%q, %q): error without a message: %#v", path, value, e)
				}
			default:
				t.Fatalf("SetString(%q, %q): error %v is a %T, want *Error or Errors", path, value, err, err)
			}
			return
		}
		if _, err := Resolve(&s, path); err != nil {
			t.Fatalf("SetString(%q, %q) succeeded but Resolve fails: %v", path, value, err)
		}
	})
}
