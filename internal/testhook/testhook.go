// Package testhook lets tests inject faults where no input could cause
// them, such as a panic inside the engine, to check that the tools
// around it survive one. Nothing but tests sets a hook; with none set,
// each check is one atomic load.
package testhook

import "sync/atomic"

// A StepPanic decides whether sim.World.Step panics, given the
// scenario's name, the replicate and the month about to be simulated
// (0 for the first). Tests that run in parallel tell their runs apart by
// a scenario name of their own.
type StepPanic func(scenario string, replicate, month int) bool

var stepPanic atomic.Pointer[StepPanic]

// SetStepPanic installs f (nil removes the hook) and returns a function
// that puts back the hook it replaced.
func SetStepPanic(f StepPanic) (restore func()) {
	var p *StepPanic
	if f != nil {
		p = &f
	}
	old := stepPanic.Swap(p)
	return func() { stepPanic.Store(old) }
}

// StepPanics reports whether the hook asks Step to panic now.
func StepPanics(scenario string, replicate, month int) bool {
	f := stepPanic.Load()
	return f != nil && (*f)(scenario, replicate, month)
}
