package sim

import (
	"fmt"
	"math"
	"testing"
)

// pickAlt draws by rejection with a fallback to inversion; either way the
// draws must follow the logit P(k) = e^(u_k/τ) / (e^0 + Σ e^(u/τ)), the e^0
// being staying home. Each case checks every choice's share against that
// closed form within z standard errors, and says which path it exercises.
func TestPickAltFollowsLogit(t *testing.T) {
	t.Parallel()
	const tau = 0.08
	cases := []struct {
		name string
		u    []float64
	}{
		// Weights spread over [e^-4, 1]: accepted in a few proposals.
		{"spread", []float64{0.10, 0.05, -0.02, 0.08, -0.2, 0.1}},
		// Staying home is best and every route is far below it: about a
		// third of the draws see n+1 proposals fail and fall back to
		// inversion.
		{"fallback", []float64{-0.3, -0.35, -0.4, -0.32, -0.38, -0.3, -0.45, -0.36, -0.33, -0.5, -0.31, -0.37}},
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
			want := logitShares(c.u, tau)
			const n = 200000
			counts := make([]float64, len(c.u)+1) // last: staying home
			for range n {
				w.alts = w.alts[:0]
				best := 0.0
				for _, u := range c.u {
					w.alts = append(w.alts, alt{u: u, w: unweighed})
					best = max(best, u)
				}
				w.best, w.outside = best, unweighed
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

// After expose lowers a route's value, the next draw must use the new
// value: the route's share falls to the logit share at u - 2θP²f.
func TestPickAltAfterExpose(t *testing.T) {
	t.Parallel()
	const tau, theta = 0.08, 1.0
	sc := bare(road("o", "m", 100, 0))
	sc.Routes.Tau = tau
	sc.Routes.Diversify = theta
	w := mustModel(t, sc).NewWorld()
	w.Reset(9, 0)
	u := []float64{0.1, 0.1}
	risk, f := 0.3, 1.0
	after := []float64{u[0] - 2*theta*risk*risk*f, u[1]}
	want := logitShares(after, tau)
	const n = 200000
	var first float64
	for range n {
		w.alts = append(w.alts[:0], alt{u: u[0], risk: risk, f: f, w: unweighed}, alt{u: u[1], risk: risk, f: f, w: unweighed})
		w.best, w.outside = 0.1, unweighed
		w.weight(0) // weighed before the load, as a draw would have
		w.expose(0)
		if w.pickAlt() == 0 {
			first++
		}
	}
	within(t, "share of the exposed route", first/n, want[0], math.Sqrt(want[0]*(1-want[0])/n), z)
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
