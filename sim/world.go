package sim

import (
	"fmt"
	"reflect"

	"github.com/krysha/krysha/internal/testhook"
	"github.com/krysha/krysha/sim/scenario"
)

// daysPerMonth converts travel days into monthly steps.
const daysPerMonth = 365.25 / 12

// never is the month index of "long before the run began".
const never = -1 << 30

// official is one border guard, police officer, immigration official,
// prosecutor or judge. It is identified by its index in World.officials.
type official struct {
	role      int8
	clan      int32
	patron    int32 // elite, -1 for none
	post      int32
	slot      int32
	lastBribe int32 // month index of the last accepted bribe
	listed    bool  // in World.corrupt
	integrity float64
}

// postState is the monthly state of a post.
type postState struct {
	corrupt int32
	peer    float64 // corrupt share of the post's officials last month
	income  float64 // bribe income, smoothed with patronage.rent_memory
}

// elite is a patron.
type elite struct {
	rents     float64 // smoothed monthly rents (USD)
	month     float64 // rents received this month
	influence float64
	loyalty   float64 // of its clients, from scare tactics
}

// org is a trafficking organization in a reusable slot.
type org struct {
	alive        bool
	drugs        bool
	people       bool
	gen          uint32 // incremented each time the slot is reused
	clan         int32
	base         int32
	origin       [2]int32 // where it buys each product, -1 for none
	cash         float64
	vehicles     int32
	busy         int32 // vehicles on the road
	members      int32
	founding     int32
	facilitators int32
	roof         int32 // elite selling it protection, -1 for none
	negMonths    int32
	idle         float64 // idle vehicles, a year's mean
	idleLast     int32   // idle vehicles last month
	costs        float64 // monthly outflows, a year's mean
	spent        float64 // outflows this month
	age          int32   // months since founding
	stash        float64 // kg at the stash
	immA, immB   float64 // belief that immigration officials sell papers
}

// shipment is a vehicle on the road.
type shipment struct {
	org     int32
	gen     uint32
	product int8
	channel int8
	seg     int16 // next segment to cross
	age     int16 // months on the road
	route   int32 // index in network.all
	qty     float64
	value   float64 // market value of the cargo
	cost    float64 // purchase cost of the cargo
}

// kase is a criminal case in the pipeline.
type kase struct {
	org       int32
	gen       uint32
	product   int8
	testimony bool
	opened    int32
	due       int32 // month of the verdict, once prosecuted
	evidence  float64
}

// ledger counts money in and out of the model so that its conservation can
// be checked: organizations' cash, officials' income, elites' rents and the
// state's confiscations change only by these flows.
type ledger struct {
	In        float64 // sales to consumers and exploiters, newcomers' capital
	Out       float64 // purchases, transport, vehicles, penalties, fees, rackets, setup
	Officials float64 // bribes kept by officials
	Elites    float64 // rents and roof fees received by elites
	State     float64 // cash confiscated at convictions
	Exited    float64 // cash of organizations when they ended
}

