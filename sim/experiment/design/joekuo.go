package design

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// joeKuo holds the first 1024 dimensions of Joe and Kuo's direction
// numbers new-joe-kuo-6.21201, in their published format "d s a m_1 … m_s"
// with dimension 1 (all m = 1) implicit:
//
//	S. Joe and F. Y. Kuo, Constructing Sobol sequences with better
//	two-dimensional projections, SIAM J. Sci. Comput. 30, 2635–2654
//	(2008); the file is published at web.maths.unsw.edu.au/~fkuo/sobol/.
//
// The table was cut from the copy SciPy 1.10 ships; dimensions 2–128
// agree with another public copy of the file, and the direction numbers
// of all 1024 with those SciPy's qmc.Sobol computes (see
// TestSobolDirectionsMatchReference).
//
//go:embed joekuo.txt
var joeKuo string

// MaxSobolDim is the number of Sobol dimensions this package carries: a
// Sobol design may have this many factors, a Saltelli design half as many.
const MaxSobolDim = 1024

// sobolBits is the number of digits of each Sobol coordinate, so a Sobol
// design has at most 2^32 points.
const sobolBits = 32

// directions returns the direction numbers v[d][b] of dimensions
// d = 0..MaxSobolDim−1, scaled by 2^32: the b-th digit column of
// dimension d's generator matrix, b = 0 being the most significant digit.
var directions = sync.OnceValue(func() [][sobolBits]uint32 {
	v, err := parseJoeKuo(joeKuo)
	if err != nil {
		panic("design: embedded Joe–Kuo table: " + err.Error())
	}
	return v
})

// parseJoeKuo reads the table and expands each dimension's initial
// numbers m_1..m_s by the recurrence of Bratley and Fox (1988) as Joe and
// Kuo state it: with a_1..a_{s−1} the inner coefficients of the primitive
// polynomial x^s + a_1 x^{s−1} + … + a_{s−1} x + 1 (the bits of a),
//
//	v_b = a_1 v_{b−1} ⊕ a_2 v_{b−2} ⊕ … ⊕ a_{s−1} v_{b−s+1} ⊕ v_{b−s} ⊕ (v_{b−s} ≫ s)
//
// where v_b = m_{b+1}·2^{31−b} for b < s.
func parseJoeKuo(text string) ([][sobolBits]uint32, error) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != MaxSobolDim {
		return nil, fmt.Errorf("%d lines, want a header and %d dimensions", len(lines), MaxSobolDim-1)
	}
	v := make([][sobolBits]uint32, MaxSobolDim)
	for b := range sobolBits {
		v[0][b] = 1 << (31 - b) // dimension 1: van der Corput
	}
	for d := 1; d < MaxSobolDim; d++ {
		f := strings.Fields(lines[d])
		nums := make([]uint64, len(f))
		for i, s := range f {
			n, err := strconv.ParseUint(s, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", d+1, err)
			}
			nums[i] = n
		}
		if len(nums) < 4 || nums[0] != uint64(d+1) || int(nums[1]) != len(nums)-3 {
			return nil, fmt.Errorf("line %d: want \"%d s a m_1 … m_s\"", d+1, d+1)
		}
		s, a, m := int(nums[1]), nums[2], nums[3:]
		for b := range sobolBits {
			if b < s {
				if m[b]%2 == 0 || m[b] >= 1<<(b+1) {
					return nil, fmt.Errorf("line %d: m_%d = %d is not odd and below 2^%d", d+1, b+1, m[b], b+1)
				}
				v[d][b] = uint32(m[b]) << (31 - b)
				continue
			}
			x := v[d][b-s] ^ v[d][b-s]>>s
			for k := 1; k < s; k++ {
				if a>>(s-1-k)&1 == 1 {
					x ^= v[d][b-k]
				}
			}
			v[d][b] = x
		}
	}
	return v, nil
}

// sobolDigits returns the 32 digits of coordinate d of point i of the
// unscrambled Sobol sequence, in Gray-code order as Joe and Kuo's sobol.cc
// and SciPy generate it: point i is the digital sum (XOR) of the direction
// numbers v_b over the set bits b of gray(i) = i ⊕ (i ≫ 1). Made directly
// from i, it needs no earlier point.
func sobolDigits(i uint32, d int) uint32 {
	v := &directions()[d]
	g := i ^ i>>1
	var x uint32
	for b := 0; g != 0; b, g = b+1, g>>1 {
		if g&1 == 1 {
			x ^= v[b]
		}
	}
	return x
}
