package calib

import (
	"errors"
	"math"
	"testing"
)

func TestNelderMead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		f    func(x []float64) float64
		x0   []float64
		min  []float64
		tol  float64 // distance of the minimiser reached, from the stopping rule
	}{
		// The classic test of a simplex search: a curved valley.
		{"Rosenbrock", func(x []float64) float64 {
			return 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0]) + (1-x[0])*(1-x[0])
		}, []float64{-1.2, 1}, []float64{1, 1}, 1e-4},
		{"quadratic 1D", func(x []float64) float64 { return (x[0] - 3) * (x[0] - 3) }, []float64{0}, []float64{3}, 1e-5},
		{"ill-conditioned 5D", func(x []float64) float64 {
			var s float64
			for i, v := range x {
				s += math.Pow(10, float64(i)/2) * (v - float64(i)) * (v - float64(i))
			}
			return s
		}, []float64{1, 1, 1, 1, 1}, []float64{0, 1, 2, 3, 4}, 1e-3},
	}
	for _, tt := range tests {
		var best []float64
		bestF, n := math.Inf(1), 0
		f := func(x []float64) (float64, error) {
			n++
			v := tt.f(x)
			if v < bestF {
				bestF, best = v, x
			}
			return v, nil
		}
		// tol 1e-14 and a long stall let the search run to the rounding
		// floor; the budget only guards against a loop.
		status, err := nelderMead(f, tt.x0, 0.5, 20000, 50, 1e-14)
		if err != nil {
			t.Fatal(err)
		}
		for i := range best {
			if math.Abs(best[i]-tt.min[i]) > tt.tol {
				t.Errorf("%s: stopped (%s, %d evaluations) at %v, want %v", tt.name, status, n, best, tt.min)
				break
			}
		}
	}
}

func TestNelderMeadBudgetAndError(t *testing.T) {
	t.Parallel()
	n := 0
	f := func(x []float64) (float64, error) { n++; return x[0]*x[0] + x[1]*x[1], nil }
	status, err := nelderMead(f, []float64{5, 5}, 0.1, 17, 1000, 0)
	if err != nil || status != statusBudget || n != 17 {
		t.Errorf("status %q, %d evaluations, error %v; want the budget of 17", status, n, err)
	}
	boom := errors.New("boom")
	n = 0
	g := func(x []float64) (float64, error) {
		if n++; n == 5 {
			return 0, boom
		}
		return x[0] * x[0], nil
	}
	if _, err := nelderMead(g, []float64{1}, 0.1, 100, 10, 0); err != boom {
		t.Errorf("error %v, want boom", err)
	}
}

// deterministicSim is a Simulator without noise: x(2010) = 100 a and
// x(2011) = 100 a b.
func deterministicSim(theta []float64, n int) ([]Yearly, error) {
	out := make([]Yearly, n)
	for r := range out {
		out[r] = &Table{FirstYear: 2010, Columns: map[string][]float64{"x": {100 * theta[0], 100 * theta[0] * theta[1]}}}
	}
	return out, nil
}

func TestRefineBounds(t *testing.T) {
	t.Parallel()
	// The targets ask for a = 0.5 and b = 2, but b's box ends at 1.5: the
	// best point in the box is a = 0.5 on b's upper bound, approached
	// through the logistic transform.
	tg := &Targets{Counts: []CountTarget{
		{Metric: "x", Year: 2010, Observed: 50, Scale: 1, Weight: 1},
		{Metric: "x", Year: 2011, Observed: 100, Scale: 1, Weight: 1},
	}, Offset: DefaultOffset}
	box := []Param{{Name: "a", Min: 0.1, Max: 1}, {Name: "b", Min: 0.5, Max: 1.5}}
	r, err := Refine(deterministicSim, tg, box, []float64{0.1, 0.5}, &RefineSettings{Replicates: 1, MaxEvaluations: 2000})
	if err != nil {
		t.Fatal(err)
	}
	// With b pinned at 1.5 the loss is (ln((100a+.5)/50.5))² +
	// (ln((150a+.5)/100.5))², least where ln 2a ≈ −ln 1.5a, a ≈ 0.58.
	// How close b comes to its bound is limited by the logistic: 1e-3 is
	// z ≈ 7, a few dozen simplex steps.
	if math.Abs(r.Theta[1]-1.5) > 1e-3 || math.Abs(r.Theta[0]-0.577) > 0.01 {
		t.Errorf("refined to %v (%s after %d evaluations); want b at 1.5 and a near 0.58", r.Theta, r.Status, r.Evaluations)
	}
	if r.Theta[1] > 1.5 {
		t.Errorf("b = %v outside its box", r.Theta[1])
	}
}

