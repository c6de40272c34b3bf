package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/sim/analysis/effects"
	"github.com/krysha/krysha/sim/experiment"
)

// compareCSV is the file of a comparison's effects.
const compareCSV = "compare.csv"

// printCompare writes the comparison's tables: the ranking by the
// ranked outcome, every effect, and the variance reduction factors.
func printCompare(w io.Writer, c *comparison) error {
	var b bytes.Buffer
	writeCompareTables(&b, c)
	// tabwriter pads the empty cells of the lines between policies.
	for line := range strings.Lines(b.String()) {
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func writeCompareTables(w io.Writer, c *comparison) {
	ro := &compareOutcomes[c.rank]
	fmt.Fprintf(w, "compare %s: %d polic%s against the baseline, %d replicates of seed %d on common random numbers\n",
		c.scenario, len(c.policies), pluralForm(len(c.policies), "y", "ies"), c.reps, c.seed)
	fmt.Fprintf(w, "outcomes are means a year over %d–%d; effect = policy − baseline, the mean of the paired differences,\n", c.window.First, c.window.Last)
	fmt.Fprintf(w, "with its 95%% interval (Student's t, %d degrees of freedom); change = effect / baseline mean\n", c.reps-1)

	fmt.Fprintf(w, "\nRanked by the effect on %s (%s is better):\n\n", ro.name, ro.better)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  #\tpolicy\tcost USD/yr\t%s [95%% interval]\tchange\tUSD per %s\n", ro.name, ro.unit)
	for k, i := range c.order {
		p := &c.policies[i]
		e := p.effects[c.rank]
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\n", k+1, p.Name, fmtUSD(p.CostUSD), fmtEffect(e), fmtRelative(e.Relative), fmtUSD(p.costPerUnit(c.rank)))
	}
	tw.Flush()

	fmt.Fprintf(w, "\nEffects on every outcome:\n\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  policy\toutcome\tbaseline\tpolicy\teffect [95%% interval]\tchange\tVRF\n")
	for k, i := range c.order {
		p := &c.policies[i]
		if k > 0 {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\n")
		}
		for o := range compareOutcomes {
			e := p.effects[o]
			name := ""
			if o == 0 {
				name = p.Name
			} else if o == 1 && p.pairs < c.reps {
				name = fmt.Sprintf("(%d pairs)", p.pairs)
			}
			dec := effectDecimals(e)
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, compareOutcomes[o].name,
				fmtFixed(e.Baseline, dec, false), fmtFixed(e.Arm, dec, false), fmtEffect(e), fmtRelative(e.Relative), fmtVRF(e.VarianceReduction))
		}
	}
	tw.Flush()

	fmt.Fprintf(w, "\nVariance reduction factor (VRF) of common random numbers: the variance of the effect from unpaired\n")
	fmt.Fprintf(w, "runs over its variance from the pairs, over the %d polic%s:\n\n", len(c.policies), pluralForm(len(c.policies), "y", "ies"))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  outcome\tmedian\tleast\tgreatest\n")
	for o := range compareOutcomes {
		med, lo, hi, n := c.vrfSummary(o)
		if n == 0 {
			fmt.Fprintf(tw, "  %s\t–\t–\t–\n", compareOutcomes[o].name)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", compareOutcomes[o].name, fmtVRF(med), fmtVRF(lo), fmtVRF(hi))
	}
	tw.Flush()
}

// effectDecimals returns the decimals to write e's numbers with: enough
// for two significant digits of its standard error, or, if that is 0,
// three of the largest of its means.
func effectDecimals(e effects.Effect) int {
	if e.SE > 0 {
		return sigDecimals(e.SE, 2)
	}
	return sigDecimals(math.Max(math.Abs(e.Baseline), math.Abs(e.Arm)), 3)
}

// sigDecimals returns the decimals that give v digits significant
// digits, at least 0 and at most 8; 0 for 0 or NaN.
func sigDecimals(v float64, digits int) int {
	if !(v > 0) || math.IsInf(v, 0) {
		return 0
	}
	return min(8, max(0, digits-1-int(math.Floor(math.Log10(v)))))
}

// fmtFixed writes v with dec decimals, with a sign if signed; "–" for
// NaN.
func fmtFixed(v float64, dec int, signed bool) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		return strings.TrimPrefix(s, "-") // no "-0.0", and no sign on zero
	}
	if signed && v > 0 {
		s = "+" + s
	}
	return s
}