// World is the state of one run. A worker makes one World per Model and
// reuses it across replicates with Reset.
type World struct {
	m   *Model
	p   scenario.Params // live parameters, changed by events
	r   rng
	t   int // months stepped
	rep int // the replicate, for testhook

	officials []official
	corrupt   []int32 // officials who took a bribe within corrupt_memory
	slots     []int32 // official in each slot
	posts     []postState
	elites    []elite
	dominant  int32
	orgs      []org
	beliefs   []float64 // per org and segment: beliefStride numbers, divided by forget
	forget    float64   // product of routes.memory over the months so far
	public    []float64 // per segment, outcomes of all organizations
	exposure  []float64 // per org and elite: costs met at the elite's clients' posts
	ships     []shipment
	cases     []kase
	free      []int32 // slots of closed cases
	queue     [2][]int32
	qhead     [2]int
	trials    []int32
	credit    [2]float64
	next      int // next lever change

	// Segment levers: base detection hazard and closure.
	detect []float64
	closed []bool
	// Targeting: value that crossed each segment (smoothed) and the resulting
	// detection multiplier.
	intel  []float64
	target []float64

	// Derived each month from the levers.
	pDet          [][nChan]float64
	salary        [nRoles]float64
	audit         float64
	identify      float64
	testify       float64
	finHazard     float64
	training      float64
	coordination  float64
	capacity      [2]float64
	investigators float64
	trainingStock float64

	// Scratch, reused every month.
	prior    [nChan][2]float64 // Beta prior on detection per channel
	pass     [nChan][]float64  // believed chance of passing each segment
	paid     [nChan][]float64  // believed chance of paying a bribe on it
	surv     [2][]float64      // per trie node, by walk: undocumented, papers
	bribes   [2][]float64
	alts     []alt
	loads    []load       // per route, this month
	outside  float64      // weight of staying home among w.alts
	total    float64      // of all weights, staying home included
	best     float64      // largest value among w.alts and staying home
	vehicles [2][]float64 // per node
	perm     []int32
	taken    []bool
	order    []int32
	heldPre  []float64
	heldPost []float64

	seg    []SegmentStats // per segment and product, this month
	routed []float64      // shipments launched per route, this month
	rec    Record
	ledger ledger
	start  float64 // capital at Reset, for the ledger
}

// Beliefs: detection a and b for each channel, then acceptance a and b.
const (
	beliefStride = 2*nChan + 2
	accA         = 2 * nChan
	accB         = accA + 1
)

// NewWorld allocates a World for m. Call Reset before stepping it.
func (m *Model) NewWorld() *World {
	sc := m.sc
	nOrg := sc.Organizations.Max
	nEdge := len(m.net.edges)
	nOff := 0
	for r := 0; r < nRoles; r++ {
		nOff += int(m.roleCount[r])
	}
	w := &World{
		m:         m,
		officials: make([]official, nOff),
		slots:     make([]int32, m.nSlots),
		posts:     make([]postState, len(m.posts)),
		elites:    make([]elite, len(sc.Elites)),
		orgs:      make([]org, nOrg),
		beliefs:   make([]float64, nOrg*nEdge*beliefStride),
		public:    make([]float64, nEdge*beliefStride),
		exposure:  make([]float64, nOrg*len(sc.Elites)),
		pDet:      make([][nChan]float64, nEdge),
		detect:    make([]float64, nEdge),
		closed:    make([]bool, nEdge),
		intel:     make([]float64, nEdge),
		target:    make([]float64, nEdge),
		seg:       make([]SegmentStats, 2*nEdge),
		routed:    make([]float64, len(m.net.all)),
		loads:     make([]load, len(m.net.all)),
		perm:      make([]int32, nOff),
		taken:     make([]bool, nOff),
		order:     make([]int32, 0, len(m.posts)),
		heldPre:   make([]float64, len(sc.Elites)),
		heldPost:  make([]float64, len(sc.Elites)),
	}
	for c := 0; c < nChan; c++ {
		w.pass[c] = make([]float64, nEdge)
		w.paid[c] = make([]float64, nEdge)
	}
	for i := range w.loads {
		w.loads[i].node = m.net.all[i].node // fixed; the rest is priced monthly
	}
	for p := 0; p < 2; p++ {
		w.vehicles[p] = make([]float64, len(sc.Nodes))
		w.surv[p] = make([]float64, m.net.maxTrie)
		w.bribes[p] = make([]float64, m.net.maxTrie)
	}
	return w
}

