package experiment

import (
	"context"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// A Run is one replicate of a model: its monthly records, from the
// scenario's first month on.
type Run struct {
	// Rep is the replicate number and Seed the scenario seed: the run is
	// World.Run(Seed, Rep) and is reproduced by them alone.
	Rep  int
	Seed uint64
	// Start is the month of Months[0], the scenario's start.
	Start  scenario.Month
	Months []sim.Record
}

// Replicates runs replicates reps of m with seed on workers goroutines,
// each with its own World, and calls emit with each run in the order of
// reps. It stops at the first error emit returns, or when ctx is done
// (returning ctx.Err()). A panic in the engine is returned as a
// *PanicError naming the replicate.
//
// emit must not keep r.Months after it returns: the slice may be reused
// for a later run.
func Replicates(ctx context.Context, m *sim.Model, seed uint64, reps []int, workers int, emit func(r Run) error) error {
	months, start := m.Months(), m.Scenario().Start
	// Each run needs a buffer until it is emitted; at most Map's bound on
	// runs out at once are live, so recycling through a free list keeps
	// memory flat for any number of replicates.
	free := make(chan []sim.Record, window*max(workers, 1)+1)
	buffer := func() []sim.Record {
		select {
		case b := <-free:
			return b
		default:
			return make([]sim.Record, months)
		}
	}
	return Map(ctx, reps, workers,
		func() (*sim.World, error) { return m.NewWorld(), nil },
		func(w *sim.World, rep int) ([]sim.Record, error) {
			out := buffer()
			w.Run(seed, rep, out)
			return out, nil
		},
		func(rep int, out []sim.Record, err error) error {
			if err != nil {
				return err
			}
			if err := emit(Run{Rep: rep, Seed: seed, Start: start, Months: out}); err != nil {
				return err
			}
			select {
			case free <- out:
			default:
			}
			return nil
		})
}

// Yearly returns the run's records aggregated to calendar years (see
// sim.Yearly); the first is the year of Start.
func (r *Run) Yearly() []sim.Record {
	return sim.Yearly(r.Months, r.Start.Year(), r.Start.Num())
}
