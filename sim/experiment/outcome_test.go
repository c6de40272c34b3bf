package experiment

import (
	"math"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

func TestWindow(t *testing.T) {
	t.Parallel()
	start, end := scenario.MonthOf(1995, 1), scenario.MonthOf(2015, 12)
	if w := DefaultWindow(start, end); w != (Window{2009, 2015}) || w.String() != "2009:2015" || w.Years() != 7 {
		t.Errorf("default window of 1995-2015: %v", w)
	}
	if w := DefaultWindow(scenario.MonthOf(2000, 7), scenario.MonthOf(2003, 6)); w != (Window{2000, 2003}) {
		t.Errorf("default window of mid-2000 to mid-2003: %v, want all four years", w)
	}
	for _, tt := range []struct {
		in   string
		want Window
		err  string
	}{
		{"2009:2015", Window{2009, 2015}, ""},
		{" 2012 ", Window{2012, 2012}, ""},
		{"1990:2000", Window{1995, 2000}, ""}, // clipped
		{"2015:2009", Window{}, "before the first"},
		{"2009-2015", Window{}, "want FIRST:LAST"},
		{"2016:2020", Window{}, "outside the scenario's years 1995:2015"},
	} {
		w, err := ParseWindow(tt.in)
		if err == nil {
			w, err = w.Clip(start, end)
		}
		if tt.err == "" && (err != nil || w != tt.want) || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("window %q: %v, %v; want %v, %q", tt.in, w, err, tt.want, tt.err)
		}
	}
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	years := make([]sim.Record, 4) // 2000..2003
	for y := range years {
		years[y][sim.Prosecutions] = float64(10 * (y + 1))
		years[y][sim.DrugSeizuresKg] = 100
		years[y][sim.CorruptShareBorderGuard] = 0.5
		years[y][sim.CorruptShareJudge] = 0.1
	}
	// 300 guards at 0.5 and 100 judges at 0.1: (150 + 10) / 400.
	weights := []float64{300, 0, 0, 0, 100}
	got := Summarize(years, 2000, Window{2001, 2010}, weights)
	if got[OutProsecutions] != 30 || got[OutDrugSeizuresKg] != 100 || got[OutConvictions] != 0 {
		t.Errorf("outcomes over 2001-2003: %v, want prosecutions (20+30+40)/3 = 30", got)
	}
	if math.Abs(got[OutCorruptShare]-0.4) > 1e-15 {
		t.Errorf("corrupt share %v, want 0.4", got[OutCorruptShare])
	}
	if z := Summarize(years, 2000, Window{1990, 1995}, weights); z != (Outcomes{}) {
		t.Errorf("a window outside the records gives %v, want zeros", z)
	}
	if CorruptShare(&years[0], []float64{0, 0, 0, 0, 0}) != 0 {
		t.Error("no officials: corrupt share is not 0")
	}
	for o := range NumOutcomes {
		if got, ok := OutcomeByName(o.Name()); !ok || got != o {
			t.Errorf("OutcomeByName(%q) = %v, %v", o.Name(), got, ok)
		}
	}
}

func TestPlanCommand(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 4, "bribe.same_clan=0,1.5")
	p.ScenarioArg = "my scenarios/k.toml"
	p.Source.Sets = []string{"name=it's"}
	want := `krysha run -seed 11 -first 3 -replicates 1 -set 'name=it'\''s' -set bribe.same_clan=1.5 'my scenarios/k.toml'`
	if got := p.Command(7); got != want {
		t.Errorf("Command(7) =\n%s\nwant\n%s", got, want)
	}
	p.ScenarioArg = ""
	l := &ArmList{Names: []string{"policy"}, List: []Arm{{Cells: []string{"rotate"}, Args: []string{"-policy", "rotate"}}}}
	p.Arms, p.Source.Sets = l, nil
	if got, want := p.Command(2), "krysha run -seed 11 -first 2 -replicates 1 -policy rotate"; got != want {
		t.Errorf("command of an arm with Args: %q, want %q", got, want)
	}
}

// An arm's events are added to the scenario's, and checked.
func TestPlanScenarioEvents(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 1, "bribe.same_clan=0,1")
	off := scenario.Event{At: scenario.MonthOf(2002, 1), Set: map[string]any{"mechanisms.patronage": false}}
	bad := scenario.Event{At: scenario.MonthOf(2002, 1), Set: map[string]any{"mechanisms.patronag": false}}
	p.Arms = &ArmList{Names: []string{"patronage"}, List: []Arm{
		{Cells: []string{"on"}}, {Cells: []string{"off"}, Events: []scenario.Event{off}}, {Cells: []string{"bad"}, Events: []scenario.Event{bad}},
	}}
	base := len(p.Source.Scenario.Events)
	if sc, err := p.Scenario(1); err != nil || len(sc.Events) != base+1 {
		t.Errorf("arm with an event: %v", err)
	}
	if _, err := p.Scenario(2); err == nil || !strings.Contains(err.Error(), "unknown lever") {
		t.Errorf("arm with a bad event: %v", err)
	}
}
