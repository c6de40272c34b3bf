package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/krysha/krysha/sim/experiment"
)

// routeKey names a segment-product of routes.csv.
type routeKey struct{ product, from, to string }

// routeSum adds up segment rows of routes.csv.
type routeSum struct{ shipments, units, detections, bribes, seized float64 }

// stashSum adds up the node rows of routes.csv: StashKg is a stock at
// each year's end, so its sum over years and runs divided by both is the
// mean stock at a year's end.
type stashSum struct{ stashKg, raids, seized float64 }

// routeTotals are the rows of routes.csv summed over the runs chosen and,
// separately, over the years of each span: what a route map draws.
//
// A panel's flow on a segment is the mean over runs and years of the
// span, units / (Runs · span.Years()); its seizure rate pools them,
// seized / units.
type routeTotals struct {
	Spans []experiment.Window
	// Seg and Stash are indexed like Spans. Segments are keyed by
	// product and ends; the stash nodes by id.
	Seg   []map[routeKey]*routeSum
	Stash []map[string]*stashSum
	// Runs is the number of runs summed; First and Last the years the
	// file holds.
	Runs        int
	First, Last int
}

// Column indices of routes.csv (experiment.RoutesHeader).
const (
	rcRun = iota
	rcReplicate
	rcYear
	rcKind
	rcFrom
	rcTo
	rcProduct
	rcShipments
	rcUnits
	rcDetections
	rcBribes
	rcSeized
	rcStashKg
	rcRaids
)

// readRouteTotals reads the routes.csv at path, streaming it, and sums
// for each span the rows of the runs keep accepts (nil accepts all). It
// holds only the sums, so a sweep's file of gigabytes reads in constant
// memory. An error names the line and column at fault; a span outside
// the years of the file, or no run accepted, is an *inputError.
func readRouteTotals(path string, spans []experiment.Window, keep func(run int) bool) (*routeTotals, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &routeTotals{Spans: spans, First: -1, Last: -1}
	for range spans {
		t.Seg = append(t.Seg, map[routeKey]*routeSum{})
		t.Stash = append(t.Stash, map[string]*stashSum{})
	}
	if err := t.read(f, path, keep); err != nil {
		return nil, err
	}
	if t.Runs == 0 {
		return nil, &inputError{fmt.Errorf("%s: no rows of the runs asked for", path)}
	}
	for _, s := range spans {
		if s.First < t.First || s.Last > t.Last {
			return nil, &inputError{fmt.Errorf("%s holds the years %d:%d, not %s", path, t.First, t.Last, s)}
		}
	}
	return t, nil
}

func (t *routeTotals) read(r io.Reader, path string, keep func(run int) bool) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: empty file, want the header %s", path, experiment.RoutesHeader)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if got := strings.Join(head, ","); got != experiment.RoutesHeader {
		return fmt.Errorf("%s:1: header %q, want %q", path, got, experiment.RoutesHeader)
	}
	runs := map[int]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			t.Runs = len(runs)
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := t.add(rec, runs, keep); err != nil {
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
}

// add adds one row. Numbers are parsed only in the rows summed.
func (t *routeTotals) add(rec []string, runs map[int]bool, keep func(int) bool) error {
	run, err := routeInt(rec, rcRun)
	if err != nil {
		return err
	}
	year, err := routeInt(rec, rcYear)
	if err != nil {
		return err
	}
	kind := rec[rcKind]
	if kind != experiment.RouteSegment && kind != experiment.RouteNode {
		return fmt.Errorf("column kind: %q, want %s or %s", kind, experiment.RouteSegment, experiment.RouteNode)
	}
	if t.First < 0 || year < t.First {
		t.First = year
	}
	t.Last = max(t.Last, year)
	if keep != nil && !keep(run) {
		return nil
	}
	runs[run] = true
	for k, s := range t.Spans {
		if year < s.First || year > s.Last {
			continue
		}
		if kind == experiment.RouteNode {
			v, err := routeFloats(rec, rcSeized, rcStashKg, rcRaids)
			if err != nil {
				return err
			}
			a := t.Stash[k][rec[rcFrom]]
			if a == nil {
				a = new(stashSum)
				t.Stash[k][rec[rcFrom]] = a
			}
			a.seized, a.stashKg, a.raids = a.seized+v[0], a.stashKg+v[1], a.raids+v[2]
			continue
		}
		v, err := routeFloats(rec, rcShipments, rcUnits, rcDetections, rcBribes, rcSeized)
		if err != nil {
			return err
		}
		key := routeKey{rec[rcProduct], rec[rcFrom], rec[rcTo]}
		a := t.Seg[k][key]
		if a == nil {
			a = new(routeSum)
			t.Seg[k][key] = a
		}
		a.shipments += v[0]
		a.units += v[1]
		a.detections += v[2]
		a.bribes += v[3]
		a.seized += v[4]
	}
	return nil
}

var routeHeader = strings.Split(experiment.RoutesHeader, ",")

func routeInt(rec []string, col int) (int, error) {
	v, err := strconv.Atoi(rec[col])
	if err != nil {
		return 0, fmt.Errorf("column %s: %q is not a whole number", routeHeader[col], rec[col])
	}
	return v, nil
}

// routeFloats parses the cells of cols; an empty cell is 0, as in
// experiment.ReadRoutes.
func routeFloats(rec []string, cols ...int) ([5]float64, error) {
	var out [5]float64
	for i, c := range cols {
		if rec[c] == "" {
			continue
		}
		v, err := strconv.ParseFloat(rec[c], 64)
		if err != nil || v < 0 || v > maxRouteValue {
			return out, fmt.Errorf("column %s: %q is not a number in [0, %g]", routeHeader[c], rec[c], maxRouteValue)
		}
		out[i] = v
	}
	return out, nil
}

// maxRouteValue bounds a cell of routes.csv: far above any count of a
// run (a thousand tonnes, a billion persons), low enough that the sums
// of a large sweep stay finite and the map can draw them.
const maxRouteValue = 1e12