// fmtEffect writes "+1.2 [+0.4, +2.0]".
func fmtEffect(e effects.Effect) string {
	if math.IsNaN(e.Mean) {
		return fmt.Sprintf("– (%d pairs)", e.N)
	}
	dec := effectDecimals(e)
	return fmt.Sprintf("%s [%s, %s]", fmtFixed(e.Mean, dec, true), fmtFixed(e.Lo, dec, true), fmtFixed(e.Hi, dec, true))
}

// fmtRelative writes a relative change as a signed percentage.
func fmtRelative(r float64) string {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return "–"
	}
	return fmtFixed(100*r, 1, true) + "%"
}

// fmtVRF writes a variance reduction factor.
func fmtVRF(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// fmtUSD writes an amount of dollars in three significant digits: 577k,
// 2.5M, 1.2bn; "–" for NaN.
func fmtUSD(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	g := func(x float64, unit string) string { return strconv.FormatFloat(x, 'g', 3, 64) + unit }
	switch a := math.Abs(v); {
	case a >= 1e9:
		return g(v/1e9, "bn")
	case a >= 1e6:
		return g(v/1e6, "M")
	case a >= 1e3:
		return g(v/1e3, "k")
	}
	return g(v, "")
}

func pluralForm(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// compareCSVHeader is the header of compare.csv.
const compareCSVHeader = "rank,policy,description,cost_usd,outcome,better,ranked_by,pairs,baseline_mean,policy_mean," +
	"effect,se,ci95_low,ci95_high,relative_change,unpaired_se,variance_reduction,cost_per_unit"

// writeCompareCSV writes compare.csv: one row per policy and outcome,
// policies in the order of the ranking. Numbers are in the shortest
// form that reads back exactly; an undefined number (a relative change
// against a baseline of 0, a cost per unit of an uncertain effect) is
// an empty cell, and an infinite variance reduction factor is Inf.
func writeCompareCSV(path string, c *comparison) error {
	return fsx.WriteFile(path, func(w io.Writer) error {
		b := []byte(compareCSVHeader + "\n")
		for k, i := range c.order {
			p := &c.policies[i]
			for o := range compareOutcomes {
				e := p.effects[o]
				b = strconv.AppendInt(b, int64(k+1), 10)
				for _, s := range []string{p.Name, p.Description} {
					b = appendCompareCell(append(b, ','), s)
				}
				b = appendCompareNumber(append(b, ','), p.CostUSD)
				for _, s := range []string{compareOutcomes[o].name, compareOutcomes[o].better.String(), compareOutcomes[c.rank].name} {
					b = append(append(b, ','), s...)
				}
				b = strconv.AppendInt(append(b, ','), int64(e.N), 10)
				for _, v := range []float64{e.Baseline, e.Arm, e.Mean, e.SE, e.Lo, e.Hi, e.Relative, e.UnpairedSE, e.VarianceReduction, p.costPerUnit(o)} {
					b = appendCompareNumber(append(b, ','), v)
				}
				b = append(b, '\n')
			}
		}
		_, err := w.Write(b)
		return err
	})
}

// appendCompareNumber appends v as the result files write numbers, NaN as
// nothing and infinities as Inf and -Inf, which pandas and R read.
func appendCompareNumber(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return b
	case math.IsInf(v, 1):
		return append(b, "Inf"...)
	case math.IsInf(v, -1):
		return append(b, "-Inf"...)
	}
	return experiment.AppendFloat(b, v)
}

// appendCompareCell appends s as a CSV field, quoted when it must be.
func appendCompareCell(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	return append(append(append(b, '"'), strings.ReplaceAll(s, `"`, `""`)...), '"')
}
