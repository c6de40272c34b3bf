package experiment

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// smallSource is testdata/small.toml: five years, three organizations,
// runs of a few milliseconds.
func smallSource(t testing.TB, sets ...string) *scenario.Source {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", "small.toml"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := scenario.Parse("small.toml", text, sets)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// gridPlan is a grid over vary of the small scenario, reps replicates.
func gridPlan(t testing.TB, reps int, vary ...string) *Plan {
	t.Helper()
	fs, err := design.ParseFactors("-vary", vary)
	if err != nil {
		t.Fatal(err)
	}
	g, err := design.NewGrid(fs)
	if err != nil {
		t.Fatal(err)
	}
	src := smallSource(t)
	return &Plan{Source: src, ScenarioArg: "small.toml", Arms: NewDesignArms(g, nil), Replicates: reps, Seed: 11,
		Window: DefaultWindow(src.Scenario.Start, src.Scenario.End)}
}

// runStudy runs the shard's runs of p into a new store in dir, as
// `krysha sweep` does, and finishes it.
func runStudy(t testing.TB, p *Plan, dir string, sh Shard, workers int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	s, err := CreateStore(dir, p, true)
	if err != nil {
		t.Fatal(err)
	}
	continueStudy(t, s, p, sh, workers)
}

// continueStudy runs the shard's pending runs into s and finishes it.
func continueStudy(t testing.TB, s *Store, p *Plan, sh Shard, workers int) {
	t.Helper()
	rn := &Runner{Plan: p, Workers: workers, Routes: true, Rows: true}
	err := rn.Run(context.Background(), s.Pending(sh.Runs(p.Runs())), func(run int, r *Result, err error) error {
		if err != nil {
			return s.Fail(run, err)
		}
		return s.Write(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(); err != nil {
		t.Fatal(err)
	}
}

// collectResults returns copies of the results of runs.
func collectResults(t *testing.T, rn *Runner, runs []int) []Result {
	t.Helper()
	var out []Result
	err := rn.Run(context.Background(), runs, func(run int, r *Result, err error) error {
		if err != nil {
			return err
		}
		c := *r
		c.Yearly = slices.Clone(r.Yearly)
		c.Months = slices.Clone(r.Months)
		if r.Routes != nil {
			rc := *r.Routes
			rc.seg, rc.node = slices.Clone(r.Routes.seg), slices.Clone(r.Routes.node)
			c.Routes = &rc
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A run of the runner is World.Run on its arm's scenario, whatever the
// workers, the order of runs and the runs before it on the same worker.
func TestRunnerMatchesWorld(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 2, "enforcement.budget_scale=0.5,2", "bribe.same_clan=0:2:3")
	runs := Indices(p.Runs())
	one := collectResults(t, &Runner{Plan: p, Workers: 1, Months: true, Routes: true}, runs)
	rev := slices.Clone(runs)
	slices.Reverse(rev)
	three := collectResults(t, &Runner{Plan: p, Workers: 3, Months: true, Routes: true}, rev)
	slices.Reverse(three)
	for i, r := range one {
		arm, rep := p.Locate(i)
		if r.Run != i || r.Arm != arm || r.Replicate != rep || r.Seed != p.Seed {
			t.Fatalf("result %d is run %d arm %d replicate %d seed %d", i, r.Run, r.Arm, r.Replicate, r.Seed)
		}
		sc, err := p.Scenario(arm)
		if err != nil {
			t.Fatal(err)
		}
		m, err := sim.NewModel(sc)
		if err != nil {
			t.Fatal(err)
		}
		months := make([]sim.Record, m.Months())
		m.NewWorld().Run(p.Seed, rep, months)
		if !slices.Equal(r.Months, months) {
			t.Fatalf("run %d differs from World.Run on arm %d's scenario", i, arm)
		}
		yearly := sim.Yearly(months, sc.Start.Year(), sc.Start.Num())
		if !slices.Equal(r.Yearly, yearly) {
			t.Fatalf("run %d: yearly records differ from sim.Yearly", i)
		}
		if want := Summarize(yearly, sc.Start.Year(), p.Window, OfficialWeights(sc)); r.Outcomes != want {
			t.Fatalf("run %d: outcomes %v, want %v", i, r.Outcomes, want)
		}
		o := three[i]
		if o.Run != i || !slices.Equal(o.Months, r.Months) || !slices.Equal(o.Routes.seg, r.Routes.seg) ||
			!slices.Equal(o.Routes.node, r.Routes.node) || o.Outcomes != r.Outcomes {
			t.Fatalf("run %d differs between 1 worker in order and 3 workers in reverse", i)
		}
	}
	// Replicate r of every arm uses the stream (seed, r): arms that set
	// the same values give the same runs.
	if slices.Equal(one[0].Months, one[2].Months) {
		t.Error("arms 0 and 1 (different same_clan) gave the same run")
	}
}

// The route statistics add up to the yearly totals: seizures on the
// segments and in stash raids are the drug seizures at home and abroad,
// the stash's stock at the year's end is the stock metric, and so on.
func TestRoutesAddUp(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 3, "enforcement.budget_scale=1,3")
	for _, r := range collectResults(t, &Runner{Plan: p, Workers: 2, Routes: true}, Indices(p.Runs())) {
		rt := r.Routes
		if rt.years != len(r.Yearly) || rt.Rows() != rt.years*(len(rt.lay.segs)+len(rt.lay.nodes)) {
			t.Fatalf("run %d: %d years of routes, %d of records", r.Run, rt.years, len(r.Yearly))
		}
		for y, rec := range r.Yearly {
			var drugs, people float64
			for i, s := range rt.lay.segs {
				st := rt.seg[y*len(rt.lay.segs)+i]
				if s.product == 0 {
					drugs += st.Seized
				} else {
					people += st.Seized
				}
			}
			var stash, raids, raided float64
			for i := range rt.lay.nodes {
				n := rt.node[y*len(rt.lay.nodes)+i]
				stash, raids, raided = stash+n.StashKg, raids+n.Raids, raided+n.Seized
			}
			// 1e-9 relative: the same kilograms summed in another order.
			near := func(what string, got, want float64) {
				if d := got - want; d*d > 1e-18*(want*want+1) {
					t.Errorf("run %d year %d: %s %v, want %v", r.Run, r.Start.Year()+y, what, got, want)
				}
			}
			near("drugs seized on segments and in raids", drugs+raided, rec[sim.DrugSeizuresKg]+rec[sim.SeizuresAbroadKg])
			near("persons intercepted on segments", people, rec[sim.PeopleIntercepted]+rec[sim.PeopleInterceptedAbroad])
			near("stash stock", stash, rec[sim.StashKg])
			near("raids", raids, rec[sim.Raids])
			near("kg seized in raids", raided, rec[sim.StashSeizedKg])
		}
	}
}

// An arm that cannot be built fails its runs with the scenario's
// problems; the other arms run.
func TestRunnerArmError(t *testing.T) {
	t.Parallel()
	// The default shares sum to 1: investigation 0.5 and training 0.15
	// of it; raising investigation to 0.9 breaks the sum.
	p := gridPlan(t, 2, "enforcement.share_investigation=0.5,0.9")
	var failed, done []int
	err := (&Runner{Plan: p, Workers: 2}).Run(context.Background(), Indices(p.Runs()), func(run int, r *Result, err error) error {
		if err != nil {
			failed = append(failed, run)
			return nil
		}
		done = append(done, run)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []int{0, 1}) || !slices.Equal(failed, []int{2, 3}) {
		t.Errorf("done %v, failed %v; want runs 0 and 1 done, 2 and 3 failed", done, failed)
	}
}
