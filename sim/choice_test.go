package sim

import (
	"fmt"
	"math"
	"testing"
)

// setAlts puts alternatives of values u in w.alts as evaluateAlts leaves
// them, with risk and load for expose, and weighs them.
func setAlts(w *World, u []float64, risk, f float64) {
	w.alts = w.alts[:0]
	w.best = 0
	for _, x := range u {
		w.alts = append(w.alts, alt{u: x, risk: risk, f: f})
		w.best = max(w.best, x)
	}
	w.weighAlts()
}

// Draws follow the logit P(k) = e^(u_k/τ) / (e^0 + Σ e^(u/τ)), the e^0
// being staying home: every choice's share against that closed form
// within z standard errors.
func TestPickAltFollowsLogit(t *testing.T) {
	t.Parallel()
	const tau = 0.08
	cases := []struct {
		name string
		u    []float64
	}{
		// Weights spread over [e^-4, 1], two routes tied for best.
		{"spread", []float64{0.10, 0.05, -0.02, 0.08, -0.2, 0.1}},
		// Staying home is best; each route gets 1% to 2% of the draws.
		{"home best", []float64{-0.3, -0.35, -0.4, -0.32, -0.38, -0.3, -0.45, -0.36, -0.33, -0.5, -0.31, -0.37}},
		// One route: the smallest case.
		{"one", []float64{0.03}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sc := bare(road("o", "m", 100, 0))
			sc.Routes.Tau = tau
			w := mustModel(t, sc).NewWorld()
			w.Reset(5, 0)
			setAlts(w, c.u, 0, 1)
			want := logitShares(c.u, tau)
			const n = 200000
			counts := make([]float64, len(c.u)+1) // last: staying home
			for range n {
				k := w.pickAlt()
				if k < 0 {
					k = len(c.u)
				}
				counts[k]++
			}
			for k, p := range want {
				within(t, fmt.Sprintf("share of choice %d", k), counts[k]/n, p, math.Sqrt(p*(1-p)/n), z)
			}
		})
	}
}

// After expose lowers a route's value by 2θP²f, the next draw follows the
// logit at the lowered value.
func TestPickAltAfterExpose(t *testing.T) {
	t.Parallel()
	const tau, theta, risk, f = 0.08, 1.0, 0.3, 1.0
	sc := bare(road("o", "m", 100, 0))
	sc.Routes.Tau = tau
	sc.Routes.Diversify = theta
	w := mustModel(t, sc).NewWorld()
	w.Reset(9, 0)
	u := []float64{0.1, 0.1}
	want := logitShares([]float64{u[0] - 2*theta*risk*risk*f, u[1]}, tau)
	const n = 200000
	var first float64
	for range n {
		setAlts(w, u, risk, f)
		w.expose(0)
		if w.pickAlt() == 0 {
			first++
		}
	}
	within(t, "share of the exposed route", first/n, want[0], math.Sqrt(want[0]*(1-want[0])/n), z)
}

// A draw takes exactly one number from the run's stream, whatever the
// weights, so that two arms of a comparison whose weights differ stay on
// the same numbers afterwards (common random numbers).
func TestPickAltTakesOneNumber(t *testing.T) {
	t.Parallel()
	sc := bare(road("o", "m", 100, 0))
	sc.Routes.Tau = 0.08
	m := mustModel(t, sc)
	a, b := m.NewWorld(), m.NewWorld()
	a.Reset(3, 0)
	b.Reset(3, 0)
	for i := range 1000 {
		setAlts(a, []float64{0.1, 0.05, -0.2}, 0, 1)
		// b's weights: from nearly all on one route to nearly all at home.
		setAlts(b, []float64{-0.5 + float64(i%10)*0.1, -0.6, -0.7, -0.4, -0.9}, 0, 1)
		a.pickAlt()
		b.pickAlt()
		if x, y := a.r.float(), b.r.float(); x != y {
			t.Fatalf("draw %d: the next numbers of the two streams differ (%v, %v): a draw took more than one number", i, x, y)
		}
	}
}

// logitShares returns e^(u_k/τ) / (1 + Σ e^(u/τ)) for each k, then the
// share of staying home.
func logitShares(u []float64, tau float64) []float64 {
	p := make([]float64, len(u)+1)
	total := 1.0
	for k, x := range u {
		p[k] = math.Exp(x / tau)
		total += p[k]
	}
	p[len(u)] = 1
	for k := range p {
		p[k] /= total
	}
	return p
}
