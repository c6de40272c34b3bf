// Package scenario is krysha's scenario schema: the TOML file that states a
// world (places, roads, organizations, officials, clans), the parameters of
// every mechanism, the timed events of a period and the policies to compare.
//
// Loading happens in three steps: start from Default, decode the TOML over
// it (unknown keys and wrong types are errors), then Validate. Every error
// names the file, the line and the key. A Scenario that passed Validate can
// be built into a world that cannot fail at run time.
//
// The package reads no files itself except through Load, and knows nothing
// of the engine that runs a scenario.
package scenario

// Scenario is one model world and period.
type Scenario struct {
	// Name identifies the scenario in output paths and plot titles.
	Name string `toml:"name"`
	// Description is a line or two for humans.
	Description string `toml:"description"`
	// Start and End are the first and last simulated months, inclusive.
	Start Month `toml:"start"`
	End   Month `toml:"end"`
	// Seed is the base of every random stream; replicate r of a run uses a
	// stream derived from (Seed, r) only.
	Seed uint64 `toml:"seed"`
	// Replicates is the default number of replicates of `krysha run`.
	Replicates int `toml:"replicates"`
	// Observed is a CSV of observed yearly figures (see scenarios/data),
	// relative to the scenario file. Optional.
	Observed string `toml:"observed"`
	// Country is the state whose officials and pipeline the model holds
	// (e.g. "KZ"). Segments with neither end in it are foreign: policed by
	// foreign forces (see foreign.*), without posts, cases or metrics of
	// the state. Empty: every segment is domestic.
	Country string `toml:"country"`

	Clans  []Clan         `toml:"clan"`
	Elites []Elite        `toml:"elite"`
	Nodes  []Node         `toml:"nodes"`
	Edges  []Edge         `toml:"edges"`
	Orgs   []Organization `toml:"organization"`

	// Params are the mechanism parameters. Their numeric and boolean fields
	// are levers: events and policies may set or scale them at run time,
	// and `-set` may override them, by their dotted TOML path.
	Params

	Events   []Event  `toml:"event"`
	Policies []Policy `toml:"policy"`
	// Sweep, Calibrate and Sensitivity hold experiment designs that belong
	// to a scenario; the engine ignores them.
	Sweep       map[string]any `toml:"sweep"`
	Calibrate   map[string]any `toml:"calibrate"`
	Sensitivity map[string]any `toml:"sensitivity"`
}

// Months is the number of simulated months.
func (s *Scenario) Months() int { return int(s.End-s.Start) + 1 }

// Zhuz are the three Kazakh hordes: Senior (Uly), Middle (Orta), Junior (Kishi).
var Zhuz = []string{"senior", "middle", "junior"}

// A Clan is a descent group within a zhuz. Officials and organizations
// belong to clans; an elite's clan is where its clients come from.
type Clan struct {
	Name string `toml:"name"`
	// Zhuz is "senior", "middle" or "junior"; foreign clans use "none".
	Zhuz string `toml:"zhuz"`
	// Weight is the clan's share of the pool from which officials and new
	// organizations are drawn (relative; need not sum to one).
	Weight float64 `toml:"weight"`
}

// An Elite is a patron: it places clients in posts, collects rents from
// them and sells protection ("roof", krysha) to organizations.
type Elite struct {
	Name string `toml:"name"`
	Clan string `toml:"clan"`
	// Rents is the elite's starting yearly rent income (USD), which sets
	// its initial influence.
	Rents float64 `toml:"rents"`
}

// Node kinds.
const (
	KindOrigin  = "origin"
	KindBorder  = "border"
	KindCity    = "city"
	KindTransit = "transit"
	KindStash   = "stash"
	KindMarket  = "market"
)

