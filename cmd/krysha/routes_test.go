package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// routesYearly reads a run's yearly.csv into its numbers by replicate,
// year and column name.
func routesYearly(t *testing.T, path string) map[[2]int]map[string]float64 {
	t.Helper()
	recs := readCSV(t, path)
	out := map[[2]int]map[string]float64{}
	for _, r := range recs[1:] {
		rep, err1 := strconv.Atoi(r[0])
		year, err2 := strconv.Atoi(r[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: row %q", path, r[:3])
		}
		row := map[string]float64{}
		for j, name := range recs[0][3:] {
			v, err := strconv.ParseFloat(r[3+j], 64)
			if err != nil {
				t.Fatalf("%s: %s = %q", path, name, r[3+j])
			}
			row[name] = v
		}
		out[[2]int{rep, year}] = row
	}
	return out
}

// routes.csv of `krysha run` adds up to its yearly.csv, replicate by
// replicate and year by year, by the laws sim/experiment's
// TestRoutesAddUp proves for sweeps: what the segments and the stash
// seized is what was seized at home and abroad, the people intercepted
// on the segments are those intercepted at home and abroad, and the
// stash's stock and raids are the yearly ones; and, since a shipment
// enters its first segment in the month it is launched, what leaves an
// origin that no route passes through is what was launched. Every replicate has
// the same rows, numbered run = replicate.
func TestRunRoutesAddUp(t *testing.T) {
	t.Parallel()
	dir, _ := runSmall(t, "-first", "2", "-replicates", "3")
	f, err := os.Open(filepath.Join(dir, experiment.RoutesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := experiment.ReadRoutes(f)
	if err != nil {
		t.Fatal(err)
	}
	yearly := routesYearly(t, filepath.Join(dir, experiment.YearlyFile))
	// What enters the segments out of small.toml's one origin "o",
	// which no route passes through, entered every shipment's first.
	type sums struct {
		drugs, people, raided, stash, raids float64
		// Out of the origin: drug and people shipments, kg, persons.
		outDrugs, outPeople, outKg, outPersons float64
	}
	got := map[[2]int]*sums{}
	perRun := map[int]int{}
	for _, r := range rows {
		if r.Run != r.Replicate {
			t.Fatalf("row %+v: run %d is not the replicate", r, r.Run)
		}
		if r.Seized > r.Units && r.Kind == experiment.RouteSegment || r.Bribes > r.Detections {
			t.Errorf("row %+v: more seized than carried, or more bribes than detections", r)
		}
		perRun[r.Run]++
		k := [2]int{r.Replicate, r.Year}
		s := got[k]
		if s == nil {
			s = new(sums)
			got[k] = s
		}
		if r.From == "o" && r.Product == scenario.Drugs {
			s.outDrugs, s.outKg = s.outDrugs+r.Shipments, s.outKg+r.Units
		} else if r.From == "o" {
			s.outPeople, s.outPersons = s.outPeople+r.Shipments, s.outPersons+r.Units
		}
		switch {
		case r.Kind == experiment.RouteNode:
			s.raided, s.stash, s.raids = s.raided+r.Seized, s.stash+r.StashKg, s.raids+r.Raids
		case r.Product == scenario.Drugs:
			s.drugs += r.Seized
		default:
			s.people += r.Seized
		}
	}
	// small.toml: 5 segments carrying both products and a stash, for
	// 5 years.
	for _, rep := range []int{2, 3, 4} {
		if perRun[rep] != smallYears*(5*2+1) {
			t.Errorf("replicate %d has %d rows, want %d", rep, perRun[rep], smallYears*11)
		}
	}
	if len(got) != len(yearly) || len(got) != 3*smallYears {
		t.Fatalf("routes.csv has %d replicate-years, yearly.csv %d, want %d", len(got), len(yearly), 3*smallYears)
	}
	for k, s := range got {
		y := yearly[k]
		if y == nil {
			t.Fatalf("replicate %d, year %d is in routes.csv, not in yearly.csv", k[0], k[1])
		}
		// 1e-9 relative: the same kilograms summed in another order.
		near := func(what string, got, want float64) {
			if d := got - want; d*d > 1e-18*(want*want+1) {
				t.Errorf("replicate %d, year %d: %s %v, yearly.csv %v", k[0], k[1], what, got, want)
			}
		}
		near("drugs seized on segments and in raids", s.drugs+s.raided, y["drug_seizures_kg"]+y["seizures_abroad_kg"])
		near("persons intercepted on segments", s.people, y["people_intercepted"]+y["people_intercepted_abroad"])
		near("kg seized in raids", s.raided, y["stash_seized_kg"])
		near("stash stock", s.stash, y["stash_kg"])
		near("raids", s.raids, y["raids"])
		near("drug shipments out of the origin", s.outDrugs, y["shipments_drugs"])
		near("kg out of the origin", s.outKg, y["drugs_shipped_kg"])
		near("people shipments out of the origin", s.outPeople, y["shipments_people"])
		near("persons out of the origin", s.outPersons, y["victims_trafficked"])
	}
	var seized, intercepted, raids float64
	for _, y := range yearly {
		seized, intercepted, raids = seized+y["drug_seizures_kg"], intercepted+y["people_intercepted"], raids+y["raids"]
	}
	if seized == 0 || intercepted == 0 || raids == 0 {
		t.Errorf("nothing seized (%v kg), intercepted (%v persons) or raided (%v): the sums above prove little", seized, intercepted, raids)
	}
}

// Replicate r's rows are the same in any run that holds it: -first r
// -replicates 1 reproduces them, as it does yearly.csv's.
func TestRunRoutesFirst(t *testing.T) {
	t.Parallel()
	all, _ := runSmall(t, "-replicates", "3")
	one, _ := runSmall(t, "-first", "1", "-replicates", "1")
	var want []string
	for _, l := range strings.Split(string(readFile(t, filepath.Join(all, experiment.RoutesFile))), "\n") {
		if strings.HasPrefix(l, "1,1,") {
			want = append(want, l)
		}
	}
	got := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(one, experiment.RoutesFile)))), "\n")
	if got[0] != experiment.RoutesHeader || len(want) == 0 || strings.Join(got[1:], "\n") != strings.Join(want, "\n") {
		t.Errorf("replicate 1 alone has %d rows of routes.csv, and %d within three replicates, not the same", len(got)-1, len(want))
	}
}

