package main

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/analysis/shapley"
	"github.com/krysha/krysha/sim/experiment"
)

// The files an explanation writes beside the study's.
const (
	explainCSVFile = "explain.csv"
	explainPNGFile = "explain.png"
)

// explainLevel is the coverage of the intervals across replicates.
const explainLevel = 0.9

// An explainResult is what the analysis of an explanation found.
type explainResult struct {
	att *shapley.Attribution
	// fromAll and toAll are the full model's means in the two years;
	// allLo..noneHi the intervals of the per-replicate changes of the
	// full arm and of the arm with every player off.
	fromAll, toAll  float64
	allLo, allHi    float64
	noneLo, noneHi  float64
	allSE, noneSE   float64 // standard errors of the two means
	order           []int   // players by decreasing |contribution|
	efficiencyError float64
}

// analyse reads the arms' runs back, computes the Shapley values and
// writes the table, explain.csv and explain.png.
func (x *explanation) analyse(e *env, out *studyOutcome) error {
	res, err := x.compute()
	if err != nil {
		return err
	}
	report := x.report(res)
	err = fsx.WriteFile(filepath.Join(x.dir, explainCSVFile), func(w io.Writer) error {
		cw := csv.NewWriter(w)
		x.writeCSV(cw, res)
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return err
	}
	if err := x.saveWaterfall(filepath.Join(x.dir, explainPNGFile), res); err != nil {
		return err
	}
	if err := fsx.WriteBytes(filepath.Join(x.dir, studyReportFile), []byte(report)); err != nil {
		return err
	}
	if err := x.addFiles(out.man, explainCSVFile, explainPNGFile, studyReportFile); err != nil {
		return err
	}
	_, err = fmt.Fprint(e.stdout, report)
	return err
}

// compute reads yearly.csv and attributes the change.
func (x *explanation) compute() (*explainResult, error) {
	p := x.plan
	tabs, err := readStudyYearly(filepath.Join(x.dir, experiment.YearlyFile), p.Runs(), []string{x.metric})
	if err != nil {
		return nil, err
	}
	R := p.Replicates
	results := make(map[shapley.Mask][]float64, len(x.arms.masks))
	var fromAll, toAll float64
	full := shapley.Full(len(x.players))
	for a, m := range x.arms.masks {
		vals := make([]float64, R)
		for r := range R {
			t := tabs[p.Index(a, r)]
			if t == nil {
				return nil, fmt.Errorf("run %d (arm %d, replicate %d) is not in %s", p.Index(a, r), a, r, experiment.YearlyFile)
			}
			v0, ok0 := t.Value(x.metric, x.from)
			v1, ok1 := t.Value(x.metric, x.to)
			if !ok0 || !ok1 {
				return nil, fmt.Errorf("run %d has no %s for %d or %d", p.Index(a, r), x.metric, x.from, x.to)
			}
			vals[r] = v1 - v0
			if m == full {
				fromAll += v0 / float64(R)
				toAll += v1 / float64(R)
			}
		}
		results[m] = vals
	}
	table, err := x.splan.Table(results)
	if err != nil {
		return nil, err
	}
	att, err := x.splan.Attribute(table, explainLevel)
	if err != nil {
		return nil, err
	}
	res := &explainResult{att: att, fromAll: fromAll, toAll: toAll}
	res.allLo, res.allHi = explainSpread(results[full])
	res.noneLo, res.noneHi = explainSpread(results[0])
	res.allSE, res.noneSE = explainSE(results[full]), explainSE(results[0])
	res.order = make([]int, len(x.players))
	for i := range res.order {
		res.order[i] = i
	}
	slices.SortStableFunc(res.order, func(a, b int) int { return cmp.Compare(math.Abs(att.Phi[b]), math.Abs(att.Phi[a])) })
	sum := att.None
	for _, v := range att.Phi {
		sum += v
	}
	res.efficiencyError = sum - att.All
	return res, nil
}

// explainSpread is the central explainLevel interval of v.
func explainSpread(v []float64) (lo, hi float64) {
	s := slices.Clone(v)
	slices.Sort(s)
	return experiment.Quantile((1-explainLevel)/2, s), experiment.Quantile((1+explainLevel)/2, s)
}

// explainSE is the standard error of the mean of v, NaN for one value.
func explainSE(v []float64) float64 {
	n := float64(len(v))
	if len(v) < 2 {
		return math.NaN()
	}
	var m, ss float64
	for _, x := range v {
		m += x / n
	}
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / (n - 1) / n)
}

// writeCSV writes explain.csv: a row a player (in the order of the
// table), the baseline and the total. Errors are the writer's.
func (x *explanation) writeCSV(w *csv.Writer, res *explainResult) {
	a := res.att
	w.Write([]string{"player", "mechanisms", "contribution", "lo", "hi", "replicate_se", "sampling_se", "share"})
	for _, i := range res.order {
		p := x.players[i]
		w.Write([]string{p.Name, strings.Join(p.Mechanisms, " "), exactNum(a.Phi[i]), exactNum(a.Lo[i]), exactNum(a.Hi[i]),
			exactNum(a.RepSE[i]), exactNum(a.SE[i]), exactNum(a.Share[i])})
	}
	w.Write([]string{"baseline", "all off from " + x.since.String(), exactNum(a.None), exactNum(res.noneLo), exactNum(res.noneHi), exactNum(res.noneSE), "0", exactNum(a.BaselineShare)})
	w.Write([]string{"total", "full model", exactNum(a.All), exactNum(res.allLo), exactNum(res.allHi), exactNum(res.allSE), "0", "1"})
}

