package scenario

// Limits on the size of a scenario. They keep a typo (a count with three
// zeros too many) from exhausting memory or time: each is far above any
// plausible study of the region and is checked before anything is built.
const (
	// MaxMonths is a century of monthly steps.
	MaxMonths = 1200
	// MaxNodes and MaxEdges bound the network.
	MaxNodes = 5000
	MaxEdges = 20000
	// MaxOfficials bounds the officials of all roles together: each costs
	// about 64 bytes and a few nanoseconds a month.
	MaxOfficials = 1_000_000
	// MaxOrganizations bounds organizations.max.
	MaxOrganizations = 10000
	// MaxBeliefCells bounds organizations.max × edges: every organization
	// holds eight belief numbers per segment (64 bytes), so this is 128 MB.
	MaxBeliefCells = 2_000_000
	// MaxPaths bounds routes.paths, and MaxPathTotal the candidate paths of
	// all origin-market pairs together (Yen's algorithm costs grow with k).
	MaxPaths     = 50
	MaxPathTotal = 100_000
	// MaxHops bounds routes.max_hops.
	MaxHops = 40
	// MaxReplicates bounds replicates of one run.
	MaxReplicates = 100_000
	// MaxEvents bounds events and policy events of a scenario.
	MaxEvents = 10_000
)
