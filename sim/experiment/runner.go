package experiment

import (
	"context"
	"fmt"
	"sync"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// A Runner runs the runs of a Plan on a pool of workers and hands their
// results back in the order asked for, as Map does. Each worker builds
// the model of an arm when it first meets it (models are shared through
// a small cache, since the arms of consecutive runs are mostly the same)
// and keeps one sim.World for the arm it is on.
type Runner struct {
	Plan *Plan
	// Workers is the number of runs done at once; below 1 means 1. The
	// results do not depend on it.
	Workers int
	// Months keeps each run's monthly records in Result.Months (for
	// monthly.csv); otherwise only the yearly ones are kept.
	Months bool
	// Routes collects each run's route statistics in Result.Routes.
	Routes bool
	// Rows formats each run's rows of yearly.csv and routes.csv in the
	// worker, in parallel, for Store.Write.
	Rows bool
}

// A Result is one run done.
type Result struct {
	// Run is the run index; Arm and Replicate locate it in the plan. The
	// run is World.Run(Seed, Replicate) on the arm's scenario.
	Run, Arm, Replicate int
	Seed                uint64
	// Start is the first simulated month.
	Start scenario.Month
	// Months are the monthly records (Runner.Months only), Yearly the
	// records by calendar year from Start's year (see sim.Yearly).
	Months []sim.Record
	Yearly []sim.Record
	// Routes are the route statistics (Runner.Routes only).
	Routes *Routes
	// Outcomes are the summary outcomes over the plan's Window.
	Outcomes Outcomes

	// The run's rows of yearly.csv and routes.csv, when Runner.Rows.
	yearlyRows, routesRows []byte
}

// Run does the runs (indices into the plan, in the order given) and
// calls emit with each, in that order, from the calling goroutine. err
// is the run's error: its arm's scenario could not be built, or the run
// panicked (a *PanicError). emit decides what it means, as for Map; res
// is nil when err is not. emit must not keep res after it returns: it
// is reused for a later run.
//
// When ctx is done no further run starts, and Run returns ctx.Err()
// once the runs in flight have ended; each run emitted before was
// emitted whole.
func (rn *Runner) Run(ctx context.Context, runs []int, emit func(run int, res *Result, err error) error) error {
	p := rn.Plan
	if err := p.check(); err != nil {
		return err
	}
	for _, i := range runs {
		if i < 0 || i >= p.Runs() {
			return fmt.Errorf("experiment: run %d is outside the plan's %d runs", i, p.Runs())
		}
	}
	workers := max(1, rn.Workers)
	cache := newModelCache(p, 2*workers+2)
	// A result lives from its run's start until its emit returns; Map
	// holds at most window × workers of them, so a free list of that
	// size keeps memory flat however many runs there are.
	free := make(chan *Result, window*workers+1)
	return Map(ctx, runs, workers,
		func() (*runWorker, error) { return &runWorker{rn: rn, cache: cache, arm: -1, free: free}, nil },
		(*runWorker).do,
		func(i int, res *Result, err error) error {
			if err != nil {
				return emit(i, nil, err)
			}
			if err := emit(i, res, nil); err != nil {
				return err
			}
			select {
			case free <- res:
			default:
			}
			return nil
		})
}

// A runWorker is the state one worker keeps from run to run.
type runWorker struct {
	rn     *Runner
	cache  *modelCache
	free   chan *Result
	arm    int
	world  *sim.World
	months []sim.Record // when results do not keep them
}

func (w *runWorker) do(i int) (res *Result, err error) {
	p := w.rn.Plan
	arm, rep := p.Locate(i)
	e := w.cache.get(arm)
	if e.err != nil {
		return nil, e.err
	}
	finished := false
	defer func() {
		if !finished {
			w.world = nil // a panic may have left it damaged
		}
	}()
	if w.arm != arm || w.world == nil {
		w.world, w.arm = e.model.NewWorld(), arm // a World belongs to its model
	}
	res = w.result()
	sc := e.model.Scenario()
	*res = Result{Run: i, Arm: arm, Replicate: rep, Seed: p.Seed, Start: sc.Start,
		Months: res.Months, Yearly: res.Yearly, Routes: res.Routes,
		yearlyRows: res.yearlyRows[:0], routesRows: res.routesRows[:0]}
	n := e.model.Months()
	var months []sim.Record
	if w.rn.Months {
		res.Months = resize(res.Months, n)
		months = res.Months
	} else {
		w.months = resize(w.months, n)
		months = w.months
	}
	if w.rn.Routes {
		if res.Routes == nil {
			res.Routes = &Routes{}
		}
		res.Routes.reset(e.lay, sc.Start, sc.End)
	}
	world := w.world
	world.Reset(p.Seed, rep)
	for t := range months {
		world.Step()
		months[t] = *world.Month()
		if w.rn.Routes {
			res.Routes.Add(t, world)
		}
	}
	res.Yearly = append(res.Yearly[:0], sim.Yearly(months, sc.Start.Year(), sc.Start.Num())...)
	res.Outcomes = Summarize(res.Yearly, sc.Start.Year(), p.Window, e.weights)
	if w.rn.Rows {
		res.yearlyRows = appendYearlyRows(res.yearlyRows, res)
		if w.rn.Routes {
			res.routesRows = res.Routes.AppendCSV(res.routesRows, res.Run, res.Replicate)
		}
	}
	finished = true
	return res, nil
}

// result returns a recycled result, or a new one.
func (w *runWorker) result() *Result {
	select {
	case r := <-w.free:
		return r
	default:
		return new(Result)
	}
}

// An armEntry is an arm compiled: its model and what its runs need.
type armEntry struct {
	once    sync.Once
	model   *sim.Model
	lay     *routeLayout
	weights []float64
	err     error
}

// A modelCache holds the models of the arms most recently met, shared
// by the workers: a model is read-only once built. Arms are evicted
// first in, first out; a worker still using an evicted model keeps it.
type modelCache struct {
	plan *Plan
	base *scenario.Scenario
	lay  *routeLayout

	mu      sync.Mutex
	entries map[int]*armEntry
	order   []int
	size    int
}

func newModelCache(p *Plan, size int) *modelCache {
	sc := p.Source.Scenario
	return &modelCache{plan: p, base: sc, lay: newRouteLayout(sc), entries: map[int]*armEntry{}, size: size}
}

// get returns arm a's entry, compiling it if no worker has.
func (c *modelCache) get(a int) *armEntry {
	c.mu.Lock()
	e, ok := c.entries[a]
	if !ok {
		e = &armEntry{}
		c.entries[a] = e
		c.order = append(c.order, a)
		if len(c.order) > c.size {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.mu.Unlock()
	e.once.Do(func() { c.compile(a, e) })
	return e
}

// compile builds arm a into e. A panic while building is the arm's
// error, so that a sweep records it and goes on.
func (c *modelCache) compile(a int, e *armEntry) {
	defer func() {
		if v := recover(); v != nil {
			e.model, e.err = nil, fmt.Errorf("building the scenario of arm %d panicked: %v", a, v)
		}
	}()
	sc, err := c.plan.Scenario(a)
	if err != nil {
		e.err = fmt.Errorf("building the scenario of arm %d: %w", a, err)
		return
	}
	if sc.Start != c.base.Start || sc.End != c.base.End {
		e.err = fmt.Errorf("arm %d runs %s to %s, the base scenario %s to %s: the arms of a study share its period",
			a, sc.Start, sc.End, c.base.Start, c.base.End)
		return
	}
	lay := newRouteLayout(sc)
	if !lay.same(c.lay) {
		e.err = fmt.Errorf("arm %d changes the segments' products or the stash nodes: the arms of a study share the network's layout", a)
		return
	}
	m, err := sim.NewModel(sc)
	if err != nil {
		e.err = fmt.Errorf("building the model of arm %d: %w", a, err)
		return
	}
	e.model, e.lay, e.weights = m, lay, OfficialWeights(sc)
}
