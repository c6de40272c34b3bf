package design

import "fmt"

// A Grid is the full factorial design: every combination of the levels of
// its factors, each a grid (lo:hi:n) or explicit values (a,b,c). With L_j
// levels in factor j it has L_1·L_2·…·L_k runs.
//
// The first factor varies slowest and the last fastest, like nested loops
// written in factor order, or the digits of a number: run
//
//	i = ((j_1·L_2 + j_2)·L_3 + j_3)… + j_k
//
// has level j_1 of factor 1, …, level j_k of factor k. So with -vary a=1,2
// -vary b=10,20,30 the runs are (1,10) (1,20) (1,30) (2,10) (2,20) (2,30).
type Grid struct {
	factors []Factor
	levels  [][]float64
	n       int
}

// NewGrid returns the full factorial of fs. A factor given as a range
// without a level count is an error: a grid needs levels.
func NewGrid(fs []Factor) (*Grid, error) {
	fs, err := checkFactors(KindGrid, fs)
	if err != nil {
		return nil, err
	}
	g := &Grid{factors: fs, levels: make([][]float64, len(fs)), n: 1}
	for j := range fs {
		l := fs[j].LevelValues()
		if l == nil {
			return nil, &FactorError{Source: fs[j].Source, Text: fs[j].String(),
				Reason: "a grid needs levels; write lo:hi:n or a,b,c"}
		}
		if float64(g.n)*float64(len(l)) > MaxRuns {
			return nil, &DesignError{Kind: KindGrid, Reason: fmt.Sprintf("more than %d runs", MaxRuns)}
		}
		g.levels[j] = l
		g.n *= len(l)
	}
	return g, nil
}

// Len returns the number of runs, the product of the level counts.
func (g *Grid) Len() int { return g.n }

// Point returns the factor values of run i.
func (g *Grid) Point(i int) []float64 {
	checkIndex(KindGrid, i, g.n)
	p := make([]float64, len(g.levels))
	for j := len(g.levels) - 1; j >= 0; j-- {
		l := g.levels[j]
		p[j] = l[i%len(l)]
		i /= len(l)
	}
	return p
}

// Index returns the level index of each factor at run i: Point(i)[j] is
// level Index(i)[j] of factor j.
func (g *Grid) Index(i int) []int {
	checkIndex(KindGrid, i, g.n)
	idx := make([]int, len(g.levels))
	for j := len(g.levels) - 1; j >= 0; j-- {
		idx[j] = i % len(g.levels[j])
		i /= len(g.levels[j])
	}
	return idx
}

// Spec records the grid.
func (g *Grid) Spec() Spec {
	return Spec{Kind: KindGrid, Factors: copyFactors(g.factors), Runs: g.n}
}

func copyFactors(fs []Factor) []Factor {
	out, _ := Merge(fs)
	return out
}
