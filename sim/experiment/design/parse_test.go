package design

import (
	"errors"
	"slices"
	"testing"
)

func TestParseFactor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want Factor // Source is "-vary"
		err  string // the whole message, when parsing fails
	}{
		{text: "enforcement.budget_scale=0.5:2:4",
			want: Factor{Path: "enforcement.budget_scale", Lo: 0.5, Hi: 2, Levels: 4}},
		{text: " a.b = -1 : 1e3 ", want: Factor{Path: "a.b", Lo: -1, Hi: 1000}},
		{text: "a=3,1,2", want: Factor{Path: "a", Lo: 1, Hi: 3, Values: []float64{3, 1, 2}}},
		{text: "a=0x1p-2:1:2", want: Factor{Path: "a", Lo: 0.25, Hi: 1, Levels: 2}},

		{text: "enforcement.budget_scale=3:1:5", err: "-vary enforcement.budget_scale=3:1:5: lo must be below hi"},
		{text: "a=1:1", err: "-vary a=1:1: lo must be below hi"},
		{text: "a=0:1:1", err: "-vary a=0:1:1: a grid needs n >= 2 levels, got 1"},
		{text: "a=0:1:-3", err: "-vary a=0:1:-3: a grid needs n >= 2 levels, got -3"},
		{text: "a=0:1:2.5", err: `-vary a=0:1:2.5: level count "2.5" is not a whole number`},
		{text: "a=0:1:2000000", err: "-vary a=0:1:2000000: a grid may have at most 1048576 levels, got 2000000"},
		{text: "a=0:inf", err: `-vary a=0:inf: hi "inf" is not a finite number`},
		{text: "a=NaN:1", err: `-vary a=NaN:1: lo "NaN" is not a finite number`},
		{text: "a=1e400:1e401", err: `-vary a=1e400:1e401: lo "1e400" is out of range`},
		{text: "a=x:1", err: `-vary a=x:1: lo "x" is not a number`},
		{text: "a=:1", err: "-vary a=:1: lo is missing"},
		{text: "a=0:1:2:3", err: "-vary a=0:1:2:3: too many ':'; want lo:hi:n or lo:hi"},
		{text: "=0:1", err: "-vary =0:1: empty parameter path"},
		{text: "  =0:1", err: "-vary   =0:1: empty parameter path"},
		{text: "a b=0:1", err: `-vary a b=0:1: parameter path "a b" has a character (' ') not allowed in a path`},
		{text: "a", err: "-vary a: want path=lo:hi:n, path=lo:hi or path=a,b,c"},
		{text: "a=", err: "-vary a=: nothing after '='; want lo:hi:n, lo:hi or a,b,c"},
		{text: "a=5", err: "-vary a=5: one value is not a factor; want lo:hi:n, lo:hi or a,b,c (fix a parameter with -set)"},
		{text: "a=1,2,1", err: "-vary a=1,2,1: value 1 is given twice"},
		{text: "a=1,", err: "-vary a=1,: value is missing"},
		{text: "a=1,inf", err: `-vary a=1,inf: value "inf" is not a finite number`},
		{text: "a=1,2:3", err: "-vary a=1,2:3: mix of ':' and ','; want lo:hi:n, lo:hi or a,b,c"},
	}
	for _, tt := range tests {
		f, err := ParseFactor("-vary", tt.text)
		if tt.err != "" {
			var fe *FactorError
			if !errors.As(err, &fe) || err.Error() != tt.err {
				t.Errorf("ParseFactor(%q) error = %v, want %q", tt.text, err, tt.err)
			}
			continue
		}
		tt.want.Source = "-vary"
		if err != nil || !sameFactor(f, tt.want) {
			t.Errorf("ParseFactor(%q) = %+v, %v, want %+v", tt.text, f, err, tt.want)
		}
	}
}

func sameFactor(a, b Factor) bool {
	return a.Path == b.Path && a.Lo == b.Lo && a.Hi == b.Hi && a.Levels == b.Levels &&
		slices.Equal(a.Values, b.Values) && a.Int == b.Int && a.Source == b.Source
}

func TestMergeRejectsDuplicatePaths(t *testing.T) {
	t.Parallel()
	vary, err := ParseFactors("-vary", []string{"a.b=1:3:3", "c=0:1"})
	if err != nil {
		t.Fatal(err)
	}
	fit, err := ParseFactors("-fit", []string{"a.b=0:1"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Merge(vary, fit)
	if want := "-fit a.b=0:1: a.b is already given by -vary a.b=1:3:3"; err == nil || err.Error() != want {
		t.Errorf("Merge error = %v, want %q", err, want)
	}
	_, err = ParseFactors("-vary", []string{"c=1,2", "c=0:1"})
	if want := "-vary c=0:1: c is already given by -vary c=1,2"; err == nil || err.Error() != want {
		t.Errorf("ParseFactors error = %v, want %q", err, want)
	}
	all, err := Merge(vary, []Factor{{Path: "d", Lo: 0, Hi: 1}})
	if err != nil || len(all) != 3 || all[2].Path != "d" {
		t.Errorf("Merge = %v, %v, want a.b, c, d", all, err)
	}
}

func TestFactorStringRoundTrips(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"a=0.1:0.30000000000000004:7", "a.b_c=-2:5", "x=1e-300,2,-7.5"} {
		f, err := ParseFactor("", text)
		if err != nil {
			t.Fatal(err)
		}
		if f.String() != text {
			t.Errorf("String() = %q, want %q", f.String(), text)
		}
	}
}
