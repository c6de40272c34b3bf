package tomlx

import (
	"encoding"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Defaulter is implemented by element types that need defaults before a
// table is decoded over them: the zero value of each new slice element,
// new map entry and newly allocated pointer gets SetDefaults called, so
// that a `[[organization]]` table only has to name what differs.
type Defaulter interface{ SetDefaults() }

var (
	timeType      = reflect.TypeFor[time.Time]()
	defaulterType = reflect.TypeFor[Defaulter]()
)

// Decode decodes the document into v, a pointer to a struct, over the
// values already there: keys the document leaves out keep their values,
// which is how callers supply defaults. An array in the document replaces
// the whole Go slice, and a table decoded into a map adds to it.
//
// Decode does not stop at the first problem: it returns every unknown key
// and every type error as one Errors, sorted by line, or nil. The parts of
// v that decoded cleanly are set either way.
func (d *Doc) Decode(v any) error {
	dec := &decoder{doc: d}
	dec.table("", d.tree, rootStruct(v, "Decode"))
	return dec.errs.err()
}

// rootStruct returns the struct v points to; anything else is a bug in
// the caller, not bad input.
func rootStruct(v any, fn string) reflect.Value {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("tomlx: %s needs a non-nil pointer to a struct, got %T", fn, v))
	}
	return rv.Elem()
}

// decoder walks a generic TOML tree and a Go value side by side, collecting
// errors instead of stopping at them.
type decoder struct {
	doc  *Doc // nil when setting a single value (SetString)
	errs Errors
}

func (d *decoder) errorf(path, format string, args ...any) {
	e := &Error{Key: path, Msg: fmt.Sprintf(format, args...)}
	if d.doc != nil {
		e.File, e.Line = d.doc.Name, d.doc.Line(path)
	}
	d.errs = append(d.errs, e)
}

// mismatch reports a value of the wrong kind.
func (d *decoder) mismatch(path, want string, data any) {
	d.errorf(path, "expected %s, found %s", want, describe(data))
}

// value decodes data into rv, which must be settable.
func (d *decoder) value(path string, data any, rv reflect.Value) {
	t := rv.Type()
	if t.Kind() == reflect.Pointer {
		if rv.IsNil() {
			p := reflect.New(t.Elem())
			setDefaults(p)
			rv.Set(p)
		}
		d.value(path, data, rv.Elem())
		return
	}
	if tm, ok := data.(time.Time); ok && t == timeType {
		rv.Set(reflect.ValueOf(tm))
		return
	}
	if u, ok := rv.Addr().Interface().(encoding.TextUnmarshaler); ok {
		s, ok := data.(string)
		if !ok {
			d.mismatch(path, "a string", data)
		} else if err := u.UnmarshalText([]byte(s)); err != nil {
			d.errorf(path, "%v", err)
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := data.(string); ok {
			rv.SetString(s)
		} else {
			d.mismatch(path, "a string", data)
		}
	case reflect.Bool:
		if b, ok := data.(bool); ok {
			rv.SetBool(b)
		} else {
			d.mismatch(path, "a boolean (true or false)", data)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.integer(path, data, rv)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.unsigned(path, data, rv)
	case reflect.Float32, reflect.Float64:
		d.float(path, data, rv)
	case reflect.Struct:
		if m, ok := data.(map[string]any); ok {
			d.table(path, m, rv)
		} else {
			d.mismatch(path, "a table", data)
		}
	case reflect.Map:
		d.mapping(path, data, rv)
	case reflect.Slice:
		d.slice(path, data, rv)
	case reflect.Interface:
		if t.NumMethod() != 0 {
			d.errorf(path, "cannot decode into Go type %s", t)
		} else if raw, ok := d.raw(path, data); ok {
			rv.Set(reflect.ValueOf(raw))
		}
	default:
		d.errorf(path, "cannot decode into Go type %s", t)
	}
}

// table decodes a TOML table into a struct, key by key in sorted order.
func (d *decoder) table(path string, m map[string]any, rv reflect.Value) {
	fs := fieldsOf(rv.Type())
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kp := joinKey(path, k)
		f, ok := lookup(fs, k)
		if !ok {
			d.errorf(kp, "unknown key%s", suggest(k, fieldNames(fs)))
			continue
		}
		d.value(kp, m[k], rv.FieldByIndex(f.index))
	}
}

// mapping decodes a TOML table into a map with string keys, over the
// entries already there.
func (d *decoder) mapping(path string, data any, rv reflect.Value) {
	t := rv.Type()
	if t.Key().Kind() != reflect.String {
		d.errorf(path, "cannot decode into Go type %s", t)
		return
	}
	m, ok := data.(map[string]any)
	if !ok {
		d.mismatch(path, "a table", data)
		return
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMapWithSize(t, len(m)))
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		key := reflect.ValueOf(k).Convert(t.Key())
		elem := reflect.New(t.Elem()).Elem()
		if old := rv.MapIndex(key); old.IsValid() {
			elem.Set(old)
		} else {
			setDefaults(elem.Addr())
		}
		d.value(joinKey(path, k), m[k], elem)
		rv.SetMapIndex(key, elem)
	}
}

// slice decodes a TOML array into a new slice that replaces rv, so that a
// list in the file is the whole list, not an addition to the defaults.
func (d *decoder) slice(path string, data any, rv reflect.Value) {
	arr, ok := asArray(data)
	if !ok {
		d.mismatch(path, "an array", data)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(arr), len(arr))
	for i, elem := range arr {
		e := out.Index(i)
		setDefaults(e.Addr())
		d.value(joinIndex(path, i), elem, e)
	}
	rv.Set(out)
}

// setDefaults calls SetDefaults through p if its type has it.
func setDefaults(p reflect.Value) {
	if p.Type().Implements(defaulterType) {
		p.Interface().(Defaulter).SetDefaults()
	}
}

// describe names a TOML value for "expected X, found Y".
func describe(data any) string {
	switch v := data.(type) {
	case string:
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "..."
		}
		return "string " + strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return formatFloat(v)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return "a date-time"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return fmt.Sprintf("%v", data)
}

// formatFloat writes f as TOML does, so "nan" and "inf" look like the file.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if f == math.Trunc(f) && !strings.ContainsAny(s, ".e") {
		s += ".0" // 3.0 in the file, not the integer 3
	}
	return s
}
