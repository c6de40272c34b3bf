package design

import (
	"math"
	"testing"
)

func TestFactorAt(t *testing.T) {
	t.Parallel()
	r := Factor{Path: "r", Lo: -1, Hi: 3}
	i := Factor{Path: "i", Lo: 0.5, Hi: 3.5, Int: true} // integers 1, 2, 3
	g := Factor{Path: "g", Lo: 0, Hi: 1, Levels: 3}     // 0, 0.5, 1
	v := Factor{Path: "v", Lo: 1, Hi: 9, Values: []float64{9, 1, 4}}
	tests := []struct {
		f    Factor
		u    float64
		want float64
	}{
		{r, 0, -1}, {r, 0.25, 0}, {r, 1, 3}, {r, -5, -1},
		{i, 0, 1}, {i, 0.33, 1}, {i, 0.34, 2}, {i, 0.999, 3}, {i, 1, 3},
		{g, 0.3, 0}, {g, 0.34, 0.5}, {g, 0.99, 1}, {g, 1, 1},
		{v, 0.1, 9}, {v, 0.5, 1}, {v, 0.9, 4},
	}
	for _, tt := range tests {
		if got := tt.f.At(tt.u); got != tt.want {
			t.Errorf("%s.At(%g) = %g, want %g", tt.f.Path, tt.u, got, tt.want)
		}
	}
}

func TestFactorIntValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f   Factor
		err string
	}{
		{Factor{Path: "a", Lo: 1, Hi: 3, Levels: 3, Int: true}, ""},
		{Factor{Path: "a", Lo: 1, Hi: 3, Levels: 5, Int: true}, "a=1:3:5: integer levels repeat after rounding (2 twice); use fewer levels"},
		{Factor{Path: "a", Lo: 0.2, Hi: 0.8, Int: true}, "a=0.2:0.8: an integer range must hold at least two integers"},
		{Factor{Path: "a", Lo: 1, Hi: 2.5, Values: []float64{1, 2.5}, Int: true}, "a=1,2.5: value 2.5 is not an integer"},
		{Factor{Path: "a", Lo: 0, Hi: 2, Values: []float64{1, 2}}, "a=1,2: lo and hi must be the least and greatest value"},
		{Factor{Path: "a", Lo: math.NaN(), Hi: 1}, "a=NaN:1: lo and hi must be finite numbers"},
	}
	for _, tt := range tests {
		err := tt.f.Validate()
		if (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("Validate(%s) = %v, want %q", tt.f.String(), err, tt.err)
		}
	}
}
