package calib

import (
	"math"
	"slices"
)

// Spread is how the targets vary from one replicate to another: the
// central Level interval of each target's value taken replicate by
// replicate, in the order of Targets.Counts and Targets.Directions. It
// shows whether a miss is a miss of the model or of one unlucky
// realisation; the loss itself compares replicate means.
type Spread struct {
	Level float64
	// CountLo[i] and CountHi[i] bound the replicate values of
	// Counts[i]'s metric in its year, times Scale.
	CountLo, CountHi []float64
	// DirLo[i] and DirHi[i] bound the replicate changes
	// Δ_r = ln(x_r(To) + c) − ln(x_r(From) + c) of Directions[i].
	DirLo, DirHi []float64
}

// Spread summarises reps target by target, with the quantiles of
// Reject (Hyndman and Fan definition 7). level is in (0, 1). Errors are
// those of Loss.
func (t *Targets) Spread(reps []Yearly, level float64) (*Spread, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	if len(reps) == 0 {
		return nil, &SettingError{Field: "replicates", Value: 0, Msg: "need at least one replicate"}
	}
	if !(level > 0 && level < 1) {
		return nil, &SettingError{Field: "level", Value: level, Msg: "must be in (0, 1)"}
	}
	lo, hi := (1-level)/2, (1+level)/2
	s := &Spread{Level: level,
		CountLo: make([]float64, len(t.Counts)), CountHi: make([]float64, len(t.Counts)),
		DirLo: make([]float64, len(t.Directions)), DirHi: make([]float64, len(t.Directions)),
	}
	x := make([]float64, len(reps))
	for i, ct := range t.Counts {
		for r := range reps {
			v, err := mean(reps[r:r+1], ct.Metric, ct.Year)
			if err != nil {
				return nil, withReplicate(err, r)
			}
			x[r] = v * ct.Scale
		}
		slices.Sort(x)
		s.CountLo[i], s.CountHi[i] = quantile(lo, x), quantile(hi, x)
	}
	for i, dt := range t.Directions {
		for r := range reps {
			a, err := mean(reps[r:r+1], dt.Metric, dt.From)
			if err != nil {
				return nil, withReplicate(err, r)
			}
			b, err := mean(reps[r:r+1], dt.Metric, dt.To)
			if err != nil {
				return nil, withReplicate(err, r)
			}
			x[r] = math.Log(b+t.Offset) - math.Log(a+t.Offset)
		}
		slices.Sort(x)
		s.DirLo[i], s.DirHi[i] = quantile(lo, x), quantile(hi, x)
	}
	return s, nil
}

// withReplicate puts the replicate's index into an *OutputError of mean
// over that replicate alone, which numbers it 0.
func withReplicate(err error, r int) error {
	if oe, ok := err.(*OutputError); ok {
		c := *oe
		c.Replicate = r
		return &c
	}
	return err
}
