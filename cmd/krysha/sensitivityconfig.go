package main

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
	r := newTableReader(sf, "sensitivity")
	for _, k := range r.keys(t) {
		v := t[k]
		switch k {
		case "method":
			c.method, _ = r.str(k, v)
		case "window":
			c.window, _ = r.str(k, v)
		case "trajectories":
			c.trajectories, _ = r.whole(k, v, 1)
		case "levels":
			c.levels, _ = r.whole(k, v, 1)
		case "samples":
			c.samples, _ = r.whole(k, v, 1)
		case "replicates":
			c.replicates, _ = r.whole(k, v, 1)
		case "by_year":
			c.byYear, _ = r.boolean(k, v)
		case "vary":
			c.vary = r.strs(k, v, `a list of "path=lo:hi" strings`, `a string "path=lo:hi"`)
			c.varySource = r.where(k)
		default:
			r.unknown(k, sensitivityKeys)
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	return c, nil
}
