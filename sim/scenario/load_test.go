package scenario

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/scenarios"
)

func readSmall(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func lineOf(text, sub string) int {
	i := strings.Index(text, sub)
	if i < 0 {
		return -1
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestShippedScenariosAreValid(t *testing.T) {
	t.Parallel()
	for _, name := range []string{scenarios.Default} {
		text, err := scenarios.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(name, text, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Parse("small.toml", []byte(readSmall(t)), nil); err != nil {
		t.Errorf("small.toml: %v", err)
	}
}

// Each broken variant of the small scenario is reported once, on the line
// of the fault, with the key and a message that says what is wrong.
func TestOneFaultOneMessage(t *testing.T) {
	t.Parallel()
	small := readSmall(t)
	cases := []struct {
		name     string
		old, new string // the fault: replace old by new
		key      string
		msg      string
	}{
		{"unknown key", `seed       = 7`, `seed       = 7
sede = 8`, "sede", "unknown key"},
		{"wrong type", `capital  = 1e6`, `capital  = "lots"`, "organization[0].capital", "expected a number"},
		{"probability above one", `members  = 10`, `members  = 10
[patronage]
clan_capture = 1.3`, "patronage.clan_capture", "must be in [0, 1], is 1.3"},
		{"negative count", `vehicles = 5`, `vehicles = -5`, "organization[0].vehicles", "must be in [1,"},
		{"missing node", `{ from = "b2", to = "m",`, `{ from = "b2", to = "mm",`, "edges[3].to", `unknown node "mm"`},
		{"origin without path", `
  { from = "m",  to = "s",  km = 1000, mode = "road",  traffic = "medium", detect = 0.05, checkpoint = true, guards = 20, post = "police" },`, ``,
			"nodes[0].supply_drugs", `no path from origin "o" to market "s" for drugs`},
		{"bad date", `start      = "2000-01"`, `start      = "2000-13"`, "start", `expected a month as "YYYY-MM"`},
		{"event on unknown lever", `members  = 10`, `members  = 10
[[event]]
at = "2002-01"
set = { "enforcement.budgt" = 2 }`, `event[0].set."enforcement.budgt"`, `unknown lever (did you mean "enforcement.budget"?)`},
		{"event on a missing segment", `members  = 10`, `members  = 10
[[event]]
at = "2002-01"
set = { "edges[9].closed" = true }`, `event[0].set."edges[9].closed"`, "no segment edges[9]: the scenario has 5"},
		{"event after the end", `members  = 10`, `members  = 10
[[event]]
at = "2009-01"
set = { "enforcement.budget" = 2 }`, "event[0].at", "after the end"},
		{"event leaves a parameter out of range", `members  = 10`, `members  = 10
[[event]]
at = "2002-01"
set = { "patronage.clan_capture" = 2 }`, "event[0]", "leaves patronage.clan_capture invalid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(small, c.old) {
				t.Fatalf("test bug: %q not in small.toml", c.old)
			}
			text := strings.Replace(small, c.old, c.new, 1)
			_, err := Parse("bad.toml", []byte(text), nil)
			var errs tomlx.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want tomlx.Errors", err)
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%v", len(errs), err)
			}
			e := errs[0]
			if e.File != "bad.toml" || e.Key != c.key || !strings.Contains(e.Msg, c.msg) {
				t.Errorf("got %q, want bad.toml, key %q, message containing %q", e.Error(), c.key, c.msg)
			}
			// The line is where the fault was written (for a path that
			// became impossible, the origin's line).
			lines := strings.Split(strings.TrimSpace(c.new), "\n")
			want := lineOf(text, lines[len(lines)-1])
			if c.name == "origin without path" {
				want = lineOf(text, `{ id = "o"`)
			}
			if c.name == "event on unknown lever" || c.name == "event leaves a parameter out of range" || c.name == "event on a missing segment" {
				want = lineOf(text, "set = {")
				if c.key == "event[0]" {
					want = lineOf(text, "[[event]]")
				}
			}
			if c.name == "event after the end" {
				want = lineOf(text, `at = "2009-01"`)
			}
			if c.name == "probability above one" {
				want = lineOf(text, "clan_capture = 1.3")
			}
			if e.Line != want {
				t.Errorf("%s: line %d, want %d", e.Error(), e.Line, want)
			}
		})
	}
}

// Independent faults are all reported in one pass.
func TestAllErrorsAtOnce(t *testing.T) {
	t.Parallel()
	text := strings.NewReplacer(
		`end        = "2004-12"`, `end        = "1999-12"`,
		`to = "b1"`, `to = "nowhere"`,
		`capital  = 2e5`, `capital  = -2e5`,
	).Replace(readSmall(t))
	_, err := Parse("bad.toml", []byte(text), nil)
	var errs tomlx.Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("got %v, want 3 errors", err)
	}
}

func TestSetOverrides(t *testing.T) {
	t.Parallel()
	small := []byte(readSmall(t))
	src, err := Parse("small.toml", small, []string{"bribe.same_clan=0", "enforcement.budget_scale=2", "mechanisms.patronage=false"})
	if err != nil {
		t.Fatal(err)
	}
	sc := src.Scenario
	if sc.Bribe.SameClan != 0 || sc.Enforcement.BudgetScale != 2 || sc.Mechanisms.Patronage {
		t.Errorf("overrides not applied: same_clan %v, budget_scale %v, patronage %v", sc.Bribe.SameClan, sc.Enforcement.BudgetScale, sc.Mechanisms.Patronage)
	}
	plain, _ := Parse("small.toml", small, nil)
	if src.Hash() == plain.Hash() {
		t.Error("overrides do not change the scenario hash")
	}
	byEnds, err := Parse("small.toml", small, []string{"edges[b2>m].detect=0.7"})
	if err != nil {
		t.Fatal(err)
	}
	if got := byEnds.Scenario.Edges[3].Detect; got != 0.7 {
		t.Errorf("-set edges[b2>m].detect=0.7 set edges[3].detect to %v", got)
	}
	for _, bad := range []string{"bribe.same_clan=abc", "bribe.nope=1", "novalue", "patronage.clan_capture=2", "edges[m>b2].detect=1", "edges[x].detect=1"} {
		if _, err := Parse("small.toml", small, []string{bad}); err == nil {
			t.Errorf("-set %s accepted", bad)
		}
	}
}

func TestRejectsWhatIsNotAScenario(t *testing.T) {
	t.Parallel()
	for name, text := range map[string][]byte{
		"empty":   []byte("# nothing here\n\n"),
		"binary":  {0x7f, 'E', 'L', 'F', 0, 1, 2},
		"too big": []byte(strings.Repeat("# padding\n", MaxFileBytes/10+1)),
	} {
		_, err := Parse(name, text, nil)
		var errs tomlx.Errors
		if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Line != 1 {
			t.Errorf("%s: got %v, want one error on line 1", name, err)
		}
	}
}

// Every parameter of the default scenario is stated in its file, so that
// the file alone says what was run (and every number can carry a source).
func TestDefaultScenarioStatesEveryParameter(t *testing.T) {
	t.Parallel()
	text, err := scenarios.FS.ReadFile(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tomlx.ParseFile(scenarios.Default, text)
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	for _, path := range tomlx.Leaves(&p) {
		if !doc.Has(path) {
			t.Errorf("%s does not state %s", scenarios.Default, path)
		}
	}
}
