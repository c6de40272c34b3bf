package design

// Randomness in this package is counter-based: every random number a design
// uses is a hash of (seed, what it is for, where it is used), never the next
// draw of a stream. So Point(i) needs no state built by Point(0..i-1), any
// run can be regenerated alone, and the numbers depend on nothing but the
// spec: not on the Go release, the machine or the order runs are asked for.

// Tags keep the hashes of different uses apart.
const (
	tagLHSPerm   = 1
	tagLHSJitter = 2
	tagOwen      = 3
	tagShift     = 4
	tagMorris    = 5
)

// mix is the SplitMix64 finalizer (Steele, Lea and Flood, 2014, with
// Stafford's "Mix13" constants), a bijection of uint64 whose output bits
// each depend on every input bit.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// golden is 2^64 divided by the golden ratio, the SplitMix64 increment.
const golden = 0x9e3779b97f4a7c15

// hash returns a well-mixed 64-bit number for the tuple (seed, tag, a, b).
// Chaining mix after each word makes tuples that differ in any word give
// unrelated outputs.
func hash(seed uint64, tag, a, b uint64) uint64 {
	h := mix(seed + golden)
	h = mix(h ^ (tag+1)*golden)
	h = mix(h ^ (a+1)*golden)
	return mix(h ^ (b+1)*golden)
}

// unit53 maps 64 random bits to [0, 1) with 53 bits of resolution.
func unit53(x uint64) float64 { return float64(x>>11) * (1.0 / (1 << 53)) }
