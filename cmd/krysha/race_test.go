//go:build race

package main

// raceEnabled is set when the tests run under the race detector, which
// makes runs some ten times slower: the tests that run many sweeps run
// smaller ones then.
const raceEnabled = true
