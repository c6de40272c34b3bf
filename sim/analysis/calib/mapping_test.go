package calib

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim/observed"
)

func TestDefaultTargetsShippedData(t *testing.T) {
	t.Parallel()
	text, err := fs.ReadFile(scenarios.FS, "data/kazakhstan_observed.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := observed.Parse("kazakhstan_observed.csv", text)
	if err != nil {
		t.Fatal(err)
	}
	tg, left, err := DefaultTargets(rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.Counts)+len(left) != len(rows) {
		t.Errorf("%d targets and %d unmatched from %d rows", len(tg.Counts), len(left), len(rows))
	}
	for _, u := range left {
		if u.Row.Series != "drug_seizures" || !strings.Contains(u.Reason, "cannabis") {
			t.Errorf("unmatched %s %d: %q", u.Row.Series, u.Row.Year, u.Reason)
		}
	}
	want := map[string]string{ // series -> metric
		"trafficking_convictions":       "convictions",
		"victims_identified":            "victims_identified",
		"trafficking_crimes_registered": "cases_opened",
		"heroin_seizures":               "drug_seizures_kg",
	}
	for _, c := range tg.Counts {
		series := strings.Fields(c.Label)[0]
		if want[series] != c.Metric {
			t.Errorf("%s compared with %q, want %q", c.Label, c.Metric, want[series])
		}
		// victims_identified 2008 is the only secondary figure.
		if w := map[bool]float64{true: 0.5, false: 1}[series == "victims_identified"]; c.Weight != w {
			t.Errorf("%s: weight %v, want %v", c.Label, c.Weight, w)
		}
		if c.Source == "" {
			t.Errorf("%s has no source", c.Label)
		}
	}
	if len(tg.Directions) != 3 || tg.Offset != DefaultOffset || tg.Margin != DefaultMargin {
		t.Errorf("directions %v, offset %v, margin %v", tg.Directions, tg.Offset, tg.Margin)
	}
}

func TestMappingErrors(t *testing.T) {
	t.Parallel()
	m := DefaultMapping()
	tests := []struct {
		name string
		row  observed.Row
		msg  string
	}{
		{"unknown series", observed.Row{Series: "arrests_total", Year: 2010, Value: 3, Quality: "reported", Line: 4}, "no entry"},
		{"unknown quality", observed.Row{Series: "heroin_seizures", Year: 2010, Value: 3, Quality: "rumour", Line: 5}, "no weight"},
	}
	for _, tt := range tests {
		_, _, err := m.Targets([]observed.Row{tt.row})
		var te *TargetError
		if !errors.As(err, &te) || te.Line != tt.row.Line || !strings.Contains(te.Msg, tt.msg) {
			t.Errorf("%s: error %v; want a *TargetError at line %d saying %q", tt.name, err, tt.row.Line, tt.msg)
		}
	}
}
