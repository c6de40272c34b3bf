package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/sim/analysis/calib"
)

// calibNum writes v with about 4 significant digits, without exponents for
// the sizes of counts and amounts.
func calibNum(v float64) string {
	switch a := math.Abs(v); {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Sprint(v)
	case a >= 1e4 && a < 1e12:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a != 0 && a < 1e-3:
		return strconv.FormatFloat(v, 'e', 2, 64)
	}
	s := strconv.FormatFloat(v, 'g', 4, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// report is the text printed on stdout and kept in report.txt.
func (c *calibration) report(res *calibResult) string {
	var b strings.Builder
	sc := c.st.src.Scenario
	p := c.plan
	fmt.Fprintf(&b, "calibration of %s (%s): %d parameter%s, %s design of %d points × %d replicates, seed %d\n",
		sc.Name, c.sf.name, len(c.box), plural(len(c.box)), c.cfg.design, c.sample.Len(), p.Replicates, p.Seed)
	fmt.Fprintf(&b, "targets: %d observed figure%s from %s and %d direction%s\n",
		len(c.targets.Counts), plural(len(c.targets.Counts)), c.obsName, len(c.targets.Directions), plural(len(c.targets.Directions)))
	for _, u := range c.unmatched {
		fmt.Fprintf(&b, "  not used: %s %d (line %d): %s\n", u.Row.Series, u.Row.Year, u.Row.Line, u.Reason)
	}
	for _, n := range c.notes {
		fmt.Fprintf(&b, "  %s\n", n)
	}

	post := res.post
	req := c.required()
	if len(req) > 0 {
		fmt.Fprintf(&b, "\nrequired: %s; %d of %d design points do not meet them over their %d replicates and are left out\n",
			strings.Join(req, ", "), res.infeasible, c.sample.Len(), p.Replicates)
	}
	fmt.Fprintf(&b, "\nposterior: the best %d of %d design points (-keep %v), ABC tolerance ε = %s (best loss %s)\n",
		len(post.Keep), c.sample.Len(), c.cfg.keep, calibNum(post.Epsilon), calibNum(post.Losses[0]))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "parameter\tprior\tscenario\tmedian\t90% interval\tshare\tfitted\t")
	for j, m := range post.Marginal {
		cur, _ := calibParamValue(sc, m.Name)
		note := ""
		if !m.Identified {
			note = "not identified by these targets"
		}
		fmt.Fprintf(tw, "%s\t[%s, %s]\t%s\t%s\t[%s, %s]\t%.2f\t%s\t%s\n", m.Name, calibNum(c.box[j].Min), calibNum(c.box[j].Max), calibNum(cur),
			calibNum(m.Median), calibNum(m.Lo), calibNum(m.Hi), m.Share, calibNum(res.theta[j]), note)
	}
	tw.Flush()
	if pr := post.Pair; pr.I >= 0 {
		fmt.Fprintf(&b, "most correlated pair in the posterior: %s and %s, r = %.2f\n", c.box[pr.I].Name, c.box[pr.J].Name, pr.R)
	}
	for _, w := range post.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	c.reportIdentifiability(&b, res)

	from := "the best design point"
	if len(res.sel) > 0 {
		from = "the selected point"
		own, best := "", ""
		if res.sel[len(res.sel)-1].point < 0 {
			own = " and the scenario's values"
		}
		if len(req) > 0 {
			best = " that meets the required directions"
		}
		fmt.Fprintf(&b, "\nselection: the best kept points (-select %d)%s run again over %d replicates; the start is the best%s:\n",
			c.cfg.selectN, own, c.cfg.refineReps, best)
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "design point\tdesign loss\tloss\tmeets required\t")
		for _, s := range res.sel {
			mark := ""
			if slices.Equal(s.theta, res.start) {
				mark = "<- start"
			}
			name, design := strconv.Itoa(s.point), calibNum(s.design)
			if s.point < 0 {
				name, design = "the scenario's values", ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, design, calibNum(s.loss.Total), yesNo(s.loss.Feasible), mark)
		}
		tw.Flush()
	}
	if r := res.ref; r != nil {
		fmt.Fprintf(&b, "\nrefinement: Nelder-Mead from %s over %d replicates (common random numbers): loss %s -> %s in %d evaluations (%s)\n",
			from, c.cfg.refineReps, calibNum(r.Start.Total), calibNum(r.Loss.Total), r.Evaluations, r.Status)
		if d := res.fit.Total - r.Loss.Total; math.Abs(d) > 0.05*r.Loss.Total {
			fmt.Fprintf(&b, "note: at the values written (4 significant digits) the loss on the same replicates is %s, not %s: the loss is rough at this scale\n"+
				"(a run responds chaotically to its parameters), so part of the refinement's gain is a fit to the noise of these replicates;\n"+
				"the losses on fresh replicates below tell how much\n", calibNum(res.fit.Total), calibNum(r.Loss.Total))
		}
	} else {
		fmt.Fprintf(&b, "\nno refinement (-refine 0): the fitted point is %s\n", from)
	}
	if len(req) > 0 && !res.fit.Feasible {
		fmt.Fprintf(&b, "warning: the fitted point does not meet the required directions over its %d replicates: no point found does\n", c.cfg.refineReps)
	}
	for _, ev := range c.eventNotes() {
		fmt.Fprintf(&b, "note: %s\n", ev)
	}

	fmt.Fprintf(&b, "\nfit at the fitted point (%d replicates; posterior: the %d runs of the kept points):\n", c.cfg.refineReps, len(res.predTabs))
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tobserved\tmean\t90% interval\tposterior\tweight\tloss\t")
	for i, ct := range c.targets.Counts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t[%s, %s]\t%s [%s, %s]\t%s\t%s\t\n", ct.Name(), calibNum(ct.Observed), calibNum(res.fit.Means[i]),
			calibNum(res.fitSpread.CountLo[i]), calibNum(res.fitSpread.CountHi[i]),
			calibNum(res.pred.Means[i]), calibNum(res.predSpread.CountLo[i]), calibNum(res.predSpread.CountHi[i]), calibNum(ct.Weight), calibNum(res.fit.Counts[i]))
	}
	for i, d := range c.targets.Directions {
		met := "met"
		if res.fit.Directions[i] > 0 {
			met = "not met"
		}
		fmt.Fprintf(tw, "%s\t%s\tΔ %+.3f\t[%+.3f, %+.3f]\tΔ %+.3f [%+.3f, %+.3f]\t%s\t%s\t%s\n", d.Name(), d.Direction,
			res.fit.Changes[i], res.fitSpread.DirLo[i], res.fitSpread.DirHi[i],
			res.pred.Changes[i], res.predSpread.DirLo[i], res.predSpread.DirHi[i], calibNum(d.Weight), calibNum(res.fit.Directions[i]), met)
	}
	tw.Flush()
	fmt.Fprintf(&b, "total loss %s (posterior sample: %s)\n", calibNum(res.fit.Total), calibNum(res.pred.Total))
	fmt.Fprintf(&b, "Δ is the change of ln(mean + ½); a direction is met when it moves the stated way by at least %v.\n", c.targets.Margin)
	for _, d := range c.targets.Directions {
		a, b2 := calibMeanAt(res.fitTabs, d.Metric, d.From), calibMeanAt(res.fitTabs, d.Metric, d.To)
		fmt.Fprintf(&b, "at the fitted point, mean %s %d -> %d: %s -> %s (%+.0f%%)\n", d.Metric, d.From, d.To, calibNum(a), calibNum(b2), 100*(b2/a-1))
	}

	R := c.cfg.refineReps
	fmt.Fprintf(&b, "\nloss on the replicates fitted (0-%d) and on fresh ones (%d-%d), which no choice was made on:\n", R-1, R, 2*R-1)
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "point\treplicates 0-%d\treplicates %d-%d\t\n", R-1, R, 2*R-1)
	for _, ch := range res.checks {
		if len(req) > 0 {
			fmt.Fprintf(tw, "%s\t%s (required %s)\t%s (required %s)\t\n", ch.name,
				calibNum(ch.fitted), metOrNot(ch.fittedMeets), calibNum(ch.held), metOrNot(ch.heldMet))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", ch.name, calibNum(ch.fitted), calibNum(ch.held))
	}
	tw.Flush()
	fmt.Fprintf(&b, "\nwrote %s, %s, %s, %s, %s, %s in %s\n", calibratedFile, fitCSVFile, fitPNGFile, posteriorPNG, posteriorCSV, parametersCSV, c.dir)
	return b.String()
}

