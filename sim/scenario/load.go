package scenario

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/krysha/krysha/internal/tomlx"
)

// MaxFileBytes bounds a scenario file: the largest plausible scenario is a
// few hundred kilobytes, and parsing holds the whole tree in memory.
const MaxFileBytes = 4 << 20

// Source is a scenario as loaded: the decoded, validated Scenario and what
// it was made from.
type Source struct {
	Scenario *Scenario
	// Name is the file name used in messages.
	Name string
	// Text is the file's text; Sets the -set overrides applied over it.
	Text []byte
	Sets []string
}

// Hash is the SHA-256 of the scenario text followed by one line
// "# -set PATH=VALUE" per override, in order: two runs with the same hash
// ran the same scenario.
func (s *Source) Hash() string {
	h := sha256.New()
	h.Write(s.Text)
	for _, set := range s.Sets {
		fmt.Fprintf(h, "\n# -set %s", set)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Parse decodes text over Default, applies the -set overrides (each
// "dotted.path=value") and validates the result. Every problem found is
// returned at once as tomlx.Errors, each "NAME:LINE: key: message" (past
// a hundred, a last line counts the rest). A scenario past the limits of
// limits.go is refused here, before anything is built from it.
func Parse(name string, text []byte, sets []string) (*Source, error) {
	if err := checkText(name, text); err != nil {
		return nil, err
	}
	doc, err := tomlx.ParseFile(name, text)
	if err != nil {
		return nil, err
	}
	sc := Default()
	var errs tomlx.Errors
	if err := doc.Decode(sc); err != nil {
		errs = append(errs, asErrors(err)...)
	}
	for _, set := range sets {
		if err := applySet(sc, set); err != nil {
			errs = append(errs, err)
		}
	}
	if n := len(errs); n > maxProblems {
		// As Validate does: a file of garbage must not print a million
		// lines (the overlaps below need only the kept ones' keys, and
		// validation problems would be buried anyway).
		errs = append(errs[:maxProblems:maxProblems], &tomlx.Error{File: name,
			Msg: fmt.Sprintf("%d more problems not shown (at most %d are)", n-maxProblems, maxProblems)})
		return nil, errs
	}
	// A half-decoded scenario is still validated, so that one run reports
	// every fault of a file; only the problems at or around a key that
	// failed to decode are left out, since they would repeat it.
	bad := errs
	for _, p := range sc.Validate() {
		if !overlaps(p.Key, bad) {
			errs = append(errs, &tomlx.Error{File: name, Line: doc.Line(p.Key), Key: p.Key, Msg: p.Msg})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &Source{Scenario: sc, Name: name, Text: text, Sets: sets}, nil
}

// overlaps reports whether a validation problem at key concerns a key of
// one of the decoding errors: the same key, one inside the other, or the
// same element of an array (edges[3].km and edges[3].to). The count of
// problems not shown (key "") overlaps none.
func overlaps(key string, errs tomlx.Errors) bool {
	if len(errs) == 0 || key == "" {
		return false
	}
	element := func(k string) string {
		if i := strings.IndexByte(k, ']'); i >= 0 {
			return k[:i+1]
		}
		return k
	}
	within := func(a, b string) bool { // a is b or inside it
		return a == b || strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
	}
	for _, e := range errs {
		if e.Key == "" {
			continue // a malformed -set changed nothing
		}
		if within(key, e.Key) || within(e.Key, key) ||
			element(key) == element(e.Key) && strings.Contains(key, "]") {
			return true
		}
	}
	return false
}

// checkText refuses what is not a scenario before the parser sees it.
func checkText(name string, text []byte) error {
	fail := func(format string, args ...any) error {
		return tomlx.Errors{{File: name, Line: 1, Msg: fmt.Sprintf(format, args...)}}
	}
	switch {
	case len(text) > MaxFileBytes:
		return fail("the file is %d MB; a scenario may be at most %d MB", len(text)>>20, MaxFileBytes>>20)
	case bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text):
		return fail("not a text file (a scenario is TOML text in UTF-8)")
	}
	for _, line := range strings.Split(string(text), "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			return nil
		}
	}
	return fail("the file is empty: a scenario needs at least name, start, end, nodes, edges and clans")
}

// applySet applies one "path=value" override.
func applySet(sc *Scenario, set string) *tomlx.Error {
	path, value, ok := strings.Cut(set, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return &tomlx.Error{File: "-set", Msg: fmt.Sprintf("%q: expected PATH=VALUE, e.g. bribe.same_clan=0", set)}
	}
	// A segment named by its ends, edges[FROM>TO].field, is edges[i].field.
	if ref, field, ok := splitEdgePath(path); ok && strings.Contains(ref, ">") {
		i, err := sc.EdgeIndex(ref)
		if err != nil {
			return &tomlx.Error{File: "-set", Key: path, Msg: err.Error()}
		}
		path = fmt.Sprintf("edges[%d].%s", i, field)
	}
	if err := tomlx.SetString(sc, path, strings.TrimSpace(value)); err != nil {
		e := &tomlx.Error{File: "-set", Key: path, Msg: err.Error()}
		var te *tomlx.Error
		if errors.As(err, &te) {
			e.Msg = te.Msg
		}
		return e
	}
	return nil
}

func asErrors(err error) tomlx.Errors {
	switch e := err.(type) {
	case tomlx.Errors:
		return e
	case *tomlx.Error:
		return tomlx.Errors{e}
	}
	return tomlx.Errors{{Msg: err.Error()}}
}
