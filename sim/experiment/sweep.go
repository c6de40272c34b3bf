package experiment

import (
	"strconv"

	"github.com/krysha/krysha/sim/experiment/design"
)

// DesignArms are the arms of a parameter sweep: point i of the design
// is arm i, which sets each factor's parameter to its value there. The
// columns are the factors' paths.
type DesignArms struct {
	design  design.Design
	factors []design.Factor
	bools   []bool
}

// NewDesignArms returns the arms of d. bools marks the factors whose
// parameter is a switch (true/false), which take the values 0 and 1 in
// the design and are written true and false in the overrides; it may
// be nil.
func NewDesignArms(d design.Design, bools []bool) *DesignArms {
	spec := d.Spec()
	b := make([]bool, len(spec.Factors))
	copy(b, bools)
	return &DesignArms{design: d, factors: spec.Factors, bools: b}
}

// Len returns the design's number of points.
func (a *DesignArms) Len() int { return a.design.Len() }

// Columns returns the factors' paths.
func (a *DesignArms) Columns() []string {
	out := make([]string, len(a.factors))
	for j, f := range a.factors {
		out[j] = f.Path
	}
	return out
}

// Arm returns point i as overrides "path=value". A value is written in
// the shortest form that reads back to the same number, integers of
// integer factors as integers, so that the override gives the
// parameter exactly the design's value.
func (a *DesignArms) Arm(i int) Arm { return a.armAt(a.design.Point(i)) }

func (a *DesignArms) armAt(p []float64) Arm {
	arm := Arm{Cells: make([]string, len(p)), Sets: make([]string, len(p))}
	for j, v := range p {
		arm.Cells[j] = a.FormatValue(j, v)
		arm.Sets[j] = a.factors[j].Path + "=" + a.setValue(j, v)
	}
	return arm
}

// FormatValue writes value v of factor j as in runs.csv.
func (a *DesignArms) FormatValue(j int, v float64) string {
	if a.factors[j].Int || a.bools[j] {
		return strconv.FormatInt(int64(v), 10)
	}
	return string(AppendFloat(nil, v))
}

func (a *DesignArms) setValue(j int, v float64) string {
	if a.bools[j] {
		return strconv.FormatBool(v != 0)
	}
	return a.FormatValue(j, v)
}

// Extremes returns arms at corners of the factors' ranges: every factor
// at its least value, every one at its greatest, and each at its
// greatest with the others at their least. A range that strays out of
// its parameter's valid values shows there, so a sweep can check them
// before it starts.
func (a *DesignArms) Extremes() *ArmList {
	k := len(a.factors)
	lo, hi := make([]float64, k), make([]float64, k)
	for j := range a.factors {
		lo[j], hi[j] = a.factors[j].At(0), a.factors[j].At(1)
	}
	points := [][]float64{lo, hi}
	for j := range k {
		if k > 1 {
			p := append([]float64(nil), lo...)
			p[j] = hi[j]
			points = append(points, p)
		}
	}
	l := &ArmList{Names: a.Columns()}
	for _, p := range points {
		l.List = append(l.List, a.armAt(p))
	}
	return l
}