// A Node is a place.
type Node struct {
	ID      string  `toml:"id"`
	Name    string  `toml:"name"` // label on maps; defaults to ID
	Kind    string  `toml:"kind"`
	Country string  `toml:"country"`
	Lon     float64 `toml:"lon"`
	Lat     float64 `toml:"lat"`
	// Zhuz of the region, where officials posted locally come from.
	Zhuz string `toml:"zhuz"`
	// SupplyDrugs is the kilograms of opiates (heroin equivalent) a month
	// that organizations can buy here; SupplyPeople the persons a month
	// that can be recruited. A node with supply is an origin of it.
	SupplyDrugs  float64 `toml:"supply_drugs"`
	SupplyPeople float64 `toml:"supply_people"`
	// PriceDrugs is the USD per kilogram paid here (at an origin) or
	// received here (at a market); PricePeople likewise per person
	// (recruitment cost at an origin, the price exploiters pay at a
	// market). A node with a price and no supply is a market of it.
	PriceDrugs  float64 `toml:"price_drugs"`
	PricePeople float64 `toml:"price_people"`
}

// Traffic levels of a segment.
const (
	TrafficLow    = "low"
	TrafficMedium = "medium"
	TrafficHigh   = "high"
)

// Transport modes of a segment.
const (
	ModeRoad  = "road"
	ModeRail  = "rail"
	ModeAir   = "air"
	ModeTrack = "track" // mountain tracks and the green border off the roads
)

// Product names.
const (
	Drugs  = "drugs"
	People = "people"
)

// An Edge is a directed road, rail, air or track segment.
type Edge struct {
	From string  `toml:"from"`
	To   string  `toml:"to"`
	Km   float64 `toml:"km"`
	Mode string  `toml:"mode"`
	// Checkpoint marks an official post on the segment, manned by Guards
	// officials of role Post. Without one, detection is by patrols drawn
	// from the pool of that role.
	Checkpoint bool   `toml:"checkpoint"`
	Guards     int    `toml:"guards"`
	Post       string `toml:"post"` // "border_guard" (default on cross-border segments) or "police"
	// CrossBorder marks a segment that crosses a state border, where
	// international coordination raises detection.
	CrossBorder bool `toml:"cross_border"`
	// Traffic is "low", "medium" or "high": lightly travelled segments are
	// watched less and are slower (see transport.traffic_*).
	Traffic string `toml:"traffic"`
	// FuelCorridor marks a fuel-smuggling corridor: large vehicles carry
	// transport.fuel_capacity times the cargo on paths that use it.
	FuelCorridor bool `toml:"fuel_corridor"`
	// Detect is the base monthly detection hazard of one shipment passing,
	// before hiding, training and coordination (see detection).
	Detect float64 `toml:"detect"`
	// Products that can use the segment; empty means both.
	Products []string `toml:"products"`
	// Closed shuts the segment: every shipment on it is stopped and no
	// bribe helps. Events close and reopen segments ("edges[i].closed").
	Closed bool `toml:"closed"`
}

// SetDefaults fills an edge read from a scenario before its keys apply.
func (e *Edge) SetDefaults() {
	e.Mode = ModeRoad
	e.Traffic = TrafficMedium
}

// An Organization is a trafficking group at the start of the period.
type Organization struct {
	Name string `toml:"name"`
	Clan string `toml:"clan"`
	// Origin is the node where the organization is based and buys its
	// products; for a product the origin does not supply, the nearest
	// node that does is used.
	Origin   string   `toml:"origin"`
	Products []string `toml:"products"`
	Capital  float64  `toml:"capital"` // USD
	Vehicles int      `toml:"vehicles"`
	Members  int      `toml:"members"`
	// Facilitators with legitimate jobs at the start.
	Facilitators int `toml:"facilitators"`
	// Roof names an elite that protects the organization from the start
	// (the licensed groups of the Soviet-era symbiosis); empty for none.
	Roof string `toml:"roof"`
}

// An Event changes levers at a month: Set assigns values, Scale multiplies
// them. Keys are dotted lever paths such as "enforcement.budget".
type Event struct {
	At    Month              `toml:"at"`
	Note  string             `toml:"note"`
	Set   map[string]any     `toml:"set"`
	Scale map[string]float64 `toml:"scale"`
}

// A Policy is an intervention compared against the baseline: a set of
// events added to the scenario's own.
type Policy struct {
	Name        string `toml:"name"`
	Description string `toml:"description"`
	// Cost is a plausible yearly cost in USD, for reports.
	Cost   float64 `toml:"cost"`
	Events []Event `toml:"events"`
}