func TestRefineErrors(t *testing.T) {
	t.Parallel()
	tg := &Targets{Counts: []CountTarget{{Metric: "x", Year: 2010, Observed: 50, Scale: 1, Weight: 1}}, Offset: DefaultOffset}
	box := []Param{{Name: "a", Min: 0.1, Max: 1}, {Name: "b", Min: 0.5, Max: 1.5}}
	boom := errors.New("boom")
	calls := 0
	failing := func(theta []float64, n int) ([]Yearly, error) {
		if calls++; calls > 3 {
			return nil, boom
		}
		return deterministicSim(theta, n)
	}
	short := func(theta []float64, n int) ([]Yearly, error) { return deterministicSim(theta, n-1) }
	tests := []struct {
		name  string
		sim   Simulator
		start []float64
		set   *RefineSettings
		want  func(error) bool
	}{
		{"simulator error", failing, []float64{0.5, 1}, nil, func(err error) bool { return err == boom }},
		{"replicates missing", short, []float64{0.5, 1}, nil, func(err error) bool { var e *SettingError; return errors.As(err, &e) }},
		{"start outside", deterministicSim, []float64{2, 1}, nil, func(err error) bool { var e *ParamError; return errors.As(err, &e) }},
		{"bad budget", deterministicSim, []float64{0.5, 1}, &RefineSettings{MaxEvaluations: -1}, func(err error) bool { var e *SettingError; return errors.As(err, &e) }},
	}
	for _, tt := range tests {
		if _, err := Refine(tt.sim, tg, box, tt.start, tt.set); !tt.want(err) {
			t.Errorf("%s: error %v", tt.name, err)
		}
	}
}

func TestRefineKeepsFeasible(t *testing.T) {
	t.Parallel()
	// The counts ask for a = 0.5 and a b = 1 (x(2010) = 100 a = 50,
	// x(2011) = 100 a b = 100), but x must also fall from 2010 to 2011 by
	// the margin, which needs b ≤ e^−0.1 ≈ 0.905: every point of lower
	// loss than the best feasible one is infeasible. The constraint has
	// weight 0, so the search sees only the counts and wanders there.
	tg := &Targets{
		Counts: []CountTarget{
			{Metric: "x", Year: 2010, Observed: 50, Scale: 1, Weight: 1},
			{Metric: "x", Year: 2011, Observed: 100, Scale: 1, Weight: 1},
		},
		Directions: []DirectionTarget{{Metric: "x", From: 2010, To: 2011, Direction: Down, Weight: 0, Required: true}},
		Offset:     DefaultOffset, Margin: DefaultMargin,
	}
	box := []Param{{Name: "a", Min: 0.1, Max: 1}, {Name: "b", Min: 0.5, Max: 1.5}}
	r, err := Refine(deterministicSim, tg, box, []float64{0.2, 0.6}, &RefineSettings{Replicates: 1, MaxEvaluations: 300})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Loss.Feasible || r.Theta[1] > math.Exp(-0.1) {
		t.Errorf("refined to %v, infeasible (loss %v), from a feasible start", r.Theta, r.Loss.Total)
	}
}
