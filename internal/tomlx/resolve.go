package tomlx

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// The functions here reach into decoded Go values by path, for
// `-set path=value` overrides and for events that change a parameter in
// the middle of a run. They use the same field names and the same type
// rules as Decode, so a value accepted in a file is accepted on the
// command line and the reverse.

// Resolve returns the value at path inside the struct v points to. Values
// reached through a struct, slice or pointer are addressable and settable.
// A value reached through a map (map[string]T) is a copy and is returned
// read-only (CanSet is false; an `any` entry gives the value it holds):
// change it with Set or SetString, which write the map entry back. Resolve does not change v: a nil pointer or missing
// map key on the way is an error.
func Resolve(v any, path string) (reflect.Value, error) {
	segs, err := parsePath(path)
	if err != nil {
		return reflect.Value{}, err
	}
	var out reflect.Value
	w := walker{segs: segs}
	err = w.walk(rootStruct(v, "Resolve"), "", func(_ string, dst reflect.Value, copied bool) error {
		out = dst
		if copied {
			out = readOnly(dst)
		}
		return nil
	})
	return out, err
}

// readOnly returns a copy of v that cannot be set; an interface value
// gives the value it holds.
func readOnly(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface {
		return v.Elem()
	}
	return reflect.ValueOf(v.Interface())
}

// Set assigns a TOML-like value (string, bool, int64 or float64 — other Go
// integer and float types are converted — time.Time, []any or
// map[string]any, as found in a map[string]any decoded by Decode) to the
// field at path, with the type checks of Decode. Nil pointers and missing
// map keys on the way are created; SetDefaults is called on what is new.
func Set(v any, path string, value any) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	w := walker{segs: segs, create: true}
	return w.walk(rootStruct(v, "Set"), "", func(p string, dst reflect.Value, _ bool) error {
		dec := &decoder{}
		dec.value(p, normalise(value), dst)
		return dec.errs.err()
	})
}

// SetString parses text as a TOML value (2, 0.5, 1e6, true, "quoted",
// [1, 2], { a = 1 }) and sets it at path as Set does. Text that is not a
// TOML value is taken as a bare string (`-set name=baseline`), unless it
// starts like a string, array or table, where a typo should be an error.
func SetString(v any, path, text string) error {
	value, err := parseValue(text)
	if err != nil {
		return &Error{Key: path, Msg: err.Error()}
	}
	return Set(v, path, value)
}

// parseValue reads text as the right-hand side of a TOML key/value line.
func parseValue(text string) (any, error) {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t, "\n\r") {
		return t, nil // never let a value smuggle in more lines
	}
	var m map[string]any
	_, err := toml.Decode("v = "+t, &m)
	if v, ok := m["v"]; err == nil && ok && len(m) == 1 {
		return v, nil
	}
	if strings.ContainsRune(`"'[{`, rune(t[0])) {
		msg := "not a TOML value"
		if err != nil {
			msg = syntaxError("", err).Msg
		}
		return nil, fmt.Errorf("invalid value %q: %s", t, msg)
	}
	return t, nil
}

// normalise converts Go numbers to the int64 and float64 a TOML tree holds.
func normalise(value any) any {
	rv := reflect.ValueOf(value)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if u := rv.Uint(); u > 1<<63-1 {
			return float64(u) // out of int64 range: let the decoder judge it
		}
		return int64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	}
	return value
}

// walker follows a parsed path through a Go value.
type walker struct {
	segs   []segment
	create bool // make nil pointers and missing map keys (Set), or fail (Resolve)
}

// visit gets the value at the end of the path; copied is set when that
// value is a copy of a map entry rather than the real storage.
type visit func(path string, dst reflect.Value, copied bool) error

func (w *walker) walk(rv reflect.Value, path string, fn visit) error {
	return w.step(rv, path, 0, false, fn)
}

