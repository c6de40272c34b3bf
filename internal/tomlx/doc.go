// Package tomlx is krysha's strict TOML reader: it decodes hand-written
// scenario files into Go structs and reports every problem at once, each as
// "FILE:LINE: key: message", so that a user fixes a file in one round.
//
// BurntSushi/toml does the parsing. Its struct decoder stops at the first
// type error and does not say on which line a key is, so this package
// decodes the parsed tree itself (decode.go, numbers.go) and finds key
// lines with a small scanner of its own (lines.go, lex.go).
//
// Loading a scenario is: fill a struct with defaults, ParseFile, Decode
// over the defaults, then validate:
//
//	s := DefaultScenario()
//	doc, err := tomlx.ParseFile(name, text)
//	if err != nil {
//		return err // FILE:LINE: syntax error
//	}
//	if err := doc.Decode(&s); err != nil {
//		return err // every unknown key and type error, one a line
//	}
//
// # Paths
//
// One path syntax names keys everywhere: in errors, in Doc.Line and
// Doc.Has, and in Resolve, Set and SetString, which apply `-set
// path=value` overrides and timed parameter changes to decoded values. A
// user can copy the key out of an error and paste it after -set:
//
//	officials.border_guard.integrity.alpha
//	nodes[1].id
//	event[2].set."enforcement.budget"
//
// Keys are joined with dots; array elements are written name[i], 0-based
// in document order, for arrays of tables ([[event]]) and inline arrays
// alike; a key that is not a TOML bare key (letters, digits, '_', '-') is
// written in double quotes with Go escapes. On input, 'single-quoted' keys
// and spaces around dots and brackets are accepted too.
//
// # Decoding
//
// Struct fields are keys by their `toml:"name"` tag, else their lower-case
// Go name; `toml:"-"` is skipped; an embedded struct without a tag is
// flattened into the outer table. Unknown keys are errors, with a "did you
// mean" suggestion. Supported Go types: string, bool, all int and uint
// sizes, float32, float64, structs, pointers, slices, map[string]T, any,
// time.Time and every encoding.TextUnmarshaler (from a TOML string).
//
// Integer fields take TOML integers and floats with an integral value
// (3.0, 1e6), never 2.5; float fields take both; nan and ±inf are refused;
// a value the Go type cannot hold is refused, not wrapped. An `any` field
// (such as the values of a map[string]any) keeps the TOML value with every
// number as float64. An array replaces the whole Go slice; each new
// element starts from its Defaulter.SetDefaults. A table decodes over the
// struct or map already there, so defaults survive.
//
// This package reads no files and keeps no global state. It never panics
// on bad input; it panics only when handed something other than a non-nil
// pointer to a struct, which is a bug in the caller.
package tomlx

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Doc is a parsed TOML document: its generic tree and the line of every
// key. It is not changed by Decode and may be decoded more than once.
type Doc struct {
	// Name is put in front of every error, normally the file name.
	Name string

	tree  map[string]any // as BurntSushi/toml decodes into map[string]any
	lines map[string]int // canonical path -> line of first definition
}

// Parse parses text. A syntax error is returned as an Errors holding one
// *Error with the line and a short message; BurntSushi/toml stops at the
// first syntax error, so there is never more than one. Documents nested
// more than 64 deep, or with keys of more than 64 dotted parts, are
// refused (see lines.go for why).
func Parse(text []byte) (*Doc, error) {
	return ParseFile("", text)
}

// ParseFile is Parse for a document read from the file name, which prefixes
// every error reported for this document.
func ParseFile(name string, text []byte) (*Doc, error) {
	lines, refused := scanLines(text)
	if refused != nil {
		refused.File = name
		return nil, Errors{refused}
	}
	var tree map[string]any
	if _, err := toml.Decode(string(text), &tree); err != nil {
		return nil, Errors{syntaxError(name, err)}
	}
	if tree == nil {
		tree = map[string]any{}
	}
	return &Doc{Name: name, tree: tree, lines: lines}, nil
}

// syntaxError turns a BurntSushi/toml error into an *Error with a message
// that reads as part of "FILE:LINE: message".
func syntaxError(name string, err error) *Error {
	e := &Error{File: name, Msg: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e.Line = max(pe.Position.Line, 0) // not pe.Line: it is unreliable
		e.Msg = pe.Message
	}
	e.Msg = shorten(e.Msg)
	return e
}

// shorten keeps the first line of msg, without a trailing period and with
// a lower-case first word unless it is an acronym ("TOML").
func shorten(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n")
	msg = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(msg), "."))
	msg = strings.TrimPrefix(msg, "toml: ")
	first, size := utf8.DecodeRuneInString(msg)
	second, _ := utf8.DecodeRuneInString(msg[size:])
	if unicode.IsUpper(first) && !unicode.IsUpper(second) {
		msg = string(unicode.ToLower(first)) + msg[size:]
	}
	if msg == "" {
		msg = "syntax error"
	}
	return msg
}

// Line returns the line on which the key at path is defined. A path the
// scanner has no line for (an implicit table, or a key the document does
// not define) gets the line of its nearest known ancestor, so that errors
// about missing keys still point near the right place; 0 if none is known.
func (d *Doc) Line(path string) int {
	if d == nil {
		return 0
	}
	if l, ok := d.lines[path]; ok {
		return l
	}
	segs, err := parsePath(path)
	if err != nil {
		return 0
	}
	for n := len(segs); n > 0; n-- {
		if l, ok := d.lines[formatPath(segs[:n])]; ok {
			return l
		}
	}
	return 0
}

// Has reports whether the document defines the key at path, so that a
// caller can tell a key set to zero from one left out.
func (d *Doc) Has(path string) bool {
	segs, err := parsePath(path)
	if d == nil || err != nil {
		return false
	}
	var cur any = d.tree
	for _, s := range segs {
		var ok bool
		if cur, ok = child(cur, s); !ok {
			return false
		}
	}
	return true
}

// child steps one segment into a generic tree value.
func child(v any, s segment) (any, bool) {
	if !s.isIdx {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		c, ok := m[s.key]
		return c, ok
	}
	arr, ok := asArray(v)
	if !ok || s.index >= len(arr) {
		return nil, false
	}
	return arr[s.index], true
}

// asArray views both shapes BurntSushi/toml gives arrays ([]any, and
// []map[string]any for arrays of tables) as []any.
func asArray(v any) ([]any, bool) {
	switch a := v.(type) {
	case []any:
		return a, true
	case []map[string]any:
		out := make([]any, len(a))
		for i, m := range a {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}
