package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
)

func init() {
	register(&command{
		name:    "discover",
		args:    "[flags] DIR",
		summary: "scenario discovery: where in parameter space an outcome condition holds (PRIM)",
		doc: `
Discover reads the runs.csv of a finished sweep (or of any study over
numeric parameters) in DIR and looks, with the Patient Rule Induction Method
(PRIM, Friedman and Fisher 1999, as the EMA Workbench runs it), for a box of
parameter ranges where a condition on an outcome mostly holds: -outcome NAME
(prosecutions, convictions, victims_identified, drug_seizures_kg or
corrupt_share, each a mean a year over the sweep's window) -below X, -above
X, or both for a band (strictly below, strictly above).

PRIM peels the box of all runs, a slice of -alpha of its runs at a time from
one side of one parameter, always the slice that leaves the densest box,
until fewer than -mass-min of the runs are left. Each box of this peeling
trajectory has a coverage (the share of all runs where the condition holds
that are in the box), a density (the share of the box's runs where it holds)
and a mass (the share of all runs in it). The box chosen is the knee of the
trajectory, or with -threshold D the box of highest coverage whose density
is at least D, or box -box I; -paste then widens it while that raises its
density. For each parameter the box restricts, its limits and a
quasi-p-value: the chance that the restriction adds that much density by
luck (above 0.05, doubt it).

It prints the trajectory and the chosen box, and writes to DIR (or -out):

	discover.csv      the trajectory: per box its coverage, density, mass,
	                  runs, hits, restricted parameters and limits
	discover_box.csv  the chosen box: per restricted parameter its limits, the
	                  parameter's range in the sample and the quasi-p-value
	discover.png      the trade-off of coverage and density, and the box

Each run is a point of PRIM; with -mean each design point is, classified by
its mean outcome over its replicates. docs/sensitivity.md tells how to read
the outputs.`,
		example: `krysha discover out/kazakhstan-sweep -outcome prosecutions -below 40
krysha discover out/lhs -outcome corrupt_share -above 0.3 -threshold 0.8 -paste`,
		setup: setupDiscover,
	})
}

type discoverFlags struct {
	outcome        string
	below, above   optFloat
	mean           bool
	alpha, massMin float64
	threshold      float64
	box            int
	paste          bool
	out            string
}

func setupDiscover(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(discoverFlags)
	fs.StringVar(&f.outcome, "outcome", "", "the outcome `NAME`: prosecutions, convictions, victims_identified, drug_seizures_kg or corrupt_share")
	fs.Var(&f.below, "below", "look for runs whose outcome is below `X`")
	fs.Var(&f.above, "above", "look for runs whose outcome is above `X` (with -below: between the two)")
	fs.BoolVar(&f.mean, "mean", false, "classify each design point by its mean over its replicates, not each run")
	fs.Float64Var(&f.alpha, "alpha", 0.05, "peel `A` of the box's runs at a step, in (0, 0.5)")
	fs.Float64Var(&f.massMin, "mass-min", 0.05, "stop peeling before the box holds less than `M` of the runs, in (0, 1)")
	fs.Float64Var(&f.threshold, "threshold", 0, "choose the box of highest coverage whose density is at least `D` (default: the knee of the trajectory)")
	fs.IntVar(&f.box, "box", 0, "choose box `I` of the trajectory (as printed) instead")
	fs.BoolVar(&f.paste, "paste", false, "widen the chosen box while that raises its density")
	fs.StringVar(&f.out, "out", "", "write discover.csv, discover_box.csv and discover.png to `DIR` (default the sweep's directory)")
	return func(ctx context.Context, e *env, args []string) error {
		args, help, err := interleaved(e, fs, args)
		if help || err != nil {
			return err
		}
		return runDiscover(ctx, e, f, args)
	}
}

// optFloat is a float flag that may be left out: set says whether it
// was given, and help shows no default.
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%q is not a finite number", s)
	}
	o.v, o.set = v, true
	return nil
}

// A discovery is the data PRIM runs on and what it is asked.
type discovery struct {
	dir       string
	name      string // the study's scenario, for titles; may be empty
	columns   []string
	outcome   experiment.Outcome
	condition string // e.g. "prosecutions < 40"
	x         [][]float64
	values    []float64 // the outcome of each point
	y         []bool
	unit      string // "runs" or "design points"
}