// writeRoutesFile writes a routes.csv of header and lines into a new
// directory and returns its path.
func writeRoutesFile(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), experiment.RoutesFile)
	text := strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadRouteTotals(t *testing.T) {
	t.Parallel()
	h := experiment.RoutesHeader
	path := writeRoutesFile(t, h,
		"0,0,2000,segment,a,b,drugs,2,10,1,1,0,,",
		"0,0,2001,segment,a,b,drugs,3,20,2,0,5,,",
		"0,0,2001,node,s,,drugs,,,,,4,100,1",
		"1,1,2000,segment,a,b,drugs,1,30,0,0,0,,",
		"1,1,2001,segment,a,b,drugs,1,40,1,0,40,,",
		"1,1,2001,node,s,,drugs,,,,,0,50,0",
	)
	spans := []experiment.Window{{First: 2000, Last: 2000}, {First: 2000, Last: 2001}}
	tt, err := readRouteTotals(path, spans, nil)
	if err != nil {
		t.Fatal(err)
	}
	ab := routeKey{scenario.Drugs, "a", "b"}
	if tt.Runs != 2 || tt.First != 2000 || tt.Last != 2001 ||
		*tt.Seg[0][ab] != (routeSum{shipments: 3, units: 40, detections: 1, bribes: 1}) ||
		*tt.Seg[1][ab] != (routeSum{shipments: 7, units: 100, detections: 4, bribes: 1, seized: 45}) ||
		*tt.Stash[1]["s"] != (stashSum{stashKg: 150, raids: 1, seized: 4}) || len(tt.Stash[0]) != 0 {
		t.Errorf("totals %+v: segments %+v %+v", tt, tt.Seg[0][ab], tt.Seg[1][ab])
	}
	one, err := readRouteTotals(path, spans[1:], func(run int) bool { return run == 1 })
	if err != nil {
		t.Fatal(err)
	}
	if one.Runs != 1 || one.Seg[0][ab].units != 70 {
		t.Errorf("run 1 alone: %d runs, %v kg", one.Runs, one.Seg[0][ab].units)
	}

	bad := []struct {
		name  string
		lines []string
		spans []experiment.Window
		want  string
	}{
		{"empty", nil, spans, "empty file"},
		{"header", []string{"run,year"}, spans, `:1: header "run,year"`},
		{"kind", []string{h, "0,0,2000,road,a,b,drugs,1,2,3,4,5,,"}, spans, ":2: column kind: \"road\""},
		{"year", []string{h, "0,0,y2k,segment,a,b,drugs,1,2,3,4,5,,"}, spans, `:2: column year: "y2k" is not a whole number`},
		{"number", []string{h, "0,0,2000,segment,a,b,drugs,1,2,3,4,5,,", "0,0,2000,segment,a,c,drugs,1,two,3,4,5,,"}, spans, `:3: column units: "two" is not a number`},
		{"negative", []string{h, "0,0,2000,segment,a,b,drugs,1,-2,3,4,5,,"}, spans, `column units: "-2"`},
		{"infinite", []string{h, "0,0,2000,node,s,,drugs,,,,,0,+Inf,0"}, spans, `column stash_kg: "+Inf"`},
		{"torn", []string{h, "0,0,2000,segment,a,b,drugs,1,2"}, spans, "wrong number of fields"},
		{"years", []string{h, "0,0,2000,segment,a,b,drugs,1,2,3,4,5,,"}, spans, "holds the years 2000:2000, not 2000:2001"},
		{"no runs", []string{h}, spans, "no rows of the runs asked for"},
	}
	for _, b := range bad {
		var p string
		if b.lines == nil {
			p = filepath.Join(t.TempDir(), experiment.RoutesFile)
			if err := os.WriteFile(p, nil, 0o666); err != nil {
				t.Fatal(err)
			}
		} else {
			p = writeRoutesFile(t, b.lines...)
		}
		if _, err := readRouteTotals(p, b.spans, nil); err == nil || !strings.Contains(err.Error(), b.want) ||
			!strings.HasPrefix(err.Error(), p) {
			t.Errorf("%s: error %v, want one naming %s and saying %q", b.name, err, p, b.want)
		}
	}
}

// The routes.csv of run and of sweep are one format: the sweep's reads
// back as the run's does, and a sweep run's rows are those of the
// replicate run alone, but for the run column.
func TestRunRoutesSameAsSweep(t *testing.T) {
	t.Parallel()
	sweep := filepath.Join(t.TempDir(), "sweep")
	sweepSmall(t, sweep, "-vary", "enforcement.budget_scale=1,2", "-replicates", "2")
	one, _ := runSmall(t, "-first", "1", "-replicates", "1", "-set", "enforcement.budget_scale=2")
	var want bytes.Buffer
	for _, l := range strings.SplitAfter(string(readFile(t, filepath.Join(sweep, experiment.RoutesFile))), "\n") {
		if strings.HasPrefix(l, "3,1,") { // run 3: point 1, replicate 1
			want.WriteString("1" + strings.TrimPrefix(l, "3"))
		}
	}
	got := readFile(t, filepath.Join(one, experiment.RoutesFile))
	if !bytes.Equal(got, append([]byte(experiment.RoutesHeader+"\n"), want.Bytes()...)) || want.Len() == 0 {
		t.Errorf("routes.csv of run 3 of the sweep (%d bytes) differs from its command's (%d bytes)", want.Len(), len(got))
	}
}
