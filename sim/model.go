// Package sim is krysha's engine: the model of trafficking organizations,
// officials, elites and the enforcement pipeline, advanced one month at a
// time by World.Step.
//
// The engine is a pure state machine. A run is a function of (scenario,
// seed, replicate) only: it reads no files, flags or clocks, starts no
// goroutines and keeps no global state, so that runs can be spread over
// any number of workers and machines and still give identical results.
// Agents live in slices indexed by int32; the monthly loop does not
// allocate once a World has warmed up.
package sim

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/krysha/krysha/sim/scenario"
)

// Roles, in the order of scenario.RoleNames.
const (
	roleBorderGuard = iota
	rolePolice
	roleImmigration
	roleProsecutor
	roleJudge
	nRoles
)

// postInfo is a compiled post: a checkpoint on a segment, or the pool of a
// role (edge -1) from which patrols, prosecutors and judges are drawn.
type postInfo struct {
	role  int8
	edge  int32
	first int32 // first slot in World.slots
	n     int32 // slots
	dist  int8  // clan distribution new appointees are drawn from
}

// change is one compiled lever change of an event.
type change struct {
	t     int32 // month index from the start
	lever scenario.Lever
	scale bool
	value float64
}

// orgInit is a compiled starting organization.
type orgInit struct {
	clan         int32
	base         int32 // node
	drugs        bool
	people       bool
	capital      float64
	vehicles     int32
	members      int32
	facilitators int32
	roof         int32
}

// Model is a scenario compiled for simulation. It is read-only once built
// and shared by every World that runs it.
type Model struct {
	sc     *scenario.Scenario
	net    *network
	posts  []postInfo
	pool   [nRoles]int32 // pool post of each role, -1 if the role has no one left
	nSlots int
	// roleCount is the officials of each role; officials of role r occupy
	// ids [roleStart[r], roleStart[r]+roleCount[r]).
	roleCount [nRoles]int32
	roleStart [nRoles]int32
	// roleSlot is the first slot of each role.
	roleSlot [nRoles]int32
	// clanCum[d] is the cumulative weight over clans of distribution d:
	// 0 is every clan, 1..3 the clans of the senior, middle, junior zhuz.
	clanCum      [4][]float64
	eliteClan    []int32
	elitesOfClan [][]int32
	changes      []change
	orgs         []orgInit
	months       int
	// postOfEdge is the post that mans or patrols each segment.
	postOfEdge []int32
}

// Scenario returns the scenario the model was built from.
func (m *Model) Scenario() *scenario.Scenario { return m.sc }

// Months is the number of months of a run.
func (m *Model) Months() int { return m.months }

// NewModel compiles a scenario. The scenario must not change afterwards.
// It returns an error listing the scenario's problems if it is invalid.
func NewModel(sc *scenario.Scenario) (*Model, error) {
	if probs := sc.Validate(); len(probs) > 0 {
		var b strings.Builder
		for i, p := range probs {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%s: %s", p.Key, p.Msg)
		}
		return nil, errors.New(b.String())
	}
	m := &Model{sc: sc, months: sc.Months()}
	m.buildPosts()
	m.net = buildNetwork(sc, func(e int) int32 { return m.postOfEdge[e] })
	m.buildClans()
	m.buildOrgs()
	m.buildChanges()
	return m, nil
}

