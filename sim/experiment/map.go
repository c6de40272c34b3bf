package experiment

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// window is how many runs per worker may be started ahead of the next
// one to emit. It bounds the reorder buffer to window × workers results
// while leaving each worker a spare run, so that one slow run does not
// idle the pool at once.
const window = 2

// Map calls do(w, i) for every index i in indices on a pool of workers
// goroutines and calls emit(i, r, err) with each result, in the order of
// indices, from the calling goroutine.
//
// Each worker gets its own w from newWorker, made before any run starts,
// and reuses it for every run it does: do must leave w fit for the next
// run. do must be a function of (w's configuration, i) only, so that the
// results, and all emit sees, are the same for any number of workers.
//
// err is the error do returned, or a *PanicError if do panicked. emit
// decides what a failed run means: returning err stops Map with it (fail
// fast); recording it and returning nil goes on with the next run. Any
// error emit returns stops Map and is returned as is.
//
// At most window × workers results are held waiting for an earlier one,
// so memory stays bounded however many runs there are. When ctx is done,
// no further run starts, the runs in flight finish, and Map returns
// ctx.Err() once every goroutine it started has ended. workers below 1
// means 1; there are never more workers than indices.
func Map[W, R any](ctx context.Context, indices []int, workers int,
	newWorker func() (W, error),
	do func(w W, i int) (R, error),
	emit func(i int, r R, err error) error,
) error {
	n := len(indices)
	workers = max(1, min(workers, n))
	if n == 0 {
		return ctx.Err()
	}
	ws := make([]W, workers)
	for k := range ws {
		w, err := newWorker()
		if err != nil {
			return fmt.Errorf("experiment: making worker %d: %w", k, err)
		}
		ws[k] = w
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ahead := window * workers
	// A token is taken before run k is handed out and given back when run
	// k is emitted, so runs in flight plus results waiting never exceed
	// ahead. results holds as many, so that no worker blocks on it even
	// after the emitter has stopped listening.
	tokens := make(chan struct{}, ahead)
	jobs := make(chan int)
	results := make(chan outcome[R], ahead)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // dispatcher: positions in order, while tokens last
		defer wg.Done()
		defer close(jobs)
		for k := range n {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				r, err := safeDo(do, w, indices[k])
				results <- outcome[R]{k: k, r: r, err: err}
			}
		}()
	}

	err := collect(ctx, n, ahead, results, tokens, func(k int, o outcome[R]) error {
		return emit(indices[k], o.r, o.err)
	})
	cancel()
	wg.Wait()
	return err
}

// outcome is the result of the run at position k of the indices.
type outcome[R any] struct {
	k   int
	r   R
	err error
}

// collect receives outcomes in any order and emits them in order of
// position through a ring of ahead slots: position k waits in slot
// k mod ahead, which is free because at most ahead positions are out.
func collect[R any](ctx context.Context, n, ahead int, results <-chan outcome[R],
	tokens <-chan struct{}, emit func(k int, o outcome[R]) error) error {
	ring := make([]outcome[R], ahead)
	ready := make([]bool, ahead)
	for next := 0; next < n; {
		select {
		case o := <-results:
			ring[o.k%ahead], ready[o.k%ahead] = o, true
		case <-ctx.Done():
			return ctx.Err()
		}
		for next < n && ready[next%ahead] {
			if err := ctx.Err(); err != nil {
				return err // stop promptly, even with results ready
			}
			s := next % ahead
			o := ring[s]
			var zero outcome[R]
			ring[s], ready[s] = zero, false // let the result be collected
			if err := emit(next, o); err != nil {
				return err
			}
			next++
			<-tokens
		}
	}
	return nil
}

// safeDo runs do, turning a panic into a *PanicError.
func safeDo[W, R any](do func(W, int) (R, error), w W, i int) (r R, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Index: i, Value: v, Stack: debug.Stack()}
		}
	}()
	return do(w, i)
}

// PanicError is a run that panicked: a bug in the engine or in the
// function Map was given, never bad input (which is rejected before any
// run). The worker that ran it carries on with its next run, so a sweep
// can record the failure and go on; its state may be damaged, so a
// caller that goes on should make the run's state anew (World.Run resets
// it).
type PanicError struct {
	Index int    // the run index
	Value any    // what was passed to panic
	Stack []byte // the panicking goroutine's stack
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("run %d panicked: %v", e.Index, e.Value)
}

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Indices returns 0, 1, ..., n-1: the runs of Map when there are n.
func Indices(n int) []int {
	s := make([]int, max(n, 0))
	for i := range s {
		s[i] = i
	}
	return s
}
