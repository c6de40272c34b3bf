package experiment

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// jitter sleeps a pseudo-random time of up to 2ms chosen by i, so that
// runs finish out of order and the reorder buffer is exercised.
func jitter(i int) {
	r := rand.New(rand.NewPCG(uint64(i), 1))
	time.Sleep(time.Duration(r.IntN(2000)) * time.Microsecond)
}

// noGoroutineLeak fails t if the number of goroutines does not come back
// to before within a second (goroutines that ended may take a moment to
// be counted out).
func noGoroutineLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines: %d before, %d after:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestMapEqualsSequential(t *testing.T) {
	// A shard's indices: not contiguous and not sorted, so that "in
	// order" must mean the order given.
	indices := []int{5, 3, 40, 41, 42, 0, 17, 99, 98, 12, 13, 14, 15, 16, 1, 2, 77, 60, 61, 62, 8, 9, 10, 11, 30}
	f := func(i int) string { return fmt.Sprintf("run %d -> %d", i, i*i+7) }
	var want []string
	for _, i := range indices {
		want = append(want, f(i))
	}
	for _, workers := range []int{1, 2, 7} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			t.Parallel()
			var made atomic.Int32
			var got []string
			var order []int
			err := Map(context.Background(), indices, workers,
				func() (*int, error) { made.Add(1); return new(int), nil },
				func(w *int, i int) (string, error) {
					*w++ // worker state is private: no race
					jitter(i)
					return f(i), nil
				},
				func(i int, r string, err error) error {
					if err != nil {
						return err
					}
					order = append(order, i)
					got = append(got, r)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(order) != fmt.Sprint(indices) {
				t.Errorf("emitted %v, want %v", order, indices)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("results differ from a sequential map:\n got %q\nwant %q", got, want)
			}
			if int(made.Load()) != workers {
				t.Errorf("made %d workers, want %d", made.Load(), workers)
			}
		})
	}
}

func TestMapFewerRunsThanWorkers(t *testing.T) {
	t.Parallel()
	var made atomic.Int32
	n := 0
	err := Map(context.Background(), Indices(3), 16,
		func() (struct{}, error) { made.Add(1); return struct{}{}, nil },
		func(struct{}, int) (int, error) { return 1, nil },
		func(int, int, error) error { n++; return nil })
	if err != nil || n != 3 || made.Load() != 3 {
		t.Errorf("err %v, %d emitted, %d workers; want nil, 3, 3", err, n, made.Load())
	}
	if err := Map(context.Background(), nil, 4,
		func() (int, error) { t.Error("worker made for no runs"); return 0, nil },
		func(int, int) (int, error) { return 0, nil },
		func(int, int, error) error { t.Error("emit with no runs"); return nil }); err != nil {
		t.Errorf("no runs: %v", err)
	}
}