// explainPercent writes a share as a percentage.
func explainPercent(s float64) string {
	if math.IsNaN(s) {
		return "-"
	}
	p := math.Round(100 * s)
	if p == 0 {
		p = 0 // not "-0%"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// report is the table printed on stdout and kept in report.txt.
func (x *explanation) report(res *explainResult) string {
	var b strings.Builder
	a := res.att
	p := x.plan
	fmt.Fprintf(&b, "explanation of the change in %s from %d to %d in %s (%s), %d replicates, seed %d\n",
		x.metric, x.from, x.to, p.Source.Scenario.Name, x.sf.name, p.Replicates, p.Seed)
	if x.splan.Exact() {
		fmt.Fprintf(&b, "exact Shapley values over %d players (%d arms), each switched off from %s in the counterfactual arms\n",
			len(x.players), p.Arms.Len(), x.since)
	} else {
		fmt.Fprintf(&b, "Shapley values over %d players sampled from %d orderings, half of them reversed (%d arms), each player switched off from %s in the counterfactual arms\n",
			len(x.players), len(x.splan.Permutations()), p.Arms.Len(), x.since)
	}
	fmt.Fprintf(&b, "full model: %s %d = %s, %d = %s, a change of %s (90%% of replicates: [%s, %s])\n",
		x.metric, x.from, calibNum(res.fromAll), x.to, calibNum(res.toAll), explainSigned(a.All), explainSigned(res.allLo), explainSigned(res.allHi))
	fmt.Fprintf(&b, "every player off from %s: a change of %s (90%% of replicates: [%s, %s])\n\n",
		x.since, explainSigned(a.None), explainSigned(res.noneLo), explainSigned(res.noneHi))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	head := "player\tcontribution\ts.e.\t90% interval (replicates)\tshare\t"
	if !x.splan.Exact() {
		head += "sampling s.e.\t"
	}
	fmt.Fprintln(tw, head)
	row := func(name, contrib, se, interval, share, sse string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t", name, contrib, se, interval, share)
		if !x.splan.Exact() {
			fmt.Fprintf(tw, "%s\t", sse)
		}
		fmt.Fprintln(tw)
	}
	for _, i := range res.order {
		row(x.players[i].Name, explainSigned(a.Phi[i]), calibNum(a.RepSE[i]), "["+explainSigned(a.Lo[i])+", "+explainSigned(a.Hi[i])+"]", explainPercent(a.Share[i]), calibNum(a.SE[i]))
	}
	row("baseline (all off)", explainSigned(a.None), calibNum(res.noneSE), "["+explainSigned(res.noneLo)+", "+explainSigned(res.noneHi)+"]", explainPercent(a.BaselineShare), "")
	row("total", explainSigned(a.All), calibNum(res.allSE), "["+explainSigned(res.allLo)+", "+explainSigned(res.allHi)+"]", "100%", "")
	tw.Flush()
	fmt.Fprintf(&b, "\nThe contributions and the baseline add up to the total (to %.1g). A negative contribution pushed %s down\n", math.Abs(res.efficiencyError), x.metric)
	fmt.Fprintf(&b, "from %d to %d, a positive one held it up. s.e. is the standard error of the mean over replicates; the interval\n", x.from, x.to)
	fmt.Fprintf(&b, "holds the middle 90%% of the contribution computed replicate by replicate.\n")
	for _, p := range x.players {
		if len(p.Mechanisms) > 1 || p.Mechanisms[0] != p.Name {
			fmt.Fprintf(&b, "%s = %s\n", p.Name, strings.Join(p.Mechanisms, ", "))
		}
	}
	if len(x.excluded) > 0 {
		fmt.Fprintf(&b, "off in the scenario, not players: %s\n", strings.Join(x.excluded, ", "))
	}
	fmt.Fprintf(&b, "wrote %s, %s in %s\n", explainCSVFile, explainPNGFile, x.dir)
	return b.String()
}

// explainSigned writes v with a sign and 4 significant digits.
func explainSigned(v float64) string {
	s := calibNum(v)
	if v > 0 {
		return "+" + s
	}
	return s
}

// saveWaterfall draws explain.png.
func (x *explanation) saveWaterfall(path string, res *explainResult) error {
	a := res.att
	w := &plots.Waterfall{
		Title: fmt.Sprintf("%s: %s %d to %d, by mechanism (Shapley values)",
			x.plan.Source.Scenario.Name, x.metric, x.from, x.to),
		XLabel:     fmt.Sprintf("%s per year: mean of %d replicates, whiskers 90%% of them", x.metric, x.plan.Replicates),
		StartLabel: fmt.Sprintf("%d, full model", x.from),
		Start:      res.fromAll,
		EndLabel:   fmt.Sprintf("%d, full model", x.to),
		End:        res.toAll,
	}
	w.Steps = append(w.Steps, plots.WaterfallStep{Label: "baseline: all off from " + x.since.String(),
		Delta: a.None, Lo: res.noneLo, Hi: res.noneHi})
	for _, i := range res.order {
		w.Steps = append(w.Steps, plots.WaterfallStep{Label: x.players[i].Name, Delta: a.Phi[i], Lo: a.Lo[i], Hi: a.Hi[i]})
	}
	fig, err := w.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth, plots.WaterfallHeight(len(w.Steps)))
}
