package gsa

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mathext"
)

// choose returns the index of the chosen box of the trajectory t (see
// PrimResult.Chosen) and whether it meets the threshold (true for the
// knee).
func choose(t []PrimStep, threshold float64) (int, bool) {
	if threshold > 0 {
		best := -1
		for i, s := range t {
			if s.Density >= threshold && (best < 0 || s.Coverage > t[best].Coverage) {
				best = i
			}
		}
		if best >= 0 {
			return best, true
		}
		for i, s := range t {
			if best < 0 || s.Density > t[best].Density {
				best = i
			}
		}
		return best, false
	}
	// The knee: with P0 the first box and P1 the last, in the plane of
	// (coverage, density), the box Q farthest to the high-coverage,
	// high-density side of the line P0P1, i.e. maximising the cross
	// product (P1 − P0) × (P0 − Q) (the distance, up to the constant
	// |P1 − P0|).
	p0, p1 := t[0], t[len(t)-1]
	dx, dy := p1.Coverage-p0.Coverage, p1.Density-p0.Density
	best, bestD := 0, math.Inf(-1)
	for i, q := range t {
		d := dy*(q.Coverage-p0.Coverage) - dx*(q.Density-p0.Density)
		if d > bestD {
			best, bestD = i, d
		}
	}
	return best, true
}

// paste widens box b while that raises its density: at each round, for
// every input and side, it considers taking in the nearest α-fraction
// (of the box's count) of the points that lie outside the box on that
// side and inside it on every other input, and makes the widening that
// gives the densest box, if denser than the current one.
func (p *primData) paste(b Box, alpha float64) Box {
	in := p.inside(b)
	n, hits := len(in), p.count(in)
	for {
		m := max(1, int(alpha*float64(n)))
		bestJ, bestHigh, bestBound := -1, false, 0.0
		bestN, bestHits := n, hits
		for j := range b.Lo {
			for _, high := range []bool{false, true} {
				bound, addN, addHits, ok := p.pasteCandidate(b, j, high, m)
				if !ok {
					continue
				}
				cn, ch := n+addN, hits+addHits
				if float64(ch)*float64(bestN) > float64(bestHits)*float64(cn) {
					bestJ, bestHigh, bestBound, bestN, bestHits = j, high, bound, cn, ch
				}
			}
		}
		if bestJ < 0 {
			return b
		}
		if bestHigh {
			b.Hi[bestJ] = bestBound
		} else {
			b.Lo[bestJ] = bestBound
		}
		n, hits = bestN, bestHits
	}
}

// pasteCandidate returns the bound that takes in the m nearest points
// beyond side high of input j (with their ties), and the points and true
// outcomes it adds.
func (p *primData) pasteCandidate(b Box, j int, high bool, m int) (bound float64, n, hits int, ok bool) {
	var vals []float64
	for _, row := range p.x {
		v := row[j]
		if (high && v <= b.Hi[j]) || (!high && v >= b.Lo[j]) || !insideExcept(b, row, j) {
			continue
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return 0, 0, 0, false
	}
	slices.Sort(vals)
	if high {
		bound = vals[min(m, len(vals))-1]
	} else {
		bound = vals[len(vals)-min(m, len(vals))]
	}
	for i, row := range p.x {
		v := row[j]
		if !insideExcept(b, row, j) {
			continue
		}
		if (high && v > b.Hi[j] && v <= bound) || (!high && v < b.Lo[j] && v >= bound) {
			n++
			if p.y[i] {
				hits++
			}
		}
	}
	return bound, n, hits, true
}

// insideExcept reports whether x lies in b on every input but j.
func insideExcept(b Box, x []float64, j int) bool {
	for i, v := range x {
		if i != j && (v < b.Lo[i] || v > b.Hi[i]) {
			return false
		}
	}
	return true
}

// restrictions lists the restricted inputs of box s with their
// quasi-p-values.
func (p *primData) restrictions(s PrimStep) []Restriction {
	var rs []Restriction
	for _, j := range s.Restricted {
		r := Restriction{Dim: j, Lo: s.Box.Lo[j], Hi: s.Box.Hi[j]}
		wide := s.Box.clone()
		wide.Lo[j], wide.Hi[j] = p.limits.Lo[j], p.limits.Hi[j]
		in := p.inside(wide)
		r.QP = binomialTail(s.N, s.Hits, float64(p.count(in))/float64(len(in)))
		rs = append(rs, r)
	}
	return rs
}

// binomialTail returns P(X ≥ h) for X ~ Binomial(n, q): the regularised
// incomplete beta function I_q(h, n−h+1), exact in the far tail where
// 1 − CDF would round to zero.
func binomialTail(n, h int, q float64) float64 {
	switch {
	case h <= 0:
		return 1
	case h > n || q <= 0:
		return 0
	case q >= 1:
		return 1
	}
	return mathext.RegIncBeta(float64(h), float64(n-h+1), q)
}