// Reset starts replicate rep of seed: the same (seed, rep) always gives
// the same run.
func (w *World) Reset(seed uint64, rep int) {
	m := w.m
	sc := m.sc
	w.p = sc.Params
	for i := range sc.Edges {
		w.detect[i] = sc.Edges[i].Detect
		w.closed[i] = sc.Edges[i].Closed
	}
	w.r.seed(seed, rep)
	w.rep = rep
	w.t = 0
	w.next = 0
	w.ledger = ledger{}
	w.ships = w.ships[:0]
	w.cases = w.cases[:0]
	w.free = w.free[:0]
	w.corrupt = w.corrupt[:0]
	w.trials = w.trials[:0]
	for p := 0; p < 2; p++ {
		w.queue[p] = w.queue[p][:0]
		w.qhead[p] = 0
		w.credit[p] = 0
	}
	w.trainingStock = 0
	clear(w.beliefs)
	clear(w.public)
	clear(w.intel)
	w.forget = 1
	clear(w.exposure)
	clear(w.posts)

	for e := range w.elites {
		// The starting yearly rents as a smoothed stock: the steady state
		// of monthly rents R/12 decaying by rent_memory m is R/12/(1-m).
		r := sc.Elites[e].Rents / 12
		if m := w.p.Patronage.RentMemory; m < 1 {
			r /= 1 - m
		}
		w.elites[e] = elite{rents: r}
	}
	w.updateInfluence()
	for pi := range m.posts {
		po := &m.posts[pi]
		r := int(po.role)
		for k := int32(0); k < po.n; k++ {
			slot := po.first + k
			id := m.roleStart[r] + (slot - m.roleSlot[r])
			w.officials[id] = official{role: int8(r), post: int32(pi), slot: slot}
			w.slots[slot] = id
			w.appoint(id, false)
		}
	}
	for g := range w.orgs {
		w.orgs[g] = org{roof: -1, origin: [2]int32{-1, -1}}
	}
	w.start = 0
	for i, oi := range m.orgs {
		w.found(int32(i), oi)
		w.start += oi.capital
	}
	w.rec = Record{}
}

// Step advances the world by one month.
func (w *World) Step() {
	if testhook.StepPanics(w.m.sc.Name, w.rep, w.t) {
		panic(fmt.Sprintf("testhook: a panic forced in month %d of replicate %d", w.t, w.rep))
	}
	w.rec = Record{}
	clear(w.seg)
	clear(w.routed)
	w.applyChanges()
	w.updateEnforcement()
	w.updateLoads()
	w.updatePriors()
	w.decayBeliefs()
	if pr := w.p.Patronage.RotationMonths; w.p.Mechanisms.Patronage && pr > 0 && w.t > 0 && w.t%pr == 0 {
		w.rotate()
	}
	w.enter()
	w.decide()
	w.launch()
	w.advance()
	w.sellStash()
	w.investigate()
	w.tryCases()
	w.investigateFinances()
	w.orgsMonth()
	w.officialsMonth()
	w.elitesMonth()
	w.recordStocks()
	w.t++
}

// Month returns the metrics of the last step.
func (w *World) Month() *Record { return &w.rec }

// T is the number of months stepped since Reset.
func (w *World) T() int { return w.t }

// Run resets w to (seed, rep) and steps it through the scenario, writing
// one record a month into out, which must hold Model.Months records.
func (w *World) Run(seed uint64, rep int, out []Record) {
	w.Reset(seed, rep)
	for i := range out[:w.m.months] {
		w.Step()
		out[i] = w.rec
	}
}

// applyChanges applies the lever changes due this month.
func (w *World) applyChanges() {
	for w.next < len(w.m.changes) && int(w.m.changes[w.next].t) <= w.t {
		c := &w.m.changes[w.next]
		w.next++
		if e := c.lever.Edge; e >= 0 {
			switch {
			case c.lever.Kind == reflect.Bool:
				w.closed[e] = c.value != 0
			case c.scale:
				w.detect[e] *= c.value
			default:
				w.detect[e] = c.value
			}
			continue
		}
		if c.scale {
			c.lever.Set(&w.p, c.lever.Get(&w.p)*c.value)
		} else {
			c.lever.Set(&w.p, c.value)
		}
	}
}
