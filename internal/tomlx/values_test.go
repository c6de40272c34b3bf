package tomlx

import (
	"reflect"
	"testing"
	"time"
)

// kinds has a field of every Go type Decode supports.
type kinds struct {
	S    string         `toml:"s"`
	Mode mode           `toml:"mode"`
	B    bool           `toml:"b"`
	I    int            `toml:"i"`
	I8   int8           `toml:"i8"`
	I32  int32          `toml:"i32"`
	U64  uint64         `toml:"u64"`
	F    float64        `toml:"f"`
	F32  float32        `toml:"f32"`
	Fs   []float64      `toml:"fs"`
	Grid [][]int        `toml:"grid"`
	M    map[string]int `toml:"m"`
	A    any            `toml:"a"`
	P    *beta          `toml:"p"`
	T    time.Time      `toml:"t"`
	Mo   month          `toml:"mo"`
	Ch   chan int       `toml:"ch"`
}

// mode checks that named string types decode as strings.
type mode string

func TestDecodeValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		doc     string
		want    kinds  // when err is ""
		wantErr string // the whole error text
	}{
		{doc: `s = "x"`, want: kinds{S: "x"}},
		{doc: `mode = "fast"`, want: kinds{Mode: "fast"}},
		{doc: `s = 3`, wantErr: `1: s: expected a string, found 3`},
		{doc: `s = { x = 1 }`, wantErr: `1: s: expected a string, found a table`},
		{doc: `b = true`, want: kinds{B: true}},
		{doc: `b = 1`, wantErr: `1: b: expected a boolean (true or false), found 1`},
		{doc: `i = -7`, want: kinds{I: -7}},
		{doc: `i = 3.0`, want: kinds{I: 3}},
		{doc: `i = 1e6`, want: kinds{I: 1000000}},
		{doc: `i = 2.5`, wantErr: `1: i: expected an integer, found 2.5`},
		{doc: `i = "3"`, wantErr: `1: i: expected an integer, found string "3"`},
		{doc: `i8 = 300`, wantErr: `1: i8: expected an integer between -128 and 127, found 300`},
		{doc: `i32 = 3e9`, wantErr: `1: i32: expected an integer between -2147483648 and 2147483647, found 3000000000`},
		{doc: `u64 = 1.8e19`, want: kinds{U64: 18000000000000000000}},
		{doc: `u64 = -1`, wantErr: `1: u64: expected a non-negative integer, found -1`},
		{doc: `u64 = 2e19`, wantErr: `1: u64: expected an integer between 0 and 18446744073709551615, found 2e+19`},
		{doc: `f = 2`, want: kinds{F: 2}},
		{doc: `f = -0.5e-3`, want: kinds{F: -0.0005}},
		{doc: `f = "abc"`, wantErr: `1: f: expected a number, found string "abc"`},
		{doc: `f = -inf`, wantErr: `1: f: must be a finite number, found -inf`},
		{doc: `f32 = 1e39`, wantErr: `1: f32: expected a number between -3.4028234663852886e+38 and 3.4028234663852886e+38, found 1e+39`},
		{doc: `fs = [1, 2.5]`, want: kinds{Fs: []float64{1, 2.5}}},
		{doc: `fs = [1, "x", 3]`, wantErr: `1: fs[1]: expected a number, found string "x"`},
		{doc: `fs = 1`, wantErr: `1: fs: expected an array, found 1`},
		{doc: `grid = [[1, 2], [3]]`, want: kinds{Grid: [][]int{{1, 2}, {3}}}},
		{doc: "grid = [\n  [1, 2],\n  [3, 0.5],\n]", wantErr: `3: grid[1][1]: expected an integer, found 0.5`},
		{doc: `m = { a = 1, b = 2.0 }`, want: kinds{M: map[string]int{"a": 1, "b": 2}}},
		{doc: `m = { a = 1.5 }`, wantErr: `1: m.a: expected an integer, found 1.5`},
		{doc: `m = [1]`, wantErr: `1: m: expected a table, found an array`},
		{doc: `a = [1, "x", { k = 2 }]`, want: kinds{A: []any{1.0, "x", map[string]any{"k": 2.0}}}},
		{doc: `a = [1, nan]`, wantErr: `1: a[1]: must be a finite number, found nan`},
		{doc: `p = { alpha = 2 }`, want: kinds{P: &beta{Alpha: 2}}},
		{doc: `p = 3`, wantErr: `1: p: expected a table, found 3`},
		{doc: `t = 1979-05-27T07:32:00Z`, want: kinds{T: time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC)}},
		{doc: `t = "1979-05-27T07:32:00Z"`, want: kinds{T: time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC)}},
		{doc: `mo = "2024-02"`, want: kinds{Mo: month{2024, 2}}},
		{doc: `mo = 2024`, wantErr: `1: mo: expected a string, found 2024`},
		{doc: `mo = 2024-02-01`, wantErr: `1: mo: expected a string, found a date-time`},
		{doc: `ch = 1`, wantErr: `1: ch: cannot decode into Go type chan int`},
		{doc: `Fs = [1]`, wantErr: `1: Fs: unknown key (did you mean "fs"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			t.Parallel()
			doc, err := Parse([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			var got kinds
			err = doc.Decode(&got)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("error %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestDecodeSliceDefaults checks that each new element, whether from an
// array of tables or an array of inline tables, starts from SetDefaults,
// and that an empty array empties the default slice.
func TestDecodeSliceDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		doc  string
		want []organization
	}{
		{"[[organization]]\nid = \"a\"\n[[organization]]\nsize = 3\n", []organization{
			{ID: "a", Budget: 100, Size: 10, Active: true, calls: 1},
			{Budget: 100, Size: 3, Active: true, calls: 1},
		}},
		{`organization = [{ id = "a", active = false }, {}]`, []organization{
			{ID: "a", Budget: 100, Size: 10, calls: 1},
			{Budget: 100, Size: 10, Active: true, calls: 1},
		}},
		{`organization = []`, []organization{}},
	}
	for _, tt := range tests {
		doc, err := Parse([]byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		s := defaultScenario()
		if err := doc.Decode(&s); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(s.Organization, tt.want) {
			t.Errorf("%q: got %+v, want %+v", tt.doc, s.Organization, tt.want)
		}
	}
}

func TestDecodePanicsOnNonStruct(t *testing.T) {
	t.Parallel()
	doc, _ := Parse([]byte(`a = 1`))
	for _, v := range []any{nil, kinds{}, new(int), (*kinds)(nil)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Decode(%T) did not panic", v)
				}
			}()
			doc.Decode(v)
		}()
	}
}
