package tomlx

import (
	"reflect"
	"testing"
)

const goodScenario = `# Border corruption, baseline.
name = "border-2024"
seed = 42
months = 36
start = "2024-01"
tags = ["baseline", "coastal"]
weights = { coast = 2.5 }
nodes = [
  { id = "osh", lon = 72.8, lat = 40.5 },
  { id = "andijan", lon = 72.3, lat = 40.8 },
  { id = "kashgar", lon = 76, lat = 39.47 },
]

[enforcement]
budget = 2.5

[mechanisms]
patronage = true

[officials.border_guard]
count = 120
salary = 310.0
integrity = { alpha = 4, beta = 2 }

[officials.customs]
count = 40.0

[[organization]]
id = "customs-north"
budget = 1200
label = "North"

[[organization]]
id = "guard-south"
size = 30

[[event]]
at = "2025-06"
set = { "enforcement.budget" = 1.5, "mechanisms.patronage" = false }

[[event]]
at = "2026-01"
set = { "officials.border_guard.salary" = 400, note = "raise" }
`

func TestDecodeScenario(t *testing.T) {
	t.Parallel()
	doc, err := Parse([]byte(goodScenario))
	if err != nil {
		t.Fatal(err)
	}
	got := defaultScenario()
	if err := doc.Decode(&got); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	want := defaultScenario()
	want.Name, want.Seed, want.Months = "border-2024", 42, 36
	want.Start = month{2024, 1}
	want.Tags = []string{"baseline", "coastal"}                // replaced, not appended
	want.Weights = map[string]float64{"base": 1, "coast": 2.5} // merged
	want.Nodes = []node{{"osh", 72.8, 40.5}, {"andijan", 72.3, 40.8}, {"kashgar", 76, 39.47}}
	want.Enforcement.Budget = 2.5 // audit_rate keeps its default
	want.Mechanisms.Patronage = true
	want.Officials.BorderGuard = official{Count: 120, Salary: 310, Integrity: beta{4, 2}}
	want.Officials.Customs.Count = 40 // salary and integrity keep defaults
	want.Organization = []organization{
		{common: common{"North"}, ID: "customs-north", Budget: 1200, Size: 10, Active: true, calls: 1},
		{ID: "guard-south", Budget: 100, Size: 30, Active: true, calls: 1},
	}
	want.Event = []event{
		{At: month{2025, 6}, Set: map[string]any{"enforcement.budget": 1.5, "mechanisms.patronage": false}},
		{At: month{2026, 1}, Set: map[string]any{"officials.border_guard.salary": 400.0, "note": "raise"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decode:\n got %+v\nwant %+v", got, want)
	}
}

// badScenario has one problem on each line marked with #!, none of which
// hides another.
const badScenario = `name = "bad"
mnths = 12 #!
seed = "abc" #!
runs = 2.5 #!
start = "2024-13" #!
nodes = [
  { id = "a", lon = 1, lat = 2 },
  { id = "b", lon = 1, lat = 2 },
  { id = "c", lon = 1, lat = 2, elevation = 300 }, #!
  { id = "d", lon = "east", lat = 2 }, #!
]
tags = "coastal" #!

[enforcement]
budget = nan #!
audit_rate = "high" #!

[officials.border_guard]
integrity = { alpha = 4, betta = 2 } #!
count = 1e30 #!

[[organization]]
id = "x"
active = "yes" #!

[[organization]]
id = "y"
size = -inf #!
bugdet = 3 #!

[[event]]
set = { x = nan } #!
`

func TestDecodeReportsEveryError(t *testing.T) {
	t.Parallel()
	doc, err := ParseFile("bad.toml", []byte(badScenario))
	if err == nil {
		err = doc.Decode(new(scenario))
	}
	want := `bad.toml:2: mnths: unknown key (did you mean "months"?)
bad.toml:3: seed: expected a non-negative integer, found string "abc"
bad.toml:4: runs: expected an integer, found 2.5
bad.toml:5: start: month "2024-13" is not YYYY-MM with MM from 01 to 12
bad.toml:9: nodes[2].elevation: unknown key
bad.toml:10: nodes[3].lon: expected a number, found string "east"
bad.toml:12: tags: expected an array, found string "coastal"
bad.toml:15: enforcement.budget: must be a finite number, found nan
bad.toml:16: enforcement.audit_rate: expected a number, found string "high"
bad.toml:19: officials.border_guard.integrity.betta: unknown key (did you mean "beta"?)
bad.toml:20: officials.border_guard.count: expected an integer between -9223372036854775808 and 9223372036854775807, found 1e+30
bad.toml:24: organization[0].active: expected a boolean (true or false), found string "yes"
bad.toml:28: organization[1].size: must be a finite number, found -inf
bad.toml:29: organization[1].bugdet: unknown key (did you mean "budget"?)
bad.toml:32: event[0].set.x: must be a finite number, found nan`
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
	// Every marked line, and only those, has an error.
	es, _ := err.(Errors)
	marked := linesWith(badScenario, "#!")
	var lines []int
	for _, e := range es {
		lines = append(lines, e.Line)
	}
	if !reflect.DeepEqual(lines, marked) {
		t.Errorf("error lines %v, want the marked lines %v", lines, marked)
	}
}
