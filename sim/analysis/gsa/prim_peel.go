package gsa

import (
	"math"
	"slices"
)

// primData is the data of one Prim run.
type primData struct {
	x      [][]float64
	y      []bool
	hits   int
	limits Box
}

func newPrimData(x [][]float64, y []bool) *primData {
	d := len(x[0])
	p := &primData{x: x, y: y, limits: Box{make([]float64, d), make([]float64, d)}}
	for j := range d {
		p.limits.Lo[j], p.limits.Hi[j] = math.Inf(1), math.Inf(-1)
	}
	for i, row := range x {
		if y[i] {
			p.hits++
		}
		for j, v := range row {
			p.limits.Lo[j] = math.Min(p.limits.Lo[j], v)
			p.limits.Hi[j] = math.Max(p.limits.Hi[j], v)
		}
	}
	return p
}

// step describes box b holding the points in.
func (p *primData) step(b Box, in []int) PrimStep {
	s := PrimStep{Box: b.clone(), N: len(in), Hits: p.count(in)}
	if p.hits > 0 {
		s.Coverage = float64(s.Hits) / float64(p.hits)
	}
	if s.N > 0 {
		s.Density = float64(s.Hits) / float64(s.N)
	}
	s.Mass = float64(s.N) / float64(len(p.x))
	for j := range b.Lo {
		if b.Lo[j] > p.limits.Lo[j] || b.Hi[j] < p.limits.Hi[j] {
			s.Restricted = append(s.Restricted, j)
		}
	}
	return s
}

// count returns the number of true outcomes among the points in.
func (p *primData) count(in []int) int {
	h := 0
	for _, i := range in {
		if p.y[i] {
			h++
		}
	}
	return h
}

// inside returns the points in box b.
func (p *primData) inside(b Box) []int {
	var in []int
	for i, row := range p.x {
		if b.Contains(row) {
			in = append(in, i)
		}
	}
	return in
}

// A peel is one candidate removal: input j, low or high side, new bound.
type peel struct {
	j     int
	high  bool
	bound float64
	n     int // points kept
	hits  int // true outcomes kept
}

// peel makes the best removal from box b holding the points in, and
// returns the new box and the points it keeps, or nil if no removal keeps
// massMin of all points.
func (p *primData) peel(b Box, in []int, alpha, massMin float64) (Box, []int) {
	minN := int(math.Ceil(massMin * float64(len(p.x))))
	m := max(1, int(alpha*float64(len(in))))
	var best *peel
	vals := make([]float64, len(in))
	for j := range b.Lo {
		for k, i := range in {
			vals[k] = p.x[i][j]
		}
		slices.Sort(vals)
		for _, high := range []bool{false, true} {
			bound, ok := peelBound(vals, m, high)
			if !ok {
				continue
			}
			c := peel{j: j, high: high, bound: bound}
			for _, i := range in {
				if v := p.x[i][j]; (!high && v >= bound) || (high && v <= bound) {
					c.n++
					if p.y[i] {
						c.hits++
					}
				}
			}
			if c.n < minN || c.n == 0 {
				continue
			}
			if best == nil || better(c, *best) {
				best = &c
			}
		}
	}
	if best == nil {
		return Box{}, nil
	}
	nb := b.clone()
	if best.high {
		nb.Hi[best.j] = best.bound
	} else {
		nb.Lo[best.j] = best.bound
	}
	kept := make([]int, 0, best.n)
	for _, i := range in {
		if v := p.x[i][best.j]; (!best.high && v >= best.bound) || (best.high && v <= best.bound) {
			kept = append(kept, i)
		}
	}
	return nb, kept
}

// peelBound returns the new bound that removes the m lowest (or highest)
// of the sorted values, moved past ties so that at least one point goes,
// and false if every value is the same.
func peelBound(vals []float64, m int, high bool) (float64, bool) {
	n := len(vals)
	if !high {
		b := vals[min(m, n-1)]
		if b == vals[0] {
			k, _ := slices.BinarySearch(vals, math.Nextafter(vals[0], math.Inf(1)))
			if k == n {
				return 0, false
			}
			b = vals[k]
		}
		return b, true
	}
	b := vals[max(n-1-m, 0)]
	if b == vals[n-1] {
		k, _ := slices.BinarySearch(vals, vals[n-1])
		if k == 0 {
			return 0, false
		}
		b = vals[k-1]
	}
	return b, true
}

// better reports whether peel a beats b: denser box, then more points
// kept; otherwise the earlier candidate stays.
func better(a, b peel) bool {
	da, db := float64(a.hits)*float64(b.n), float64(b.hits)*float64(a.n) // a.hits/a.n vs b.hits/b.n
	if da != db {
		return da > db
	}
	return a.n > b.n
}
