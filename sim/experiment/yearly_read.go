package experiment

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/krysha/krysha/sim"
)

// A YearlyRow is one row of a study's yearly.csv: the records of run
// Run (replicate Replicate of arm Point, on the stream (Seed,
// Replicate)) for calendar year Year, every metric in sim order.
type YearlyRow struct {
	Run, Point, Replicate int
	Seed                  uint64
	Year                  int
	Record                sim.Record
}

// ReadYearly reads a study's yearly.csv, whose header must be
// YearlyHeader, and calls fn with each row in the order of the file. The
// row is reused from call to call: fn copies what it keeps. The file is
// streamed, so a study of any size is read in constant memory. An error
// names the line at fault; an error of fn is returned as it is.
func ReadYearly(r io.Reader, fn func(row *YearlyRow) error) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1 // the header is checked whole below
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file, want the header of a study's yearly.csv", YearlyFile)
		}
		return fmt.Errorf("%s: %w", YearlyFile, err)
	}
	if got, want := strings.Join(head, ","), YearlyHeader(); got != want {
		return fmt.Errorf("%s:1: not the header of a study's yearly.csv (run,point,replicate,seed,year and the metrics of this krysha): %.80q…", YearlyFile, got)
	}
	cr.FieldsPerRecord = len(head)
	var row YearlyRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", YearlyFile, err)
		}
		line, _ := cr.FieldPos(0)
		if err := parseYearlyRow(&row, rec); err != nil {
			return fmt.Errorf("%s:%d: %w", YearlyFile, line, err)
		}
		if err := fn(&row); err != nil {
			return err
		}
	}
}

func parseYearlyRow(row *YearlyRow, rec []string) error {
	names := [...]string{"run", "point", "replicate", "seed", "year"}
	ints := [...]*int{&row.Run, &row.Point, &row.Replicate, nil, &row.Year}
	for i, p := range ints {
		var err error
		if p == nil {
			row.Seed, err = strconv.ParseUint(rec[i], 10, 64)
		} else {
			*p, err = strconv.Atoi(rec[i])
		}
		if err != nil {
			return fmt.Errorf("%s %q is not a whole number", names[i], rec[i])
		}
	}
	for m := range sim.NumMetrics {
		c := rec[5+int(m)]
		v, err := strconv.ParseFloat(c, 64)
		if err != nil {
			return fmt.Errorf("%s %q is not a number", m.Info().Name, c)
		}
		row.Record[m] = v
	}
	return nil
}
