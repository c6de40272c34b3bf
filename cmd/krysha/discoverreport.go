package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
)

// The files of krysha discover.
const (
	discoverCSV    = "discover.csv"
	discoverBoxCSV = "discover_box.csv"
	discoverPNG    = "discover.png"
)

// report prints the data, the trajectory and the chosen box.
func (d *discovery) report(w io.Writer, res *gsa.PrimResult, opt *gsa.PrimOptions) error {
	fmt.Fprintf(w, "PRIM on %s: %s in %d of %d %s (%.1f%%), over %d parameters\n\n",
		filepath.Join(d.dir, experiment.RunsFile), d.condition, res.Hits, res.Total, d.unit,
		100*float64(res.Hits)/float64(res.Total), len(d.columns))
	fmt.Fprintln(w, "peeling trajectory:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "box\tcoverage\tdensity\tmass\trestricted\t")
	for i, s := range res.Trajectory {
		fmt.Fprintf(tw, "%d\t%.3f\t%.3f\t%.3f\t%d\t\n", i, s.Coverage, s.Density, s.Mass, len(s.Restricted))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	how := "the knee of the trajectory"
	switch {
	case opt.Choose > 0:
		how = "chosen with -box"
	case opt.Threshold > 0 && res.ThresholdMet:
		how = fmt.Sprintf("the box of highest coverage with density at least %g", opt.Threshold)
	case opt.Threshold > 0:
		how = fmt.Sprintf("no box reaches density %g: the densest", opt.Threshold)
	}
	if opt.Paste {
		how += ", pasted"
	}
	b := res.Box
	fmt.Fprintf(w, "\nchosen box %d (%s): coverage %.3f, density %.3f, mass %.3f (%d %s, %d where %s)\n",
		res.Chosen, how, b.Coverage, b.Density, b.Mass, b.N, d.unit, b.Hits, d.condition)
	if len(res.Restrictions) == 0 {
		fmt.Fprintln(w, "it restricts no parameter")
		return nil
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  parameter\tbox\tin the sample\tquasi-p")
	for _, r := range res.Restrictions {
		fmt.Fprintf(tw, "  %s\t[%s, %s]\t[%s, %s]\t%s\n", d.columns[r.Dim], discG4(r.Lo), discG4(r.Hi),
			discG4(res.Limits.Lo[r.Dim]), discG4(res.Limits.Hi[r.Dim]), discG2(r.QP))
	}
	return tw.Flush()
}

func discG4(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
func discG2(v float64) string { return strconv.FormatFloat(v, 'g', 2, 64) }

// write writes discover.csv, discover_box.csv and discover.png to dir.
func (d *discovery) write(dir string, res *gsa.PrimResult) error {
	num := func(b []byte, v float64) []byte { return experiment.AppendFloat(append(b, ','), v) }
	// The trajectory, with every box's limits.
	var b []byte
	b = append(b, "box,coverage,density,mass,n,hits,restricted,restricted_parameters,chosen"...)
	for _, c := range d.columns {
		b = append(b, ","+discCell(c+"_lo")+","+discCell(c+"_hi")...)
	}
	b = append(b, '\n')
	for i, s := range res.Trajectory {
		b = strconv.AppendInt(b, int64(i), 10)
		b = num(b, s.Coverage)
		b = num(b, s.Density)
		b = num(b, s.Mass)
		b = fmt.Appendf(b, ",%d,%d,%d,", s.N, s.Hits, len(s.Restricted))
		names := make([]string, len(s.Restricted))
		for k, j := range s.Restricted {
			names[k] = d.columns[j]
		}
		b = append(b, discCell(strings.Join(names, " "))...)
		b = fmt.Appendf(b, ",%d", boolInt(i == res.Chosen))
		for j := range d.columns {
			b = num(b, s.Box.Lo[j])
			b = num(b, s.Box.Hi[j])
		}
		b = append(b, '\n')
	}
	if err := writeFileBytes(filepath.Join(dir, discoverCSV), b); err != nil {
		return err
	}
	// The chosen box.
	b = append(b[:0], "parameter,lo,hi,min,max,qp\n"...)
	for _, r := range res.Restrictions {
		b = append(b, discCell(d.columns[r.Dim])...)
		for _, v := range []float64{r.Lo, r.Hi, res.Limits.Lo[r.Dim], res.Limits.Hi[r.Dim], r.QP} {
			b = num(b, v)
		}
		b = append(b, '\n')
	}
	if err := writeFileBytes(filepath.Join(dir, discoverBoxCSV), b); err != nil {
		return err
	}
	return d.chart(filepath.Join(dir, discoverPNG), res)
}

// chart draws discover.png.
func (d *discovery) chart(path string, res *gsa.PrimResult) error {
	title := "Where " + d.condition + " (PRIM)"
	if d.name != "" {
		title = d.name + ": where " + d.condition + " (PRIM)"
	}
	c := &plots.PrimChart{Title: title, Chosen: res.Chosen,
		Box: plots.PrimBox{Coverage: res.Box.Coverage, Density: res.Box.Density}}
	for _, s := range res.Trajectory {
		c.Coverage = append(c.Coverage, s.Coverage)
		c.Density = append(c.Density, s.Density)
		c.Restricted = append(c.Restricted, len(s.Restricted))
	}
	for _, r := range res.Restrictions {
		c.Box.Limits = append(c.Box.Limits, plots.PrimLimit{Param: d.columns[r.Dim], Lo: r.Lo, Hi: r.Hi,
			Min: res.Limits.Lo[r.Dim], Max: res.Limits.Hi[r.Dim], QP: r.QP})
	}
	fig, err := c.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth, c.Height())
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// csvCell quotes s as a CSV field when it needs it.
func discCell(s string) string {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func writeFileBytes(path string, b []byte) error {
	return fsx.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
