package main

import (
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// A factor takes its parameter's type from the scenario, whether the
// parameter is a lever or not.
func TestTypeOf(t *testing.T) {
	t.Parallel()
	sc := scenario.Default()
	sc.Edges = []scenario.Edge{{From: "a", To: "b", Detect: 0.1}}
	tests := []struct {
		path string
		want paramType
		err  string
	}{
		{"enforcement.budget_scale", paramFloat, ""},
		{"patronage.rotation_months", paramInt, ""},
		{"mechanisms.patronage", paramBool, ""},
		{"officials.police.count", paramInt, ""}, // not a lever: events cannot change it, a sweep can
		{"edges[0].detect", paramFloat, ""},
		{"edges[3].detect", 0, "edges[3].detect"},
		{"start", 0, "start is a Month, not a number a sweep can vary"},
		{"replicates", 0, "not a model parameter"},
		{"officials.police", 0, "not a number or a switch"},
		{"bribe.same_clam", 0, `did you mean "bribe.same_clan"`},
	}
	for _, tt := range tests {
		got, err := typeOf(sc, tt.path)
		if tt.err == "" && (err != nil || got != tt.want) || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("typeOf(%s) = %v, %v; want %v, %q", tt.path, got, err, tt.want, tt.err)
		}
	}
}
