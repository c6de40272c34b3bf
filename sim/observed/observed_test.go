package observed

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/scenarios"
)

const header = "series,year,value,unit,quality,source\n"

func TestParseShippedData(t *testing.T) {
	t.Parallel()
	text, err := fs.ReadFile(scenarios.FS, "data/kazakhstan_observed.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Parse("kazakhstan_observed.csv", text)
	if err != nil {
		t.Fatal(err)
	}
	conv := Series(rows, "trafficking_convictions")
	if len(conv) == 0 {
		t.Fatal("no trafficking_convictions in the shipped data")
	}
	// The first figure of the file (TIP 2007: 13 convictions in 2005).
	if r := conv[0]; r.Year != 2005 || r.Value != 13 || r.Line != 2 || r.Quality != "reported" || !strings.Contains(r.Source, "Trafficking in Persons") {
		t.Errorf("first conviction row = %+v", r)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want string // the errors, or the rows as series/year/value
	}{
		{"ok", header + "a,2005,13,persons,reported,TIP 2007\nb,2006,1.5e3,kg,secondary,\"press, quoting\"\n",
			"a/2005/13 b/2006/1500"},
		{"bom and CRLF", "\uFEFF" + strings.ReplaceAll(header, "\n", "\r\n") + "a,2005,13,persons,reported,TIP\r\n",
			"a/2005/13"},
		{"header only", header, ""},
		{"empty", "", `f.csv:1: the file is empty; expected the header "series,year,value,unit,quality,source"`},
		{"wrong header", "series,year,value\n", `f.csv:1: the header is "series,year,value"; expected "series,year,value,unit,quality,source"`},
		{"fields", header + "a,2005,13,persons,reported\n",
			"f.csv:2: 5 fields; expected 6 (series,year,value,unit,quality,source); quote a field that holds a comma"},
		{"every problem of a line", header + "a,2005,13,p,reported,s\n,20x5,NaN,p,rumour, \n",
			"f.csv:3: series: is empty\n" +
				`f.csv:3: year: must be a whole year such as 2005, is "20x5"` + "\n" +
				`f.csv:3: value: must be finite, is "NaN"` + "\n" +
				`f.csv:3: quality: must be one of reported, secondary, is "rumour"` + "\n" +
				"f.csv:3: source: is empty: every figure needs its source"},
		{"bad numbers", header + "a,205,1,p,reported,s\na,2005,1e999,p,reported,s\na,2005,x,p,reported,s\n",
			"f.csv:2: year: must be a year in 1000..9999, is 205\n" +
				`f.csv:3: value: must be a number, is "1e999"` + "\n" +
				`f.csv:4: value: must be a number, is "x"`},
		{"bad quote", header + "a,2005,1,p,reported,\"unclosed\n",
			`f.csv:2: extraneous or missing " in quoted-field`},
	}
	for _, tt := range tests {
		rows, err := Parse("f.csv", []byte(tt.text))
		var got string
		if err != nil {
			var es Errors
			if !errors.As(err, &es) {
				t.Errorf("%s: error %T, want Errors", tt.name, err)
			}
			got = err.Error()
		} else {
			var s []string
			for _, r := range rows {
				s = append(s, r.Series+"/"+strconv.Itoa(r.Year)+"/"+strconv.FormatFloat(r.Value, 'g', -1, 64))
			}
			got = strings.Join(s, " ")
		}
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestParseBoundsErrors(t *testing.T) {
	t.Parallel()
	text := header + strings.Repeat("a,year,1,p,reported,s\n", 100)
	_, err := Parse("f.csv", []byte(text))
	var es Errors
	if !errors.As(err, &es) || len(es) != maxErrors {
		t.Errorf("got %d errors, want %d", len(es), maxErrors)
	}
}
