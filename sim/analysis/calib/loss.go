package calib

import (
	"math"
)

// Yearly is the yearly output of one simulated replicate.
type Yearly interface {
	// Value returns metric in year, and false if it was not simulated.
	Value(metric string, year int) (float64, bool)
}

// Table is a Yearly held in memory: Columns[metric][year − FirstYear].
type Table struct {
	FirstYear int
	Columns   map[string][]float64
}

// Value implements Yearly.
func (t *Table) Value(metric string, year int) (float64, bool) {
	col, ok := t.Columns[metric]
	i := year - t.FirstYear
	if !ok || i < 0 || i >= len(col) {
		return 0, false
	}
	return col[i], true
}

// Loss is the score of one parameter vector, term by term, in the order
// of Targets.Counts and Targets.Directions.
type Loss struct {
	Total float64
	// Counts[i] is the loss of Targets.Counts[i] and Means[i] the
	// replicate mean it compared, times Scale.
	Counts []float64
	Means  []float64
	// Directions[i] is the loss of Targets.Directions[i] and Changes[i]
	// its Δ = ln(m_To + c) − ln(m_From + c).
	Directions []float64
	Changes    []float64
	// Feasible is false when a Required direction is not met.
	Feasible bool
}

// Better reports whether l is a better fit than m: feasible before
// infeasible, then the lower total. A nil m is worse than any l.
func (l *Loss) Better(m *Loss) bool {
	switch {
	case m == nil:
		return true
	case l.Feasible != m.Feasible:
		return l.Feasible
	}
	return l.Total < m.Total
}

// Loss scores the replicates of one parameter vector (see the package
// doc for the formulas). Every replicate must hold every metric and year a
// target needs, as a finite value ≥ 0; otherwise the error is an
// *OutputError. Loss does not modify t and may be called concurrently.
func (t *Targets) Loss(reps []Yearly) (*Loss, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	if len(reps) == 0 {
		return nil, &SettingError{Field: "replicates", Value: 0, Msg: "need at least one replicate to score"}
	}
	c := t.Offset
	l := &Loss{
		Counts:     make([]float64, len(t.Counts)),
		Means:      make([]float64, len(t.Counts)),
		Directions: make([]float64, len(t.Directions)),
		Changes:    make([]float64, len(t.Directions)),
		Feasible:   true,
	}
	for i, ct := range t.Counts {
		m, err := mean(reps, ct.Metric, ct.Year)
		if err != nil {
			return nil, err
		}
		m *= ct.Scale
		r := math.Log((m + c) / (ct.Observed + c))
		l.Means[i] = m
		l.Counts[i] = ct.Weight * r * r
		l.Total += l.Counts[i]
	}
	for i, dt := range t.Directions {
		a, err := mean(reps, dt.Metric, dt.From)
		if err != nil {
			return nil, err
		}
		b, err := mean(reps, dt.Metric, dt.To)
		if err != nil {
			return nil, err
		}
		l.Changes[i] = math.Log(b+c) - math.Log(a+c)
		l.Directions[i] = Hinge(l.Changes[i], dt.Direction, t.Margin, dt.Weight)
		l.Total += l.Directions[i]
		if dt.Required && !Met(l.Changes[i], dt.Direction, t.Margin) {
			l.Feasible = false
		}
	}
	return l, nil
}

// Hinge is the direction penalty w (max(0, δ − s Δ))² of a log change Δ
// that should go in direction s with margin δ.
func Hinge(delta float64, dir Direction, margin, weight float64) float64 {
	short := math.Max(0, margin-float64(dir)*delta)
	return weight * short * short
}

// Met reports whether a log change Δ moves in direction s by at least the
// margin δ: whether its hinge is zero, whatever the weight.
func Met(delta float64, dir Direction, margin float64) bool {
	return float64(dir)*delta >= margin
}

// mean is the mean of metric in year over reps.
func mean(reps []Yearly, metric string, year int) (float64, error) {
	var sum float64
	for r, y := range reps {
		v, ok := y.Value(metric, year)
		switch {
		case !ok:
			return 0, &OutputError{Metric: metric, Year: year, Replicate: r, Value: math.NaN(), Msg: "not simulated"}
		case math.IsNaN(v) || math.IsInf(v, 0):
			return 0, &OutputError{Metric: metric, Year: year, Replicate: r, Value: v, Msg: "not finite"}
		case v < 0:
			return 0, &OutputError{Metric: metric, Year: year, Replicate: r, Value: v, Msg: "negative; targets compare counts and amounts"}
		}
		sum += v
	}
	return sum / float64(len(reps)), nil
}
