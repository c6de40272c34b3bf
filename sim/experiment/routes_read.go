package experiment

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A RouteRow is one row of routes.csv.
//
// A segment row (Kind "segment") counts what happened on the segment
// From→To to shipments of Product in Year: Shipments (vehicles that
// entered it), Units (kg or persons they carried), Detections (stopped
// by an official or foreign forces), Bribes (let through for a bribe)
// and Seized (kg or persons intercepted on it), each summed over the
// year. Every segment has a row for each product it carries, every
// year, zeros included.
//
// A node row (Kind "node", To empty, Product "drugs") is a stash: StashKg
// is the stock there at the end of the year, Raids the police raids on
// it during the year and Seized the kg they seized.
//
// Cells that do not apply to a row's kind are empty in the file and 0
// here.
type RouteRow struct {
	Run, Replicate, Year int
	Kind                 string
	From, To, Product    string
	Shipments, Units     float64
	Detections, Bribes   float64
	Seized               float64
	StashKg, Raids       float64
}

// ReadRoutes reads routes.csv. The header must be RoutesHeader; an
// error names the line and column at fault.
func ReadRoutes(r io.Reader) ([]RouteRow, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file, want the header %s", RoutesFile, RoutesHeader)
		}
		return nil, fmt.Errorf("%s: %w", RoutesFile, err)
	}
	if got := strings.Join(head, ","); got != RoutesHeader {
		return nil, fmt.Errorf("%s:1: header %q, want %q", RoutesFile, got, RoutesHeader)
	}
	var rows []RouteRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", RoutesFile, err)
		}
		line, _ := cr.FieldPos(0)
		row, err := parseRouteRow(rec)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", RoutesFile, line, err)
		}
		rows = append(rows, row)
	}
}

func parseRouteRow(rec []string) (RouteRow, error) {
	var row RouteRow
	ints := []*int{&row.Run, &row.Replicate, &row.Year}
	for i, p := range ints {
		v, err := strconv.Atoi(rec[i])
		if err != nil {
			return row, fmt.Errorf("column %s: %q is not a whole number", strings.Split(RoutesHeader, ",")[i], rec[i])
		}
		*p = v
	}
	row.Kind, row.From, row.To, row.Product = rec[3], rec[4], rec[5], rec[6]
	if row.Kind != RouteSegment && row.Kind != RouteNode {
		return row, fmt.Errorf("column kind: %q, want segment or node", row.Kind)
	}
	floats := []*float64{&row.Shipments, &row.Units, &row.Detections, &row.Bribes, &row.Seized, &row.StashKg, &row.Raids}
	for i, p := range floats {
		c := rec[7+i]
		if c == "" {
			continue
		}
		v, err := strconv.ParseFloat(c, 64)
		if err != nil {
			return row, fmt.Errorf("column %s: %q is not a number", strings.Split(RoutesHeader, ",")[7+i], c)
		}
		*p = v
	}
	return row, nil
}