// calibMeanAt is the mean of metric in year over tabs.
func calibMeanAt(tabs []*calib.Table, metric string, year int) float64 {
	var sum float64
	for _, t := range tabs {
		v, _ := t.Value(metric, year)
		sum += v
	}
	return sum / float64(len(tabs))
}

// reportIdentifiability says which parameters the targets pin down.
func (c *calibration) reportIdentifiability(b *strings.Builder, res *calibResult) {
	var not []string
	for _, m := range res.post.Marginal {
		if !m.Identified {
			not = append(not, m.Name)
		}
	}
	switch {
	case len(not) == 0:
		fmt.Fprintf(b, "identifiability: every parameter's 90%% interval covers at most %.0f%% of its prior range\n", 100*calib.DefaultCoverage)
	case len(not) == len(res.post.Marginal):
		fmt.Fprintf(b, "identifiability: no parameter is identified by these targets: every 90%% interval covers more than %.0f%% of its prior range, so the medians reflect the prior, not the data\n", 100*calib.DefaultCoverage)
	default:
		fmt.Fprintf(b, "identifiability: %s %s not identified by these targets (90%% interval over %.0f%% of the prior range): their medians reflect the prior, and their fitted values mean little\n",
			strings.Join(not, ", "), map[bool]string{true: "is", false: "are"}[len(not) == 1], 100*calib.DefaultCoverage)
	}
}

// eventNotes names the scenario's events that set a fitted parameter:
// the fitted value holds only until then.
func (c *calibration) eventNotes() []string {
	var out []string
	for _, ev := range c.st.src.Scenario.Events {
		for _, p := range c.box {
			if _, ok := ev.Set[p.Name]; ok {
				out = append(out, fmt.Sprintf("an event at %s sets %s: the fitted value is its value until then", ev.At, p.Name))
			}
			if _, ok := ev.Scale[p.Name]; ok {
				out = append(out, fmt.Sprintf("an event at %s scales %s: the fitted value is its value before then", ev.At, p.Name))
			}
		}
	}
	return out
}

// required names the required directions.
func (c *calibration) required() []string {
	var out []string
	for _, d := range c.targets.Directions {
		if d.Required {
			out = append(out, d.Name())
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func metOrNot(b bool) string {
	if b {
		return "met"
	}
	return "not met"
}