func (m *Model) buildPosts() {
	sc := m.sc
	roles := sc.Officials.Roles()
	zhuzOf := map[string]int8{"senior": 1, "middle": 2, "junior": 3}
	nodeZhuz := map[string]int8{}
	for _, n := range sc.Nodes {
		nodeZhuz[n.ID] = zhuzOf[n.Zhuz]
	}
	start := int32(0)
	for r := range roles {
		m.roleCount[r] = int32(roles[r].Count)
		m.roleStart[r] = start
		start += m.roleCount[r]
	}
	m.postOfEdge = make([]int32, len(sc.Edges))
	used := [nRoles]int32{}
	for i := range sc.Edges {
		e := &sc.Edges[i]
		if !e.Checkpoint {
			continue
		}
		r := slices.Index(scenario.RoleNames, e.PostRole())
		m.postOfEdge[i] = int32(len(m.posts))
		m.posts = append(m.posts, postInfo{role: int8(r), edge: int32(i), n: int32(e.Guards), dist: nodeZhuz[e.From]})
		used[r] += int32(e.Guards)
	}
	for r := 0; r < nRoles; r++ {
		m.pool[r] = -1
		if left := m.roleCount[r] - used[r]; left > 0 {
			m.pool[r] = int32(len(m.posts))
			m.posts = append(m.posts, postInfo{role: int8(r), edge: -1, n: left})
		}
	}
	foreign := sc.ForeignFunc()
	for i := range sc.Edges {
		switch {
		case foreign(&sc.Edges[i]):
			m.postOfEdge[i] = -1
		case !sc.Edges[i].Checkpoint:
			r := slices.Index(scenario.RoleNames, sc.Edges[i].PostRole())
			m.postOfEdge[i] = m.pool[r]
		}
	}
	// Slots are laid out post by post, grouped by role, so that the
	// officials of a role fill a contiguous range of slots.
	first := int32(0)
	for r := 0; r < nRoles; r++ {
		m.roleSlot[r] = first
		for i := range m.posts {
			if int(m.posts[i].role) == r {
				m.posts[i].first = first
				first += m.posts[i].n
			}
		}
	}
	m.nSlots = int(first)
}

func (m *Model) buildClans() {
	sc := m.sc
	zhuzOf := map[string]int{"senior": 1, "middle": 2, "junior": 3}
	for d := 0; d < 4; d++ {
		cum := make([]float64, len(sc.Clans))
		total := 0.0
		for i, c := range sc.Clans {
			if d == 0 || zhuzOf[c.Zhuz] == d {
				total += c.Weight
			}
			cum[i] = total
		}
		if total == 0 {
			cum = m.clanCum[0] // no clan of that zhuz: draw from all
		}
		m.clanCum[d] = cum
	}
	clanIdx := map[string]int32{}
	for i, c := range sc.Clans {
		clanIdx[c.Name] = int32(i)
	}
	m.elitesOfClan = make([][]int32, len(sc.Clans))
	for i, e := range sc.Elites {
		c := clanIdx[e.Clan]
		m.eliteClan = append(m.eliteClan, c)
		m.elitesOfClan[c] = append(m.elitesOfClan[c], int32(i))
	}
}

func (m *Model) buildOrgs() {
	sc := m.sc
	clanIdx := map[string]int32{}
	for i, c := range sc.Clans {
		clanIdx[c.Name] = int32(i)
	}
	nodeIdx := map[string]int32{}
	for i, n := range sc.Nodes {
		nodeIdx[n.ID] = int32(i)
	}
	eliteIdx := map[string]int32{}
	for i, e := range sc.Elites {
		eliteIdx[e.Name] = int32(i)
	}
	for _, o := range sc.Orgs {
		roof := int32(-1)
		if o.Roof != "" {
			roof = eliteIdx[o.Roof]
		}
		m.orgs = append(m.orgs, orgInit{
			clan: clanIdx[o.Clan], base: nodeIdx[o.Origin],
			drugs: slices.Contains(o.Products, scenario.Drugs), people: slices.Contains(o.Products, scenario.People),
			capital: o.Capital, vehicles: int32(o.Vehicles), members: int32(o.Members),
			facilitators: int32(o.Facilitators), roof: roof,
		})
	}
}

// buildChanges compiles the events into lever changes in time order; within
// an event, sets come before scales, each in key order, as Event.Apply does.
func (m *Model) buildChanges() {
	evs := make([]*scenario.Event, len(m.sc.Events))
	for i := range m.sc.Events {
		evs[i] = &m.sc.Events[i]
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].At < evs[j].At })
	for _, ev := range evs {
		t := int32(ev.At - m.sc.Start)
		for _, k := range sortedKeys(ev.Set) {
			l, _ := m.sc.Lever(k)
			v := 0.0
			switch x := ev.Set[k].(type) {
			case bool:
				if x {
					v = 1
				}
			case float64:
				v = x
			}
			m.changes = append(m.changes, change{t: t, lever: l, value: v})
		}
		for _, k := range sortedKeys(ev.Scale) {
			l, _ := m.sc.Lever(k)
			m.changes = append(m.changes, change{t: t, lever: l, scale: true, value: ev.Scale[k]})
		}
	}
}

func sortedKeys[V any](mp map[string]V) []string {
	out := make([]string, 0, len(mp))
	for k := range mp {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