func runDiscover(ctx context.Context, e *env, f *discoverFlags, args []string) error {
	if len(args) != 1 {
		return e.usagef("one directory, got %d", len(args))
	}
	o, ok := experiment.OutcomeByName(f.outcome)
	if !ok {
		return e.usagef("-outcome %q: want one of prosecutions, convictions, victims_identified, drug_seizures_kg, corrupt_share", f.outcome)
	}
	switch {
	case !f.below.set && !f.above.set:
		return e.usagef("give the condition: -below X, -above X, or both")
	case f.below.set && f.above.set && !(f.above.v < f.below.v):
		return e.usagef("-above %g -below %g: no value is both", f.above.v, f.below.v)
	case f.box < 0:
		return e.usagef("-box must be at least 1, is %d", f.box)
	}
	opt := &gsa.PrimOptions{Alpha: f.alpha, MassMin: f.massMin, Threshold: f.threshold, Paste: f.paste, Choose: f.box}
	if err := checkPrimOptions(e, opt); err != nil {
		return err
	}
	d, err := readDiscovery(args[0], o, f)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return context.Cause(ctx)
	}
	res, err := gsa.Prim(d.x, d.y, opt)
	if err != nil {
		var ve *gsa.ValueError
		if errors.As(err, &ve) && ve.What == "Choose" {
			return e.usagef("-box %d: want a box %s", f.box, ve.Want)
		}
		return err
	}
	out := f.out
	if out == "" {
		out = d.dir
	}
	if err := os.MkdirAll(out, 0o777); err != nil {
		return fmt.Errorf("creating the output directory: %w", err)
	}
	if err := d.report(e.stdout, res, opt); err != nil {
		return err
	}
	return d.write(out, res)
}

// checkPrimOptions reports options PRIM would refuse as usage errors,
// named by their flags.
func checkPrimOptions(e *env, o *gsa.PrimOptions) error {
	switch {
	case !(o.Alpha > 0 && o.Alpha < 0.5):
		return e.usagef("-alpha must be in (0, 0.5), is %g", o.Alpha)
	case !(o.MassMin > 0 && o.MassMin < 1):
		return e.usagef("-mass-min must be in (0, 1), is %g", o.MassMin)
	case !(o.Threshold >= 0 && o.Threshold <= 1):
		return e.usagef("-threshold must be in (0, 1], is %g", o.Threshold)
	}
	return nil
}

// readDiscovery reads the runs of dir and classifies them.
func readDiscovery(dir string, o experiment.Outcome, f *discoverFlags) (*discovery, error) {
	path := filepath.Join(dir, experiment.RunsFile)
	file, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &inputError{fmt.Errorf("%s: no %s: not the directory of a sweep", dir, experiment.RunsFile)}
		}
		return nil, &inputError{err}
	}
	t, err := experiment.ReadRuns(file)
	file.Close()
	if err != nil {
		return nil, &inputError{fmt.Errorf("%s: %w", dir, err)}
	}
	d := &discovery{dir: dir, outcome: o, unit: "runs"}
	if man, err := experiment.ReadStudyManifest(dir); err == nil {
		d.name = man.Scenario
	}
	var cols []int
	for j, c := range t.Columns {
		numeric := true
		for _, r := range t.Rows {
			numeric = numeric && !math.IsNaN(r.Values[j])
		}
		if numeric {
			cols = append(cols, j)
			d.columns = append(d.columns, c)
		}
	}
	if len(t.Rows) == 0 || len(cols) == 0 {
		return nil, &inputError{fmt.Errorf("%s: %s has no runs over numeric parameters to discover in", dir, experiment.RunsFile)}
	}
	pick := func(values []float64) []float64 {
		x := make([]float64, len(cols))
		for k, j := range cols {
			x[k] = values[j]
		}
		return x
	}
	if f.mean {
		d.unit = "design points"
		for _, p := range t.Points() {
			d.x, d.values = append(d.x, pick(p.Values)), append(d.values, p.Mean[o])
		}
	} else {
		for _, r := range t.Rows {
			d.x, d.values = append(d.x, pick(r.Values)), append(d.values, r.Outcomes[o])
		}
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	switch {
	case f.below.set && f.above.set:
		d.condition = fmt.Sprintf("%s < %s < %s", num(f.above.v), o.Name(), num(f.below.v))
	case f.below.set:
		d.condition = fmt.Sprintf("%s < %s", o.Name(), num(f.below.v))
	default:
		d.condition = fmt.Sprintf("%s > %s", o.Name(), num(f.above.v))
	}
	d.y = make([]bool, len(d.values))
	for i, v := range d.values {
		d.y[i] = (!f.below.set || v < f.below.v) && (!f.above.set || v > f.above.v)
	}
	return d, nil
}
