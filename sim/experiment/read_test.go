package experiment

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// routes.csv reads back into the numbers that were written.
func TestReadRoutesRoundTrip(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 1, "enforcement.budget_scale=1,2")
	results := collectResults(t, &Runner{Plan: p, Workers: 1, Routes: true}, []int{1})
	var b bytes.Buffer
	rw := NewRoutesWriter(&b)
	if err := rw.WriteRun(1, 0, results[0].Routes); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadRoutes(&b)
	if err != nil {
		t.Fatal(err)
	}
	rt := results[0].Routes
	if len(rows) != rt.Rows() {
		t.Fatalf("%d rows, want %d", len(rows), rt.Rows())
	}
	k := 0
	for y := range rt.years {
		for i, s := range rt.lay.segs {
			r, st := rows[k], rt.seg[y*len(rt.lay.segs)+i]
			if r.Run != 1 || r.Replicate != 0 || r.Year != 2000+y || r.Kind != RouteSegment || r.From != s.from || r.To != s.to ||
				r.Product != products[s.product] || r.Shipments != st.Shipments || r.Units != st.Units ||
				r.Detections != st.Detections || r.Bribes != st.Bribes || r.Seized != st.Seized || r.StashKg != 0 {
				t.Fatalf("row %d = %+v, want segment %+v of %d: %+v", k, r, s, 2000+y, st)
			}
			k++
		}
		for i, n := range rt.lay.nodes {
			r, st := rows[k], rt.node[y*len(rt.lay.nodes)+i]
			if r.Kind != RouteNode || r.From != rt.lay.ids[n] || r.To != "" || r.StashKg != st.StashKg || r.Raids != st.Raids || r.Seized != st.Seized {
				t.Fatalf("row %d = %+v, want node %s: %+v", k, r, rt.lay.ids[n], st)
			}
			k++
		}
	}
}

func TestReadRoutesErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"", "empty file"},
		{"run,replicate,year\n", `header "run,replicate,year"`},
		{RoutesHeader + "\n0,0,2000,segment,a,b,drugs,1,2,3,4,5,,\n0,0,2000,road,a,b,drugs,1,2,3,4,5,,\n", "routes.csv:3: column kind"},
		{RoutesHeader + "\n0,0,2000,segment,a,b,drugs,1,two,3,4,5,,\n", `routes.csv:2: column units: "two"`},
		{RoutesHeader + "\nx,0,2000,segment,a,b,drugs,1,2,3,4,5,,\n", `column run: "x"`},
		{RoutesHeader + "\n0,0,2000,segment,a,b,drugs\n", "wrong number of fields"},
	} {
		if _, err := ReadRoutes(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadRoutes(%.50q): %v, want an error with %q", tt.in, err, tt.want)
		}
	}
}

// runs.csv reads back, and its points summarise their replicates.
func TestReadRunsPoints(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 3, "enforcement.budget_scale=0.5,2", "mechanisms.patronage=0,1")
	p.Arms = NewDesignArms(p.Arms.(*DesignArms).design, []bool{false, true})
	dir := t.TempDir()
	runStudy(t, p, dir, Shard{}, 2)
	f, err := os.Open(filepath.Join(dir, RunsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := ReadRuns(f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tab.Columns, []string{"enforcement.budget_scale", "mechanisms.patronage"}) || len(tab.Rows) != p.Runs() {
		t.Fatalf("columns %v, %d rows", tab.Columns, len(tab.Rows))
	}
	r := tab.Rows[10] // arm 3, replicate 1: budget 2, patronage on
	if r.Run != 10 || r.Point != 3 || r.Replicate != 1 || r.Seed != 11 || !slices.Equal(r.Cells, []string{"2", "1"}) ||
		!slices.Equal(r.Values, []float64{2, 1}) || !strings.Contains(r.Command, " -set mechanisms.patronage=true ") {
		t.Errorf("row 10 = %+v", r)
	}
	pts := tab.Points()
	if len(pts) != 4 {
		t.Fatalf("%d points, want 4", len(pts))
	}
	for _, pt := range pts {
		var xs []float64
		sum := 0.0
		for _, row := range tab.Rows {
			if row.Point == pt.Point {
				xs = append(xs, row.Outcomes[OutConvictions])
				sum += row.Outcomes[OutConvictions]
			}
		}
		slices.Sort(xs)
		// 1e-12: a mean of three counts, summed in one order or another.
		if pt.N != 3 || math.Abs(pt.Mean[OutConvictions]-sum/3) > 1e-12 || pt.Lo[OutConvictions] != Quantile(LoP, xs) || pt.Hi[OutConvictions] != Quantile(HiP, xs) {
			t.Errorf("point %d: %+v, want the mean and interval of %v", pt.Point, pt, xs)
		}
	}
	if _, err := ReadRuns(strings.NewReader("run,point\n")); err == nil {
		t.Error("ReadRuns accepted a truncated header")
	}
}

// The routes of `krysha run`'s replicates: a Runner over ReplicatesPlan
// gives replicate r as run r.
func TestReplicatesPlanRoutes(t *testing.T) {
	t.Parallel()
	src := smallSource(t)
	p := ReplicatesPlan(src, 7, 5)
	rs := collectResults(t, &Runner{Plan: p, Workers: 2, Months: true, Routes: true}, []int{3, 4})
	whole := collectResults(t, &Runner{Plan: gridPlanOf(t, src, 7, 5), Workers: 1, Routes: true}, []int{3})
	if rs[0].Replicate != 3 || rs[1].Replicate != 4 || len(rs[0].Months) != 60 ||
		!slices.Equal(rs[0].Routes.seg, whole[0].Routes.seg) || !slices.Equal(rs[0].Yearly, whole[0].Yearly) {
		t.Errorf("replicates 3 and 4: %d, %d, %d months", rs[0].Replicate, rs[1].Replicate, len(rs[0].Months))
	}
	var b bytes.Buffer
	rw := NewRoutesWriter(&b)
	for _, r := range rs {
		if err := rw.WriteRun(r.Replicate, r.Replicate, r.Routes); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := ReadRoutes(&b)
	if err != nil || len(rows) != 2*rs[0].Routes.Rows() || rows[0].Run != 3 || rows[len(rows)-1].Replicate != 4 {
		t.Errorf("routes.csv of replicates 3 and 4: %d rows, %v", len(rows), err)
	}
}

// gridPlanOf is a one-arm plan of src with an explicit ArmList.
func gridPlanOf(t *testing.T, src *scenario.Source, seed uint64, reps int) *Plan {
	return &Plan{Source: src, Arms: &ArmList{Names: []string{"arm"}, List: []Arm{{Cells: []string{"base"}}}}, Replicates: reps, Seed: seed}
}