func (w *walker) step(rv reflect.Value, path string, i int, copied bool, fn visit) error {
	if i == len(w.segs) {
		return fn(path, rv, copied)
	}
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			if !w.create {
				return &Error{Key: path, Msg: "is not set (nil)"}
			}
			p := reflect.New(rv.Type().Elem())
			setDefaults(p)
			rv.Set(p)
		}
		rv, copied = rv.Elem(), false // a pointer leads to the real storage
	}
	s := w.segs[i]
	if s.isIdx {
		next := joinIndex(path, s.index)
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			return &Error{Key: next, Msg: fmt.Sprintf("cannot index: %s is not an array", path)}
		}
		if s.index >= rv.Len() {
			return &Error{Key: next, Msg: fmt.Sprintf("index out of range (the array has %d elements)", rv.Len())}
		}
		return w.step(rv.Index(s.index), next, i+1, copied, fn)
	}
	next := joinKey(path, s.key)
	switch {
	case rv.Kind() == reflect.Struct:
		fs := fieldsOf(rv.Type())
		f, ok := lookup(fs, s.key)
		if !ok {
			return &Error{Key: next, Msg: "unknown key" + suggest(s.key, fieldNames(fs))}
		}
		return w.step(rv.FieldByIndex(f.index), next, i+1, copied, fn)
	case rv.Kind() == reflect.Map && rv.Type().Key().Kind() == reflect.String:
		return w.mapEntry(rv, next, i, fn)
	}
	if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		return &Error{Key: next, Msg: fmt.Sprintf("cannot look up a key: %s is an array, use %s[i]", path, path)}
	}
	return &Error{Key: next, Msg: fmt.Sprintf("cannot look up a key: %s is not a table", path)}
}

// mapEntry steps into the map entry named by segment i. Map entries are not
// addressable, so the walk continues in a copy that is stored back when
// setting.
func (w *walker) mapEntry(rv reflect.Value, path string, i int, fn visit) error {
	t := rv.Type()
	key := reflect.ValueOf(w.segs[i].key).Convert(t.Key())
	elem := reflect.New(t.Elem()).Elem()
	if old := rv.MapIndex(key); old.IsValid() {
		elem.Set(old)
	} else if !w.create {
		var names []string
		for _, k := range rv.MapKeys() {
			names = append(names, k.String())
		}
		slices.Sort(names)
		return &Error{Key: path, Msg: "no such key" + suggest(w.segs[i].key, names)}
	} else {
		setDefaults(elem.Addr())
	}
	if err := w.step(elem, path, i+1, true, fn); err != nil {
		return err
	}
	if w.create {
		if rv.IsNil() {
			rv.Set(reflect.MakeMap(t))
		}
		rv.SetMapIndex(key, elem)
	}
	return nil
}

// Leaves lists the path of every settable leaf of the struct v points to,
// in declaration order, for help listings and "did you mean" suggestions.
// Structs are expanded field by field; a slice or map of structs is
// expanded element by element (edges[0].detect, edges[1].detect, ...)
// when it has elements and listed by its own name when empty; any other
// slice or map, and anything decoded from a string (TextUnmarshaler,
// time.Time), is one leaf.
func Leaves(v any) []string {
	var out []string
	leaves("", rootStruct(v, "Leaves"), &out)
	return out
}

func leaves(path string, rv reflect.Value, out *[]string) {
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			*out = append(*out, path)
			return
		}
		rv = rv.Elem()
	}
	t := rv.Type()
	switch {
	case t.Kind() == reflect.Struct && !textLike(t):
		for _, f := range fieldsOf(t) {
			leaves(joinKey(path, f.name), rv.FieldByIndex(f.index), out)
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && expandable(t.Elem()) && rv.Len() > 0:
		for i := range rv.Len() {
			leaves(joinIndex(path, i), rv.Index(i), out)
		}
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && expandable(t.Elem()) && rv.Len() > 0:
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			leaves(joinKey(path, k.String()), rv.MapIndex(k), out)
		}
	default:
		*out = append(*out, path)
	}
}

// expandable reports whether values of t have leaves of their own.
func expandable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && !textLike(t)
}

// textLike reports whether t is decoded from a single TOML string or date.
func textLike(t reflect.Type) bool {
	return t == timeType || reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}
