package shapley

import (
	"fmt"
	"math/bits"
	"strings"
)

// A Mask is a coalition of mechanisms: bit i set means mechanism i is
// on in the arm, every other one off from `since`.
type Mask uint64

// MaxPlayers is the most mechanisms a Mask holds.
const MaxPlayers = 63

// Full returns the mask with mechanisms 0, …, n−1 on.
func Full(n int) Mask {
	if n < 0 || n > MaxPlayers {
		panic(fmt.Sprintf("shapley: Full(%d) outside 0..%d", n, MaxPlayers))
	}
	return Mask(1)<<n - 1
}

// Has reports whether mechanism i is on.
func (m Mask) Has(i int) bool { return m>>i&1 == 1 }

// With returns m with mechanism i on.
func (m Mask) With(i int) Mask { return m | 1<<i }

// Size is the number of mechanisms on.
func (m Mask) Size() int { return bits.OnesCount64(uint64(m)) }

// Bits writes m as n characters, '1' where a mechanism is on, mechanism 0
// first: a stable name for an arm's results ("10110" is mechanisms 0, 2
// and 3 on of five).
func (m Mask) Bits(n int) string {
	var b strings.Builder
	for i := range n {
		if m.Has(i) {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// ParseMask reads what Bits wrote.
func ParseMask(s string) (Mask, error) {
	if len(s) == 0 || len(s) > MaxPlayers {
		return 0, &SizeError{N: len(s), Max: MaxPlayers, Msg: fmt.Sprintf("mask %q must have 1 to %d digits", s, MaxPlayers)}
	}
	var m Mask
	for i, c := range s {
		switch c {
		case '1':
			m = m.With(i)
		case '0':
		default:
			return 0, &SizeError{N: len(s), Max: MaxPlayers, Msg: fmt.Sprintf("mask %q has %q at %d; want 0 or 1", s, c, i)}
		}
	}
	return m, nil
}
