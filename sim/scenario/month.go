package scenario

import (
	"fmt"
	"strconv"
)

// Month is a calendar month counted from January of year 0, so that months
// compare and subtract as integers. In TOML it is written "YYYY-MM".
type Month int32

// MonthOf returns the Month of a year and a month number in 1..12.
func MonthOf(year, month int) Month { return Month(year*12 + month - 1) }

// Year is the calendar year of m.
func (m Month) Year() int { return int(m) / 12 }

// Num is the month number of m, 1 for January to 12 for December.
func (m Month) Num() int { return int(m)%12 + 1 }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), m.Num()) }

// MarshalText writes m as "YYYY-MM".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads "YYYY-MM" with a year in 1000..9999.
func (m *Month) UnmarshalText(b []byte) error {
	s := string(b)
	if len(s) != 7 || s[4] != '-' {
		return fmt.Errorf("expected a month as \"YYYY-MM\", found %q", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	mo, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || y < 1000 || mo < 1 || mo > 12 {
		return fmt.Errorf("expected a month as \"YYYY-MM\", found %q", s)
	}
	*m = MonthOf(y, mo)
	return nil
}
