package experiment

import (
	"strconv"
	"strings"

	"github.com/krysha/krysha/sim"
)

// File names of a study's run directory, beside YearlyFile, RoutesFile
// and ManifestFile.
const (
	RunsFile     = "runs.csv"
	FailuresFile = "failures.csv"
)

// The leading columns of every row of a study's files: the run index,
// the arm (design point), the replicate and the seed of its stream.
const runKey = "run,point,replicate,seed"

// RunsHeader returns the header of runs.csv for a plan with the given
// arm columns: the run's key, its arm's values, the summary outcomes
// and the command that reproduces it.
func RunsHeader(columns []string) string {
	var b []byte
	b = append(b, runKey...)
	for _, c := range columns {
		b = appendCell(append(b, ','), c)
	}
	for o := range NumOutcomes {
		b = append(append(b, ','), o.Name()...)
	}
	return string(append(b, ",command"...))
}

// YearlyHeader is the header of a study's yearly.csv: the run's key, the
// year, and every metric in sim order, as in `krysha run`'s yearly.csv.
func YearlyHeader() string {
	var b strings.Builder
	b.WriteString(runKey + ",year")
	for m := range sim.NumMetrics {
		b.WriteByte(',')
		b.WriteString(m.Info().Name)
	}
	return b.String()
}

// FailuresHeader returns the header of failures.csv: the run's key, its
// arm's values, the error and the command that reproduces it.
func FailuresHeader(columns []string) string {
	var b []byte
	b = append(b, runKey...)
	for _, c := range columns {
		b = appendCell(append(b, ','), c)
	}
	return string(append(b, ",error,command"...))
}

// appendKey appends run,point,replicate,seed.
func appendKey(b []byte, run, arm, rep int, seed uint64) []byte {
	b = strconv.AppendInt(b, int64(run), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(arm), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(rep), 10)
	b = append(b, ',')
	return strconv.AppendUint(b, seed, 10)
}

// appendYearlyRows appends the run's rows of yearly.csv.
func appendYearlyRows(b []byte, r *Result) []byte {
	first := r.Start.Year()
	for y := range r.Yearly {
		b = appendKey(b, r.Run, r.Arm, r.Replicate, r.Seed)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(first+y), 10)
		for _, v := range &r.Yearly[y] {
			b = AppendFloat(append(b, ','), v)
		}
		b = append(b, '\n')
	}
	return b
}

// appendRunRow appends the run's row of runs.csv.
func appendRunRow(b []byte, r *Result, cells []string, command string) []byte {
	b = appendKey(b, r.Run, r.Arm, r.Replicate, r.Seed)
	for _, c := range cells {
		b = appendCell(append(b, ','), c)
	}
	for _, v := range r.Outcomes {
		b = AppendFloat(append(b, ','), v)
	}
	b = appendCell(append(b, ','), command)
	return append(b, '\n')
}

// appendFailureRow appends a row of failures.csv. The error is written
// on one line.
func appendFailureRow(b []byte, run, arm, rep int, seed uint64, cells []string, err error, command string) []byte {
	b = appendKey(b, run, arm, rep, seed)
	for _, c := range cells {
		b = appendCell(append(b, ','), c)
	}
	msg := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
	b = appendCell(append(b, ','), msg)
	b = appendCell(append(b, ','), command)
	return append(b, '\n')
}

// appendCell appends s as a CSV field, quoted as RFC 4180 says when it
// holds a comma, a quote or a line break.
func appendCell(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}
