package tomlx

import (
	"reflect"
	"testing"
)

// decodedScenario is goodScenario decoded over the defaults.
func decodedScenario(t *testing.T) *scenario {
	t.Helper()
	doc, err := Parse([]byte(goodScenario))
	if err != nil {
		t.Fatal(err)
	}
	s := defaultScenario()
	if err := doc.Decode(&s); err != nil {
		t.Fatal(err)
	}
	return &s
}

func TestSetString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path, text string
		want       any    // the value at path afterwards, when wantErr is ""
		wantErr    string // the whole error text
	}{
		{"enforcement.budget", "0.75", 0.75, ""},
		{"enforcement.budget", "1e6", 1e6, ""},
		{"enforcement.budget", "2", 2.0, ""},
		{"officials.border_guard.integrity.alpha", "3", 3.0, ""},
		{"mechanisms.rotation", "true", true, ""},
		{"months", "48", 48, ""},
		{"months", "4.0", 4, ""},
		{"runs", "7", int32(7), ""},
		{"seed", " 9 ", uint64(9), ""},
		{"nodes[1].lon", "70.5", 70.5, ""},
		{"organization[0].label", "Nord", "Nord", ""},
		{"weights.coast", "3", 3.0, ""},
		{"weights.inland", "0.5", 0.5, ""},
		{`event[0].set."enforcement.budget"`, "2", 2.0, ""},
		{`event[0].set.'new.key'`, "off", "off", ""},
		{"name", "baseline run", "baseline run", ""},
		{"name", `"quoted # not a comment"`, "quoted # not a comment", ""},
		{"tags", `["a", "b"]`, []string{"a", "b"}, ""},
		{"start", "2030-05", month{2030, 5}, ""},
		{"months", "2.5", nil, "months: expected an integer, found 2.5"},
		{"enforcement.budget", "abc", nil, `enforcement.budget: expected a number, found string "abc"`},
		{"enforcement.budget", "nan", nil, "enforcement.budget: must be a finite number, found nan"},
		{"enforcement.budget", "[1,", nil, `enforcement.budget: invalid value "[1,": unexpected EOF; expected value`},
		{"enforcement.budget", "1\nmonths = 2", nil, `enforcement.budget: expected a number, found string "1\nmonths = 2"`},
		{"start", "2030-13", nil, `start: month "2030-13" is not YYYY-MM with MM from 01 to 12`},
		{"enforcement.bugdet", "1", nil, `enforcement.bugdet: unknown key (did you mean "budget"?)`},
		{"officials.police.count", "1", nil, "officials.police: unknown key"},
		{"nodes[9].lon", "1", nil, "nodes[9]: index out of range (the array has 3 elements)"},
		{"nodes.lon", "1", nil, "nodes.lon: cannot look up a key: nodes is an array, use nodes[i]"},
		{"name.x", "1", nil, "name.x: cannot look up a key: name is not a table"},
		{"months[0]", "1", nil, "months[0]: cannot index: months is not an array"},
		{"nodes[1", "1", nil, "nodes[1: invalid path: missing ']'"},
	}
	for _, tt := range tests {
		s := decodedScenario(t)
		err := SetString(s, tt.path, tt.text)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("SetString(%s, %q) error %v, want %s", tt.path, tt.text, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("SetString(%s, %q): %v", tt.path, tt.text, err)
			continue
		}
		v, err := Resolve(s, tt.path)
		if err != nil {
			t.Errorf("Resolve(%s): %v", tt.path, err)
			continue
		}
		if !reflect.DeepEqual(v.Interface(), tt.want) {
			t.Errorf("after SetString(%s, %q): %#v, want %#v", tt.path, tt.text, v.Interface(), tt.want)
		}
	}
}

// TestSetLeavesRestAlone checks that Set changes only its target: the
// other fields, slice elements and map entries stay as decoded.
func TestSetLeavesRestAlone(t *testing.T) {
	t.Parallel()
	s := decodedScenario(t)
	want := *decodedScenario(t)
	if err := Set(s, "organization[1].size", 31); err != nil { // a Go int
		t.Fatal(err)
	}
	if err := Set(s, "event[1].set.note", "raised"); err != nil {
		t.Fatal(err)
	}
	want.Organization[1].Size = 31
	want.Event[1].Set["note"] = "raised"
	if !reflect.DeepEqual(*s, want) {
		t.Errorf("got %+v\nwant %+v", *s, want)
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	s := decodedScenario(t)
	v, err := Resolve(s, "officials.customs.salary")
	if err != nil {
		t.Fatal(err)
	}
	v.SetFloat(250) // addressable: writes through to s
	if s.Officials.Customs.Salary != 250 {
		t.Errorf("setting through Resolve did not change the struct")
	}
	v, err = Resolve(s, "weights.coast")
	if err != nil || v.CanSet() || v.Float() != 2.5 {
		t.Errorf("Resolve(weights.coast) = %v (CanSet %v), %v; want a read-only 2.5", v, v.CanSet(), err)
	}
	errTests := []struct{ path, want string }{
		{"weights.caost", `weights.caost: no such key (did you mean "coast"?)`},
		{`event[0].set.enforcement`, "event[0].set.enforcement: no such key"},
		{"organization[2]", "organization[2]: index out of range (the array has 2 elements)"},
	}
	for _, tt := range errTests {
		if _, err := Resolve(s, tt.path); err == nil || err.Error() != tt.want {
			t.Errorf("Resolve(%s) error %v, want %s", tt.path, err, tt.want)
		}
	}
	var k kinds
	if _, err := Resolve(&k, "p.alpha"); err == nil || err.Error() != "p: is not set (nil)" {
		t.Errorf("Resolve through a nil pointer: %v", err)
	}
	if k.P != nil {
		t.Errorf("Resolve allocated a pointer")
	}
	if err := SetString(&k, "p.alpha", "2"); err != nil || k.P == nil || k.P.Alpha != 2 {
		t.Errorf("SetString through a nil pointer: %v, %+v", err, k.P)
	}
}

func TestLeaves(t *testing.T) {
	t.Parallel()
	s := defaultScenario()
	s.Nodes = []node{{ID: "a"}}
	s.Organization = nil
	want := []string{
		"name", "seed", "months", "runs", "start", "tags", "weights",
		"nodes[0].id", "nodes[0].lon", "nodes[0].lat",
		"enforcement.budget", "enforcement.audit_rate",
		"mechanisms.patronage", "mechanisms.rotation",
		"officials.border_guard.count", "officials.border_guard.salary",
		"officials.border_guard.integrity.alpha", "officials.border_guard.integrity.beta",
		"officials.customs.count", "officials.customs.salary",
		"officials.customs.integrity.alpha", "officials.customs.integrity.beta",
		"organization", "event",
	}
	if got := Leaves(&s); !reflect.DeepEqual(got, want) {
		t.Errorf("Leaves:\n got %q\nwant %q", got, want)
	}
	// Every leaf resolves, and an embedded field is listed in place.
	s.Organization = []organization{{}}
	got := Leaves(&s)
	for _, p := range got {
		if _, err := Resolve(&s, p); err != nil {
			t.Errorf("leaf %s does not resolve: %v", p, err)
		}
	}
	if want := []string{"organization[0].label", "organization[0].id"}; !reflect.DeepEqual(got[22:24], want) {
		t.Errorf("organization leaves start %q, want %q", got[22:24], want)
	}
}
