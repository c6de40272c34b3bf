package tomlx

import (
	"fmt"
	"strconv"
)

// The types below stand in for a krysha scenario: they use every shape the
// real one does (arrays of tables, arrays of inline tables, nested tables,
// embedded structs, SetDefaults, a text type, a map of raw values).

// month is a calendar month written "YYYY-MM", the way scenario files date
// events.
type month struct{ Year, Month int }

func (m *month) UnmarshalText(b []byte) error {
	s := string(b)
	y, errY := strconv.Atoi(s[:min(4, len(s))])
	if len(s) != 7 || s[4] != '-' || errY != nil {
		return fmt.Errorf("month %q is not YYYY-MM", s)
	}
	mo, err := strconv.Atoi(s[5:])
	if err != nil || mo < 1 || mo > 12 {
		return fmt.Errorf("month %q is not YYYY-MM with MM from 01 to 12", s)
	}
	m.Year, m.Month = y, mo
	return nil
}

type scenario struct {
	Name         string             `toml:"name"`
	Seed         uint64             `toml:"seed"`
	Months       int                `toml:"months"`
	Runs         int32              `toml:"runs"`
	Start        month              `toml:"start"`
	Tags         []string           `toml:"tags"`
	Weights      map[string]float64 `toml:"weights"`
	Nodes        []node             `toml:"nodes"`
	Enforcement  enforcement        `toml:"enforcement"`
	Mechanisms   mechanisms         `toml:"mechanisms"`
	Officials    officials          `toml:"officials"`
	Organization []organization     `toml:"organization"`
	Event        []event            `toml:"event"`
	Scratch      string             `toml:"-"`
}

type node struct {
	ID  string  `toml:"id"`
	Lon float64 `toml:"lon"`
	Lat float64 `toml:"lat"`
}

type enforcement struct {
	Budget    float64 `toml:"budget"`
	AuditRate float64 `toml:"audit_rate"`
}

type mechanisms struct {
	Patronage bool `toml:"patronage"`
	Rotation  bool `toml:"rotation"`
}

type officials struct {
	BorderGuard official `toml:"border_guard"`
	Customs     official `toml:"customs"`
}

type official struct {
	Count     int     `toml:"count"`
	Salary    float64 `toml:"salary"`
	Integrity beta    `toml:"integrity"`
}

// beta holds the parameters of a Beta(Alpha, Beta) distribution.
type beta struct {
	Alpha float64 `toml:"alpha"`
	Beta  float64 `toml:"beta"`
}

// common is embedded to check that its keys sit in the outer table.
type common struct {
	Label string `toml:"label"`
}

type organization struct {
	common
	ID     string  `toml:"id"`
	Budget float64 `toml:"budget"`
	Size   int     `toml:"size"`
	Active bool    `toml:"active"`
	calls  int     // counts SetDefaults calls
}

func (o *organization) SetDefaults() {
	o.Budget, o.Size, o.Active = 100, 10, true
	o.calls++
}

type event struct {
	At  month          `toml:"at"`
	Set map[string]any `toml:"set"`
}

// defaultScenario is what a caller fills in before decoding.
func defaultScenario() scenario {
	return scenario{
		Name:        "unnamed",
		Months:      12,
		Runs:        10,
		Tags:        []string{"default"},
		Weights:     map[string]float64{"base": 1},
		Enforcement: enforcement{Budget: 1, AuditRate: 0.05},
		Officials: officials{
			BorderGuard: official{Count: 1, Salary: 200, Integrity: beta{1, 1}},
			Customs:     official{Count: 1, Salary: 200, Integrity: beta{1, 1}},
		},
		Organization: []organization{{ID: "default-org"}},
	}
}
