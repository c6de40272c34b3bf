package scenario

// Limits on the size of a scenario. They keep a typo (a count with three
// zeros too many) from exhausting memory or time: each is far above any
// plausible study of the region and is checked before anything is built.
// Validate refuses a scenario past any of them with a message that names
// the limit and what it protects, so that sim.NewModel is never reached
// with a world it cannot build in reasonable time and memory.
const (
	// MaxMonths is a century of monthly steps.
	MaxMonths = 1200
	// MaxNodes and MaxEdges bound the network.
	MaxNodes = 5000
	MaxEdges = 20000
	// MaxKm bounds a segment's length: the equator is 40,075 km, and a
	// longer segment is a typo whose transport cost would swamp every
	// price.
	MaxKm = 40000
	// MaxClans and MaxElites bound the clans and elites: appointments
	// search the clans, and every month touches every elite.
	MaxClans  = 1000
	MaxElites = 1000
	// MaxOfficials bounds the officials of all roles together: each costs
	// about 64 bytes and a few nanoseconds a month.
	MaxOfficials = 1_000_000
	// MaxOrganizations bounds organizations.max.
	MaxOrganizations = 10000
	// MaxBeliefCells bounds organizations.max × edges: every organization
	// holds eight belief numbers per segment (64 bytes), so this is 128 MB.
	MaxBeliefCells = 2_000_000
	// MaxExposureCells bounds organizations.max × elites: every
	// organization holds its exposure to every elite (8 bytes), 16 MB.
	MaxExposureCells = 2_000_000
	// MaxFleet bounds organizations.max × organizations.max_vehicles, the
	// most vehicles on the road at once: each is a shipment of 48 bytes
	// and is moved every month.
	MaxFleet = 1_000_000
	// MaxFleetMonths bounds the fleet times the months: every vehicle-month
	// can end in an interception that opens a case (32 bytes) which the run
	// keeps to its end, so this bounds the cases of a run to 800 MB.
	MaxFleetMonths = 25_000_000
	// MaxPaths bounds routes.paths, and MaxPathTotal the candidate paths of
	// all origin-market pairs together (Yen's algorithm costs grow with k).
	MaxPaths     = 50
	MaxPathTotal = 100_000
	// MaxRouteSearch bounds the estimated work of enumerating the
	// candidate paths when the model is built (see routeSearchWork): about
	// a minute of one core, at the 20-70 ns a unit measured on dense
	// random networks of 60 to 5,000 nodes.
	MaxRouteSearch = 1_000_000_000
	// MaxRouteChoices bounds organizations.max × the candidate routes of
	// an origin × months: every living organization weighs each of its
	// routes every month, a few nanoseconds each, so this is about a
	// minute a replicate.
	MaxRouteChoices = 10_000_000_000
	// MaxHops bounds routes.max_hops.
	MaxHops = 40
	// MaxReplicates bounds replicates of one run.
	MaxReplicates = 100_000
	// MaxEvents bounds the events of a scenario and of all its policies
	// together; MaxPolicies the policies. Validation replays the
	// scenario's events once for every policy.
	MaxEvents   = 10_000
	MaxPolicies = 100
	// maxProblems bounds the problems Validate reports: past it the file
	// is likely not a scenario at all, and a page more would bury the
	// first.
	maxProblems = 100
)
