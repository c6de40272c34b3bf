package main

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/experiment/design"
)

// sensitivityKeys are the keys of a scenario's [sensitivity] table.
var sensitivityKeys = []string{"method", "trajectories", "levels", "samples", "replicates", "window", "by_year", "vary"}

// A sensitivityConfig is a sensitivity analysis as the scenario's
// [sensitivity] table and the flags give it; a flag given on the command
// line wins over the table's key, and -vary replaces the table's list.
type sensitivityConfig struct {
	method       string
	trajectories int
	levels       int
	samples      int
	replicates   int
	window       string
	byYear       bool
	vary         []string
	varySource   string // "-vary", or "FILE:LINE: sensitivity.vary"
}

// readSensitivityTable reads the [sensitivity] table of sf's scenario:
//
//	[sensitivity]
//	method       = "morris"     # morris (the default) or sobol
//	trajectories = 20           # Morris trajectories
//	levels       = 4            # Morris grid levels p
//	samples      = 512          # Sobol base rows N
//	replicates   = 4
//	window       = "2009:2015"
//	by_year      = true
//	vary         = ["bribe.same_clan=0.6:1.8", "routes.tau=0.04:0.16"]
//
// Every problem is reported at once, each FILE:LINE: sensitivity.KEY:
// message.
func readSensitivityTable(sf *scenarioFile, t map[string]any) (*sensitivityConfig, error) {
	c := &sensitivityConfig{}
	if len(t) == 0 {
		return c, nil
	}
	doc, _ := tomlx.ParseFile(sf.name, sf.text)
	var errs tomlx.Errors
	bad := func(key, format string, args ...any) {
		k := "sensitivity." + key
		errs = append(errs, &tomlx.Error{File: sf.name, Line: doc.Line(k), Key: k, Msg: fmt.Sprintf(format, args...)})
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := t[k]
		switch k {
		case "method", "window":
			s, ok := v.(string)
			if !ok {
				bad(k, "expected a string, found %v", v)
				continue
			}
			if k == "method" {
				c.method = s
			} else {
				c.window = s
			}
		case "trajectories", "levels", "samples", "replicates":
			x, ok := v.(float64)
			if !ok || x != math.Trunc(x) || x < 1 || x > design.MaxRuns {
				bad(k, "expected a whole number of at least 1, found %v", v)
				continue
			}
			*map[string]*int{"trajectories": &c.trajectories, "levels": &c.levels,
				"samples": &c.samples, "replicates": &c.replicates}[k] = int(x)
		case "by_year":
			b, ok := v.(bool)
			if !ok {
				bad(k, "expected true or false, found %v", v)
				continue
			}
			c.byYear = b
		case "vary":
			list, ok := v.([]any)
			if !ok {
				bad(k, `expected a list of "path=lo:hi" strings, found %v`, v)
				continue
			}
			for i, e := range list {
				s, ok := e.(string)
				if !ok {
					bad(fmt.Sprintf("vary[%d]", i), `expected a string "path=lo:hi", found %v`, e)
					continue
				}
				c.vary = append(c.vary, s)
			}
			c.varySource = fmt.Sprintf("%s:%d: sensitivity.vary", sf.name, doc.Line("sensitivity.vary"))
		default:
			msg := "unknown key"
			if s, ok := tomlx.Nearest(k, sensitivityKeys); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			bad(k, "%s; a [sensitivity] table has %s", msg, strings.Join(sensitivityKeys, ", "))
		}
	}
	if len(errs) > 0 {
		return nil, &inputError{errs}
	}
	return c, nil
}
