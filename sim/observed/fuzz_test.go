package observed

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/krysha/krysha/scenarios"
)

// FuzzParse feeds arbitrary bytes to the observed-data reader. Seeds are
// the shipped data and the cases in testdata/fuzz/FuzzParse. It checks
// that nothing panics, that an error is a non-empty Errors of at most
// maxErrors problems each on a line of the file (or 0), and that every
// row accepted holds what the package doc promises: a calibration must
// never see an infinite value or a year it cannot place.
func FuzzParse(f *testing.F) {
	shipped, err := fs.ReadFile(scenarios.FS, "data/kazakhstan_observed.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(shipped)
	f.Add([]byte(header + "a,2005,13,persons,reported,TIP 2007\n"))
	f.Add([]byte(header + "a,\"2005\",1e3,\"x,y\",secondary,\"s \"\"q\"\"\"\n"))
	f.Add([]byte("series,year\n1,2\n"))
	f.Add([]byte("\uFEFF" + header + "a,2005,1e308,u,secondary,s\r\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		lastLine := bytes.Count(text, []byte("\n")) + 1
		rows, err := Parse("obs.csv", text)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || len(es) > maxErrors {
				t.Fatalf("error %v (%T) is not an Errors of 1..%d problems", err, err, maxErrors)
			}
			for _, e := range es {
				if e.Line < 0 || e.Line > lastLine || e.Msg == "" || e.File != "obs.csv" {
					t.Errorf("malformed problem %#v (the file has %d lines)", e, lastLine)
				}
			}
			if rows != nil {
				t.Errorf("rows returned with an error")
			}
			return
		}
		prev := 1
		for _, r := range rows {
			if r.Year < 1000 || r.Year > 9999 || math.IsNaN(r.Value) || math.IsInf(r.Value, 0) ||
				!slices.Contains(Qualities, r.Quality) || strings.TrimSpace(r.Series) == "" || strings.TrimSpace(r.Source) == "" ||
				r.Line <= prev || r.Line > lastLine {
				t.Errorf("accepted a bad row %+v (previous row on line %d)", r, prev)
			}
			prev = r.Line
		}
	})
}
