package shapley

import (
	"errors"
	"math"
	"testing"
)

// additive returns the values of the game v(S) = base + Σ_{i∈S} w[i] on
// the arms of p, whose Shapley values are w.
func additive(p *Plan, base float64, w ...float64) []float64 {
	v := make([]float64, len(p.arms))
	for j, m := range p.arms {
		v[j] = base
		for i, x := range w {
			if m.Has(i) {
				v[j] += x
			}
		}
	}
	return v
}

func TestAttribute(t *testing.T) {
	t.Parallel()
	p, err := NewExactPlan(3)
	if err != nil {
		t.Fatal(err)
	}
	// Five replicates in which mechanism 0 pushes the metric down by
	// 1..5, mechanism 1 by 2 each time, mechanism 2 never acts, and the
	// metric falls by 1 with every mechanism off.
	var values [][]float64
	for r := range 5 {
		values = append(values, additive(p, -1, -float64(r+1), -2, 0))
	}
	a, err := p.Attribute(values, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: φ₀ over replicates is −1…−5, mean −3, standard deviation
	// √2.5, so RepSE = √(2.5/5) = √0.5, and the 5% and 95% quantiles by
	// definition 7 are −4.8 and −1.2. All = −1 − 3 − 2 = −6.
	checks := []struct {
		name      string
		got, want float64
	}{
		{"Phi[0]", a.Phi[0], -3}, {"Phi[1]", a.Phi[1], -2}, {"Phi[2]", a.Phi[2], 0},
		{"RepSE[0]", a.RepSE[0], math.Sqrt(0.5)}, {"RepSE[1]", a.RepSE[1], 0},
		{"Lo[0]", a.Lo[0], -4.8}, {"Hi[0]", a.Hi[0], -1.2},
		{"All", a.All, -6}, {"None", a.None, -1},
		{"Share[0]", a.Share[0], 0.5}, {"Share[1]", a.Share[1], 1.0 / 3}, {"BaselineShare", a.BaselineShare, 1.0 / 6},
		{"SE[0]", a.SE[0], 0},
		{"Replicates[3][0]", a.Replicates[3][0], -4},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > tol {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if a.Phi[2] != 0 || a.Lo[2] != 0 || a.Hi[2] != 0 {
		t.Errorf("the idle mechanism gets %v in [%v, %v], want exactly 0", a.Phi[2], a.Lo[2], a.Hi[2])
	}
	var shares float64
	for _, s := range a.Share {
		shares += s
	}
	if math.Abs(shares+a.BaselineShare-1) > tol {
		t.Errorf("shares and baseline sum to %v", shares+a.BaselineShare)
	}

	one, err := p.Attribute(values[:1], 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(one.RepSE[0]) || one.Lo[0] != -1 || one.Hi[0] != -1 {
		t.Errorf("one replicate: RepSE %v, interval [%v, %v]", one.RepSE[0], one.Lo[0], one.Hi[0])
	}
	flat, _ := p.Attribute([][]float64{additive(p, 0, 1, -1, 0)}, 0.9)
	if !math.IsNaN(flat.Share[0]) || !math.IsNaN(flat.BaselineShare) {
		t.Errorf("no change overall, yet shares %v, baseline %v", flat.Share, flat.BaselineShare)
	}
}

func TestAttributeErrors(t *testing.T) {
	t.Parallel()
	p, _ := NewExactPlan(2)
	good := additive(p, 0, 1, 2)
	tests := []struct {
		name   string
		values [][]float64
		level  float64
		target any
	}{
		{"no replicates", nil, 0.9, new(*ValuesError)},
		{"short", [][]float64{good, good[:3]}, 0.9, new(*ValuesError)},
		{"NaN", [][]float64{{0, 1, math.NaN(), 3}}, 0.9, new(*ValuesError)},
		{"level", [][]float64{good}, 1, new(*SettingError)},
	}
	for _, tt := range tests {
		_, err := p.Attribute(tt.values, tt.level)
		if err == nil || !errors.As(err, tt.target) {
			t.Errorf("%s: error %v, want %T", tt.name, err, tt.target)
		}
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	p, _ := NewExactPlan(2)
	results := map[Mask][]float64{0: {1, 2}, 1: {3, 4}, 2: {5, 6}, 3: {7, 8}, 9: {0}}
	got, err := p.Table(results)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]float64{{1, 3, 5, 7}, {2, 4, 6, 8}}; len(got) != 2 || got[0][3] != want[0][3] || got[1][1] != want[1][1] {
		t.Errorf("table %v, want %v", got, want)
	}

	delete(results, 2)
	delete(results, 0)
	_, err = p.Table(results)
	var me *MissingError
	if !errors.As(err, &me) || len(me.Arms) != 2 || me.Arms[0] != 0 || me.Arms[1] != 2 {
		t.Errorf("error %v; want arms 00 and 01 missing", err)
	} else if me.Error() != "shapley: 2 arms have no results: 00 01" {
		t.Errorf("message %q", me.Error())
	}

	results[0], results[2] = []float64{1, 2}, []float64{5}
	if _, err := p.Table(results); !errors.As(err, new(*ValuesError)) {
		t.Errorf("ragged replicates: error %v", err)
	}
}

func TestMaskBits(t *testing.T) {
	t.Parallel()
	m := Mask(0).With(0).With(2).With(3)
	if s := m.Bits(5); s != "10110" {
		t.Errorf("Bits = %q", s)
	}
	if back, err := ParseMask("10110"); err != nil || back != m {
		t.Errorf("ParseMask = %v, %v", back, err)
	}
	if m.Size() != 3 || !m.Has(2) || m.Has(1) || Full(5) != 31 || Full(MaxPlayers) != 1<<63-1 {
		t.Errorf("Size %d, Full(5) %v", m.Size(), Full(5))
	}
	for _, bad := range []string{"", "10a", "2"} {
		if _, err := ParseMask(bad); err == nil {
			t.Errorf("ParseMask(%q) succeeded", bad)
		}
	}
}
