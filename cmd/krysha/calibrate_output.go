package main

import (
	"encoding/csv"
	"io"
	"path/filepath"
	"strconv"

	"github.com/krysha/krysha/internal/fsx"
)

// The files a calibration writes beside the study's.
const (
	calibratedFile  = "calibrated.toml"
	fitCSVFile      = "fit.csv"
	fitPNGFile      = "fit.png"
	posteriorPNG    = "posterior.png"
	posteriorCSV    = "posterior.csv"
	parametersCSV   = "parameters.csv"
	refineCSV       = "refine.csv"
	studyReportFile = "report.txt"
)

// writeFiles writes the calibration's files and returns their names.
func (c *calibration) writeFiles(res *calibResult) ([]string, error) {
	text, err := c.calibratedTOML(res)
	if err != nil {
		return nil, err
	}
	if err := fsx.WriteBytes(filepath.Join(c.dir, calibratedFile), text); err != nil {
		return nil, err
	}
	files := []string{calibratedFile}
	tables := []struct {
		name  string
		write func(*csv.Writer, *calibResult) error
	}{
		{fitCSVFile, c.writeFitCSV},
		{posteriorCSV, c.writePosteriorCSV},
		{parametersCSV, c.writeParametersCSV},
	}
	if res.ref != nil {
		tables = append(tables, struct {
			name  string
			write func(*csv.Writer, *calibResult) error
		}{refineCSV, c.writeRefineCSV})
	}
	for _, t := range tables {
		err := fsx.WriteFile(filepath.Join(c.dir, t.name), func(w io.Writer) error {
			cw := csv.NewWriter(w)
			if err := t.write(cw, res); err != nil {
				return err
			}
			cw.Flush()
			return cw.Error()
		})
		if err != nil {
			return files, err
		}
		files = append(files, t.name)
	}
	if err := c.saveFitChart(filepath.Join(c.dir, fitPNGFile), res); err != nil {
		return files, err
	}
	if err := c.savePosteriorChart(filepath.Join(c.dir, posteriorPNG), res); err != nil {
		return files, err
	}
	files = append(files, fitPNGFile, posteriorPNG)
	if err := fsx.WriteBytes(filepath.Join(c.dir, studyReportFile), []byte(c.report(res))); err != nil {
		return files, err
	}
	return append(files, studyReportFile), nil
}

// exactNum writes v in the shortest form that reads back exactly.
func exactNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// writeFitCSV writes fit.csv: one row a target, then the total.
func (c *calibration) writeFitCSV(w *csv.Writer, res *calibResult) error {
	head := []string{"target", "kind", "metric", "from", "to", "observed", "weight",
		"mean", "lo", "hi", "posterior_mean", "posterior_lo", "posterior_hi", "loss", "met", "source"}
	if err := w.Write(head); err != nil {
		return err
	}
	t := c.targets
	for i, ct := range t.Counts {
		y := strconv.Itoa(ct.Year)
		err := w.Write([]string{ct.Name(), "count", ct.Metric, y, y, exactNum(ct.Observed), exactNum(ct.Weight),
			exactNum(res.fit.Means[i]), exactNum(res.fitSpread.CountLo[i]), exactNum(res.fitSpread.CountHi[i]),
			exactNum(res.pred.Means[i]), exactNum(res.predSpread.CountLo[i]), exactNum(res.predSpread.CountHi[i]),
			exactNum(res.fit.Counts[i]), "", ct.Source})
		if err != nil {
			return err
		}
	}
	for i, d := range t.Directions {
		err := w.Write([]string{d.Name(), "direction", d.Metric, strconv.Itoa(d.From), strconv.Itoa(d.To), d.Direction.String(), exactNum(d.Weight),
			exactNum(res.fit.Changes[i]), exactNum(res.fitSpread.DirLo[i]), exactNum(res.fitSpread.DirHi[i]),
			exactNum(res.pred.Changes[i]), exactNum(res.predSpread.DirLo[i]), exactNum(res.predSpread.DirHi[i]),
			exactNum(res.fit.Directions[i]), strconv.FormatBool(res.fit.Directions[i] == 0), d.Source})
		if err != nil {
			return err
		}
	}
	return w.Write([]string{"total", "total", "", "", "", "", "", "", "", "", "", "", "", exactNum(res.fit.Total), "", ""})
}

// writePosteriorCSV writes the kept sample: rank, design point, loss and
// the parameters.
func (c *calibration) writePosteriorCSV(w *csv.Writer, res *calibResult) error {
	head := []string{"rank", "point", "loss"}
	for _, p := range c.box {
		head = append(head, p.Name)
	}
	if err := w.Write(head); err != nil {
		return err
	}
	for k, p := range res.post.Keep {
		row := []string{strconv.Itoa(k), strconv.Itoa(p), exactNum(res.post.Losses[k])}
		for j, v := range res.post.Points[k] {
			row = append(row, c.arms.FormatValue(j, v))
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// writeParametersCSV writes one row a parameter.
func (c *calibration) writeParametersCSV(w *csv.Writer, res *calibResult) error {
	head := []string{"parameter", "prior_lo", "prior_hi", "scenario", "median", "lo", "hi", "share", "identified", "best_design_point", "fitted"}
	if err := w.Write(head); err != nil {
		return err
	}
	for j, m := range res.post.Marginal {
		cur, _ := calibParamValue(c.st.src.Scenario, m.Name)
		err := w.Write([]string{m.Name, exactNum(c.box[j].Min), exactNum(c.box[j].Max), exactNum(cur),
			exactNum(m.Median), exactNum(m.Lo), exactNum(m.Hi), exactNum(m.Share), strconv.FormatBool(m.Identified),
			exactNum(res.start[j]), exactNum(res.theta[j])})
		if err != nil {
			return err
		}
	}
	return nil
}

// writeRefineCSV writes every point the refinement evaluated.
func (c *calibration) writeRefineCSV(w *csv.Writer, res *calibResult) error {
	head := []string{"evaluation", "loss"}
	for _, p := range c.box {
		head = append(head, p.Name)
	}
	if err := w.Write(head); err != nil {
		return err
	}
	for k, ev := range res.trace {
		row := []string{strconv.Itoa(k + 1), exactNum(ev.loss)}
		for _, v := range ev.theta {
			row = append(row, exactNum(v))
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	return nil
}