// While the first run is stuck, the others may only run window × workers
// ahead of it: the reorder buffer is bounded.
func TestMapBoundsRunsAhead(t *testing.T) {
	t.Parallel()
	const workers = 3
	release := make(chan struct{})
	var started atomic.Int32
	done := make(chan error)
	go func() {
		done <- Map(context.Background(), Indices(100), workers,
			func() (int, error) { return 0, nil },
			func(_ int, i int) (int, error) {
				if i == 0 {
					<-release
				} else {
					started.Add(1)
				}
				return i, nil
			},
			func(int, int, error) error { return nil })
	}()
	limit := int32(window*workers - 1) // every token but run 0's
	deadline := time.Now().Add(2 * time.Second)
	for started.Load() < limit && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // give a runaway dispatcher time to show
	if got := started.Load(); got != limit {
		t.Errorf("with run 0 stuck, %d runs started; want %d (window %d × %d workers, less run 0)", got, limit, window, workers)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestMapPanicNamesIndex(t *testing.T) {
	// Not parallel: it counts goroutines.
	before := runtime.NumGoroutine()
	do := func(_ int, i int) (int, error) {
		if i == 13 {
			var m map[string]int
			m["boom"]++ // a real runtime panic, not a string
		}
		return i, nil
	}
	newWorker := func() (int, error) { return 0, nil }

	// Fail fast: emit returns the error.
	err := Map(context.Background(), Indices(40), 4, newWorker, do,
		func(_ int, _ int, err error) error { return err })
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Index != 13 {
		t.Fatalf("Map = %v, want a *PanicError for run 13", err)
	}
	if !strings.Contains(err.Error(), "run 13 panicked") || !strings.Contains(string(pe.Stack), "map_test.go") {
		t.Errorf("error %q or its stack does not locate the panic:\n%s", err, pe.Stack)
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Errorf("the runtime error is not unwrapped from %v", err)
	}

	// Keep going: emit records the failure and carries on.
	var failed []int
	n := 0
	err = Map(context.Background(), Indices(40), 4, newWorker, do,
		func(i int, _ int, err error) error {
			if err != nil {
				failed = append(failed, i)
			} else {
				n++
			}
			return nil
		})
	if err != nil || fmt.Sprint(failed) != "[13]" || n != 39 {
		t.Errorf("keep going: err %v, failed %v, %d ok; want nil, [13], 39", err, failed, n)
	}
	noGoroutineLeak(t, before)
}

// The error returned is that of the first failing run in order, whatever
// the workers and timing.
func TestMapFirstErrorInOrder(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 2, 7} {
		err := Map(context.Background(), Indices(30), workers,
			func() (int, error) { return 0, nil },
			func(_ int, i int) (int, error) {
				jitter(30 - i) // later runs finish first
				if i == 9 || i == 21 {
					return 0, fmt.Errorf("run %d failed", i)
				}
				return i, nil
			},
			func(_ int, _ int, err error) error { return err })
		if err == nil || err.Error() != "run 9 failed" {
			t.Errorf("workers %d: Map = %v, want run 9 failed", workers, err)
		}
	}
}

func TestMapCancel(t *testing.T) {
	// Not parallel: it counts goroutines.
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran atomic.Int32
	emitted := 0
	err := Map(ctx, Indices(10000), 4,
		func() (int, error) { return 0, nil },
		func(_ int, i int) (int, error) {
			ran.Add(1)
			time.Sleep(100 * time.Microsecond)
			return i, nil
		},
		func(i int, _ int, _ error) error {
			emitted++
			if i == 10 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Map = %v, want context.Canceled", err)
	}
	if emitted != 11 {
		t.Errorf("emitted %d runs, want 11 (0..10, then stop)", emitted)
	}
	if n := ran.Load(); n > 11+window*4 {
		t.Errorf("%d runs started after cancelling at run 10; want at most %d", n, 11+window*4)
	}
	noGoroutineLeak(t, before)
}

func TestMapStopsOnEmitAndWorkerErrors(t *testing.T) {
	// Not parallel: it counts goroutines.
	before := runtime.NumGoroutine()
	stop := errors.New("disk full")
	err := Map(context.Background(), Indices(1000), 3,
		func() (int, error) { return 0, nil },
		func(_ int, i int) (int, error) { return i, nil },
		func(i int, _ int, _ error) error {
			if i == 3 {
				return stop
			}
			return nil
		})
	if err != stop {
		t.Errorf("Map = %v, want emit's error as is", err)
	}
	bad := errors.New("no memory")
	made := 0
	err = Map(context.Background(), Indices(10), 3,
		func() (int, error) {
			if made++; made == 2 {
				return 0, bad
			}
			return 0, nil
		},
		func(_ int, i int) (int, error) { t.Error("ran without all workers"); return i, nil },
		func(int, int, error) error { return nil })
	if !errors.Is(err, bad) {
		t.Errorf("Map = %v, want the worker's error", err)
	}
	noGoroutineLeak(t, before)
}

func TestIndices(t *testing.T) {
	t.Parallel()
	if got := fmt.Sprint(Indices(4), Indices(0), Indices(-1)); got != "[0 1 2 3] [] []" {
		t.Errorf("Indices = %s", got)
	}
}
