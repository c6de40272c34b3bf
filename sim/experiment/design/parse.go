package design

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A FactorError reports a factor that cannot be used, with where it was
// written and the text as written:
//
//	-vary enforcement.budget_scale=3:1:5: lo must be below hi
type FactorError struct {
	// Source is where the factor came from ("-vary", "-fit", "[sweep]"),
	// or empty.
	Source string
	// Text is the factor as written, path=spec.
	Text string
	// Reason says what is wrong, in words a user can act on.
	Reason string
}

func (e *FactorError) Error() string {
	if e.Source == "" {
		return e.Text + ": " + e.Reason
	}
	return e.Source + " " + e.Text + ": " + e.Reason
}

// ParseFactor reads one factor written as
//
//	path=lo:hi:n   a grid of n ≥ 2 evenly spaced levels, both ends included
//	path=lo:hi     a range, for designs that sample it
//	path=a,b,c     explicit values (two or more, distinct)
//
// Numbers are Go floating-point literals and must be finite; n is a
// decimal integer. Spaces around the path, the numbers and n are ignored.
// src says where the text came from (e.g. "-vary") and is kept in the
// factor and in any error, which is a *FactorError. The factor's Int is
// false: whether a parameter is whole-numbered is the model's to say.
//
// A [sweep] table entry `"path" = "spec"` is the text "path=spec".
func ParseFactor(src, text string) (Factor, error) {
	fail := func(format string, args ...any) (Factor, error) {
		return Factor{}, &FactorError{Source: src, Text: text, Reason: fmt.Sprintf(format, args...)}
	}
	path, spec, ok := strings.Cut(text, "=")
	if !ok {
		return fail("want path=lo:hi:n, path=lo:hi or path=a,b,c")
	}
	f := Factor{Path: strings.TrimSpace(path), Source: src}
	if r := pathProblem(f.Path); r != "" {
		return fail("%s", r)
	}
	switch {
	case strings.Contains(spec, ",") && strings.Contains(spec, ":"):
		return fail("mix of ':' and ','; want lo:hi:n, lo:hi or a,b,c")
	case strings.Contains(spec, ","):
		for _, s := range strings.Split(spec, ",") {
			v, err := parseNumber(s)
			if err != "" {
				return fail("value %s", err)
			}
			f.Values = append(f.Values, v)
		}
		f.Lo, f.Hi = minMax(f.Values)
	case strings.Contains(spec, ":"):
		parts := strings.Split(spec, ":")
		if len(parts) > 3 {
			return fail("too many ':'; want lo:hi:n or lo:hi")
		}
		var err string
		if f.Lo, err = parseNumber(parts[0]); err != "" {
			return fail("lo %s", err)
		}
		if f.Hi, err = parseNumber(parts[1]); err != "" {
			return fail("hi %s", err)
		}
		if len(parts) == 3 {
			n, e := strconv.Atoi(strings.TrimSpace(parts[2]))
			if e != nil {
				return fail("level count %q is not a whole number", strings.TrimSpace(parts[2]))
			}
			if n < 2 {
				return fail("a grid needs n >= 2 levels, got %d", n)
			}
			f.Levels = n
		}
	case strings.TrimSpace(spec) == "":
		return fail("nothing after '='; want lo:hi:n, lo:hi or a,b,c")
	default:
		return fail("one value is not a factor; want lo:hi:n, lo:hi or a,b,c (fix a parameter with -set)")
	}
	if r := f.problem(); r != "" {
		return fail("%s", r)
	}
	return f, nil
}

// parseNumber reads a finite float, or says what is wrong with s.
func parseNumber(s string) (float64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "is missing"
	}
	v, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Sprintf("%q is out of range", s)
	}
	if err != nil {
		return 0, fmt.Sprintf("%q is not a number", s)
	}
	if !finite(v) {
		return 0, fmt.Sprintf("%q is not a finite number", s)
	}
	return v, ""
}

// ParseFactors parses each text with ParseFactor and rejects a path given
// twice.
func ParseFactors(src string, texts []string) ([]Factor, error) {
	fs := make([]Factor, 0, len(texts))
	for _, t := range texts {
		f, err := ParseFactor(src, t)
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
	}
	return Merge(fs)
}

// Merge concatenates groups of factors (say those of -vary and of -fit)
// and rejects a path that appears twice, naming both places:
//
//	-fit a.b=0:1: a.b is already given by -vary a.b=1:3:3
//
// The factors are copied in order, groups first to last.
func Merge(groups ...[]Factor) ([]Factor, error) {
	var out []Factor
	at := make(map[string]int)
	for _, g := range groups {
		for _, f := range g {
			if j, dup := at[f.Path]; dup {
				prev := &out[j]
				return nil, &FactorError{
					Source: f.Source, Text: f.String(),
					Reason: fmt.Sprintf("%s is already given by %s", f.Path,
						strings.TrimSpace(prev.Source+" "+prev.String())),
				}
			}
			at[f.Path] = len(out)
			f.Values = append([]float64(nil), f.Values...)
			out = append(out, f)
		}
	}
	return out, nil
}
