package main

import (
	"encoding"
	"fmt"
	"reflect"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// sweepKeys are the keys of a scenario's [sweep] table.
var sweepKeys = []string{"design", "samples", "replicates", "window", "vary"}

// A sweepConfig is a sweep as the scenario's [sweep] table and the flags
// give it; a flag given on the command line wins over the table's key,
// and -vary replaces the table's vary list.
type sweepConfig struct {
	design     string
	samples    int
	replicates int
	window     string
	vary       []string
	varySource string // "-vary", or "FILE:LINE: sweep.vary"
}

// readSweepTable reads the [sweep] table of sf's scenario:
//
//	[sweep]
//	design     = "lhs"              # grid (the default), lhs or sobol
//	samples    = 200                # points of lhs and sobol
//	replicates = 10
//	window     = "2009:2015"
//	vary       = ["enforcement.budget_scale=0.5:3", "bribe.same_clan=0:2"]
//
// Every problem is reported at once, each FILE:LINE: sweep.KEY: message.
func readSweepTable(sf *scenarioFile, t map[string]any) (*sweepConfig, error) {
	c := &sweepConfig{}
	if len(t) == 0 {
		return c, nil
	}
	r := newTableReader(sf, "sweep")
	for _, k := range r.keys(t) {
		v := t[k]
		switch k {
		case "design":
			c.design, _ = r.str(k, v)
		case "window":
			c.window, _ = r.str(k, v)
		case "samples":
			c.samples, _ = r.whole(k, v, 1)
		case "replicates":
			c.replicates, _ = r.whole(k, v, 1)
		case "vary":
			c.vary = r.strs(k, v, `a list of "path=spec" strings`, `a string "path=lo:hi:n", "path=lo:hi" or "path=a,b,c"`)
			c.varySource = r.where(k)
		default:
			r.unknown(k, sweepKeys)
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// A paramType is what a factor's parameter holds.
type paramType int

const (
	paramFloat paramType = iota
	paramInt
	paramBool
)

// notFactors are scenario keys that are numbers but not model
// parameters: a sweep sets them with its own flags.
var notFactors = map[string]string{
	"seed":       "the seed is the sweep's -seed",
	"replicates": "the replicates are the sweep's -replicates",
}

// typeOf returns the type of the parameter at path in sc: a float, an
// integer or a switch. Anything else is not a parameter a sweep can vary.
func typeOf(sc *scenario.Scenario, path string) (paramType, error) {
	if why, ok := notFactors[path]; ok {
		return 0, fmt.Errorf("%s is not a model parameter: %s", path, why)
	}
	v, err := tomlx.Resolve(sc, path)
	if err != nil {
		if _, lerr := scenario.LookupLever(path); lerr != nil {
			return 0, fmt.Errorf("%s: %v", path, lerr)
		}
		return 0, fmt.Errorf("%s: %v", path, err)
	}
	textual := reflect.TypeFor[encoding.TextUnmarshaler]()
	if v.IsValid() && (v.Type().Implements(textual) || reflect.PointerTo(v.Type()).Implements(textual)) {
		return 0, fmt.Errorf("%s is a %s, not a number a sweep can vary", path, v.Type().Name())
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return paramFloat, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return paramInt, nil
	case reflect.Bool:
		return paramBool, nil
	}
	return 0, fmt.Errorf("%s is not a number or a switch (it holds %s)", path, v.Kind())
}

// typeFactors gives each factor its parameter's type from the base
// scenario: integers take whole values (Factor.Int), switches the
// values 0 (false) and 1 (true). It returns which factors are switches.
func typeFactors(sc *scenario.Scenario, fs []design.Factor) ([]bool, error) {
	bools := make([]bool, len(fs))
	for j := range fs {
		f := &fs[j]
		t, err := typeOf(sc, f.Path)
		if err != nil {
			return nil, &design.FactorError{Source: f.Source, Text: f.String(), Reason: err.Error()}
		}
		switch t {
		case paramInt:
			f.Int = true
		case paramBool:
			f.Int, bools[j] = true, true
			if f.Lo < 0 || f.Hi > 1 {
				return nil, &design.FactorError{Source: f.Source, Text: f.String(),
					Reason: "a switch takes the values 0 (false) and 1 (true), e.g. " + f.Path + "=0,1"}
			}
		}
		if err := f.Validate(); err != nil {
			return nil, err
		}
	}
	return bools, nil
}
