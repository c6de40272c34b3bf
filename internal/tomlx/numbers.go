package tomlx

import (
	"math"
	"reflect"
	"time"
)

// Numbers are where hand-written files go wrong most quietly, so the rules
// are strict and the messages say what would have been accepted:
//   - an integer field takes a TOML integer, or a float with an integral
//     value (3.0, 1e6), never 2.5;
//   - a float field takes integers and floats;
//   - nan and ±inf are refused everywhere, since one of them in a
//     parameter poisons every number computed from it;
//   - a value that does not fit the Go type is refused, not wrapped.

// twoTo63 is 2^63 as a float64: the first float beyond the int64 range.
const twoTo63 = 9223372036854775808.0

// integer decodes into a signed integer of any size.
func (d *decoder) integer(path string, data any, rv reflect.Value) {
	bits := rv.Type().Bits()
	lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)-1
	var n int64
	switch v := data.(type) {
	case int64:
		n = v
	case float64:
		if !d.finite(path, v) {
			return
		}
		if v != math.Trunc(v) {
			d.mismatch(path, "an integer", data)
			return
		}
		if v < -twoTo63 || v >= twoTo63 {
			d.errorf(path, "expected an integer between %d and %d, found %s", lo, hi, describe(data))
			return
		}
		n = int64(v)
	default:
		d.mismatch(path, "an integer", data)
		return
	}
	if rv.OverflowInt(n) {
		d.errorf(path, "expected an integer between %d and %d, found %d", lo, hi, n)
		return
	}
	rv.SetInt(n)
}

// unsigned decodes into an unsigned integer of any size.
func (d *decoder) unsigned(path string, data any, rv reflect.Value) {
	bits := rv.Type().Bits()
	hi := uint64(math.MaxUint64) >> (64 - bits)
	var n uint64
	switch v := data.(type) {
	case int64:
		if v < 0 {
			d.mismatch(path, "a non-negative integer", data)
			return
		}
		n = uint64(v)
	case float64:
		if !d.finite(path, v) {
			return
		}
		if v != math.Trunc(v) || v < 0 {
			d.mismatch(path, "a non-negative integer", data)
			return
		}
		if v >= 2*twoTo63 {
			d.errorf(path, "expected an integer between 0 and %d, found %s", hi, describe(data))
			return
		}
		n = uint64(v)
	default:
		d.mismatch(path, "a non-negative integer", data)
		return
	}
	if rv.OverflowUint(n) {
		d.errorf(path, "expected an integer between 0 and %d, found %d", hi, n)
		return
	}
	rv.SetUint(n)
}

// float decodes into float32 or float64.
func (d *decoder) float(path string, data any, rv reflect.Value) {
	var f float64
	switch v := data.(type) {
	case int64:
		f = float64(v)
	case float64:
		if !d.finite(path, v) {
			return
		}
		f = v
	default:
		d.mismatch(path, "a number", data)
		return
	}
	if rv.OverflowFloat(f) {
		d.errorf(path, "expected a number between %g and %g, found %s", -math.MaxFloat32, math.MaxFloat32, describe(data))
		return
	}
	rv.SetFloat(f)
}

// finite reports whether f is a finite number, and reports it if not.
func (d *decoder) finite(path string, f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(path, "must be a finite number, found %s", formatFloat(f))
		return false
	}
	return true
}

// raw is the value an `any` field keeps: the TOML value as parsed, with
// every number as a float64 so that users of map[string]any need not care
// whether the file said 2 or 2.0 (integers beyond 2^53 lose precision).
// Tables are map[string]any and arrays []any, all the way down.
func (d *decoder) raw(path string, data any) (any, bool) {
	switch v := data.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, d.finite(path, v)
	case string, bool, time.Time:
		return v, true
	case map[string]any:
		out := make(map[string]any, len(v))
		ok := true
		for k, e := range v {
			r, eok := d.raw(joinKey(path, k), e)
			out[k], ok = r, ok && eok
		}
		return out, ok
	}
	arr, isArr := asArray(data)
	if !isArr {
		d.errorf(path, "unsupported value %s", describe(data))
		return nil, false
	}
	out := make([]any, len(arr))
	ok := true
	for i, e := range arr {
		r, eok := d.raw(joinIndex(path, i), e)
		out[i], ok = r, ok && eok
	}
	return out, ok
}
