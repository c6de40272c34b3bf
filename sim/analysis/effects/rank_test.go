package effects

import (
	"math"
	"slices"
	"testing"
)

func TestRank(t *testing.T) {
	t.Parallel()
	es := []Effect{{Mean: 1}, {Mean: math.NaN()}, {Mean: 3}, {Mean: -2}, {Mean: 3}}
	if got, want := Rank(es, MoreIsBetter), []int{2, 4, 0, 3, 1}; !slices.Equal(got, want) {
		t.Errorf("more is better: %v, want %v", got, want)
	}
	if got, want := Rank(es, LessIsBetter), []int{3, 0, 2, 4, 1}; !slices.Equal(got, want) {
		t.Errorf("less is better: %v, want %v", got, want)
	}
}

func TestCostPerUnit(t *testing.T) {
	t.Parallel()
	up := Effect{Mean: 4, Lo: 1, Hi: 7}
	down := Effect{Mean: -4, Lo: -7, Hi: -1}
	unsure := Effect{Mean: 4, Lo: -1, Hi: 9}
	tests := []struct {
		name string
		cost float64
		e    Effect
		d    Direction
		want float64 // NaN: not meaningful
	}{
		{"gain", 2e6, up, MoreIsBetter, 5e5},
		{"reduction", 2e6, down, LessIsBetter, 5e5},
		{"harm", 2e6, down, MoreIsBetter, math.NaN()},
		{"interval holds zero", 2e6, unsure, MoreIsBetter, math.NaN()},
		{"no stated cost", 0, up, MoreIsBetter, math.NaN()},
	}
	for _, tt := range tests {
		got := CostPerUnit(tt.cost, tt.e, tt.d)
		if !(got == tt.want || math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
