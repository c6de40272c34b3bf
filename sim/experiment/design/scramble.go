package design

// Scramble names a randomisation of the Sobol sequence.
type Scramble string

// The scramblings. Each keeps the points in [0, 1) and keeps the net
// property: among the first 2^m points, every elementary interval of
// volume 2^−m that the unscrambled sequence fills with exactly one point
// (2^t points for a (t,m,s)-net) still holds that many.
const (
	// ScrambleOwen is Owen's (1995) nested uniform scrambling, in base 2:
	// digit b of a coordinate is flipped or not by a fair coin that
	// depends on the dimension and on the coordinate's b higher digits,
	// one independent coin for each node of the binary tree of intervals.
	// Each point is then uniform on [0, 1)^k, and for smooth integrands
	// the variance of an average over n = 2^m points falls like
	// n^−3 (log n)^(k−1) (Owen, 1997), against the squared error of the
	// deterministic sequence, (log n)^(2k)/n² at best, that a digital
	// shift keeps: the scrambling the literature prefers (Owen, 2003,
	// "Variance with alternative scramblings of digital nets") and the
	// default.
	ScrambleOwen Scramble = "owen"
	// ScrambleShift is a random digital shift: each dimension's digits are
	// XORed with one random 64-bit word. It makes each point uniform but
	// does not break up the sequence's structure as Owen's does.
	ScrambleShift Scramble = "shift"
	// ScrambleNone is the deterministic sequence, for tests and for
	// comparison with published points; point 0 is the origin.
	ScrambleNone Scramble = "none"
)

// valid reports whether s names a scrambling ("" being the default).
func (s Scramble) valid() bool {
	switch s {
	case "", ScrambleOwen, ScrambleShift, ScrambleNone:
		return true
	}
	return false
}

// scrambler turns the 32 digits of a Sobol coordinate into a number in
// [0, 1). It holds one key for each dimension.
type scrambler struct {
	kind Scramble
	keys []uint64
}

func newScrambler(kind Scramble, seed uint64, dims int) scrambler {
	if kind == "" {
		kind = ScrambleOwen
	}
	s := scrambler{kind: kind, keys: make([]uint64, dims)}
	tag := uint64(tagOwen)
	if kind == ScrambleShift {
		tag = tagShift
	}
	for d := range s.keys {
		s.keys[d] = hash(seed, tag, uint64(d), 0)
	}
	return s
}

// coord scrambles digits x of dimension d. The Sobol digits go in the
// high 32 bits of a 64-bit fraction; the result keeps its top 53.
func (s *scrambler) coord(x uint32, d int) float64 {
	switch s.kind {
	case ScrambleNone:
		return float64(x) * (1.0 / (1 << 32))
	case ScrambleShift:
		return unit53(uint64(x)<<32 ^ s.keys[d])
	}
	return unit53(owen(x, s.keys[d]))
}

// owen applies a nested uniform scramble keyed by key to the 32 digits x
// and returns 64 digits. The node of the tree at depth b whose interval
// holds x is named by the b leading digits of x with a 1 above them
// (1·x_1…x_b in binary), so that every node has its own coin. Below depth
// 32 the first 2^32 points lie in distinct intervals, so the scramble of
// the deeper digits is a uniform random 32-bit word for each x.
func owen(x uint32, key uint64) uint64 {
	y := uint64(x) << 32
	for b := range 32 {
		node := uint64(1)<<b | uint64(x)>>(32-b)
		if mix(key^node*golden)>>63 == 1 {
			y ^= 1 << (63 - b)
		}
	}
	return y | mix(key^(uint64(1)<<32|uint64(x))*golden)&0xffffffff
}
