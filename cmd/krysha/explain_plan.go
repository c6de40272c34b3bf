package main

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/analysis/shapley"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// A player is what an explanation switches off as one: a mechanism, or
// a group of mechanisms (-group) that count as one player.
type explainPlayer struct {
	Name       string   `json:"name"`
	Mechanisms []string `json:"mechanisms"` // their keys under [mechanisms]
}

// explainMechanismNames are the keys of the scenario's [mechanisms] table, in
// the order of scenario.Mechanisms, and whether each is on in sc.
func explainMechanismNames(sc *scenario.Scenario) (names []string, on []bool) {
	v := reflect.ValueOf(sc.Mechanisms)
	t := v.Type()
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if tag == "" || tag == "-" || t.Field(i).Type.Kind() != reflect.Bool {
			continue
		}
		names = append(names, tag)
		on = append(on, v.Field(i).Bool())
	}
	return names, on
}

// players returns the players: the groups (-group name=a,b,c,
// each mechanism in one group at most) and the mechanisms, chosen by
// -mechanisms (names of mechanisms or groups) or, by default, every
// group and every mechanism on in the scenario and in no group. It
// returns the mechanisms left out because the scenario has them off.
func explainPlayers(sc *scenario.Scenario, groups []string, chosen string) ([]explainPlayer, []string, error) {
	names, on := explainMechanismNames(sc)
	isOn := map[string]bool{}
	for i, n := range names {
		isOn[n] = on[i]
	}
	known := func(m string) error {
		if _, ok := isOn[m]; ok {
			return nil
		}
		msg := fmt.Sprintf("unknown mechanism %q", m)
		if s, ok := tomlx.Nearest(m, names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return fmt.Errorf("%s; the mechanisms are %s", msg, strings.Join(names, ", "))
	}
	var gs []explainPlayer
	inGroup := map[string]string{}
	for _, g := range groups {
		name, list, ok := strings.Cut(g, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.TrimSpace(list) == "" {
			return nil, nil, fmt.Errorf("-group %s: want name=mechanism,mechanism,...", g)
		}
		if _, clash := isOn[name]; clash {
			return nil, nil, fmt.Errorf("-group %s: %q is a mechanism's name; name the group otherwise", g, name)
		}
		p := explainPlayer{Name: name}
		for _, m := range strings.Split(list, ",") {
			m = strings.TrimSpace(m)
			if err := known(m); err != nil {
				return nil, nil, fmt.Errorf("-group %s: %v", g, err)
			}
			if other, dup := inGroup[m]; dup {
				return nil, nil, fmt.Errorf("-group %s: %s is already in group %s", g, m, other)
			}
			inGroup[m] = name
			p.Mechanisms = append(p.Mechanisms, m)
		}
		if slices.ContainsFunc(gs, func(q explainPlayer) bool { return q.Name == name }) {
			return nil, nil, fmt.Errorf("-group %s: a second group named %s", g, name)
		}
		gs = append(gs, p)
	}
	var players []explainPlayer
	var off []string
	if strings.TrimSpace(chosen) == "" {
		for i, n := range names {
			switch {
			case inGroup[n] != "":
			case !on[i]:
				off = append(off, n)
			default:
				players = append(players, explainPlayer{Name: n, Mechanisms: []string{n}})
			}
		}
		players = append(players, gs...)
	} else {
		for _, n := range strings.Split(chosen, ",") {
			n = strings.TrimSpace(n)
			if i := slices.IndexFunc(gs, func(q explainPlayer) bool { return q.Name == n }); i >= 0 {
				players = append(players, gs[i])
				continue
			}
			if err := known(n); err != nil {
				return nil, nil, fmt.Errorf("-mechanisms: %v", err)
			}
			if g := inGroup[n]; g != "" {
				return nil, nil, fmt.Errorf("-mechanisms: %s is in group %s; name the group", n, g)
			}
			players = append(players, explainPlayer{Name: n, Mechanisms: []string{n}})
		}
	}
	seen := map[string]bool{}
	for _, p := range players {
		if seen[p.Name] {
			return nil, nil, fmt.Errorf("-mechanisms: %s is named twice", p.Name)
		}
		seen[p.Name] = true
		for _, m := range p.Mechanisms {
			if !isOn[m] {
				return nil, nil, fmt.Errorf("mechanism %s is off in the scenario: switching it off changes nothing, so it cannot be a player", m)
			}
		}
	}
	if len(players) == 0 {
		return nil, nil, fmt.Errorf("no mechanism to attribute the change to")
	}
	if len(players) > shapley.MaxPlayers {
		return nil, nil, fmt.Errorf("%d players; at most %d", len(players), shapley.MaxPlayers)
	}
	return players, off, nil
}

// explainArms are the arms of an explanation: arm i is the coalition
// Masks[i], every player outside it switched off from Since by an event
// added to the scenario's.
type explainArms struct {
	players []explainPlayer
	masks   []shapley.Mask
	since   scenario.Month
	base    []scenario.Event // the scenario's events, for the commands
}

func (a *explainArms) Len() int { return len(a.masks) }

// Columns are the players' names: a cell is 1 where the player is on.
func (a *explainArms) Columns() []string {
	out := make([]string, len(a.players))
	for i, p := range a.players {
		out[i] = p.Name
	}
	return out
}

// Arm returns coalition i. Its command reproduces it with the whole
// list of events as one -set, since `krysha run` has no other way to
// add an event: the scenario's own events and the one that switches the
// players off.
func (a *explainArms) Arm(i int) experiment.Arm {
	m := a.masks[i]
	arm := experiment.Arm{Cells: make([]string, len(a.players)), Args: []string{}}
	off := map[string]any{}
	for j, p := range a.players {
		if m.Has(j) {
			arm.Cells[j] = "1"
			continue
		}
		arm.Cells[j] = "0"
		for _, mech := range p.Mechanisms {
			off["mechanisms."+mech] = false
		}
	}
	if len(off) == 0 {
		return arm
	}
	ev := scenario.Event{At: a.since, Note: "krysha explain: switched off", Set: off}
	arm.Events = []scenario.Event{ev}
	arm.Args = []string{"-set", "event=" + explainEventsTOML(append(slices.Clone(a.base), ev))}
	return arm
}

// explainEventsTOML writes events as a TOML inline array, as -set reads it:
// their months and levers, in sorted order, without notes.
func explainEventsTOML(events []scenario.Event) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, ev := range events {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "{at=%q", ev.At.String())
		if len(ev.Set) > 0 {
			b.WriteString(",set={")
			for k, key := range slices.Sorted(maps.Keys(ev.Set)) {
				if k > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, "%q=%s", key, explainTOMLValue(ev.Set[key]))
			}
			b.WriteByte('}')
		}
		if len(ev.Scale) > 0 {
			b.WriteString(",scale={")
			for k, key := range slices.Sorted(maps.Keys(ev.Scale)) {
				if k > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, "%q=%s", key, explainTOMLValue(ev.Scale[key]))
			}
			b.WriteByte('}')
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return b.String()
}

// explainTOMLValue writes a lever's value as TOML: a boolean, or a number in
// its shortest exact form.
func explainTOMLValue(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return strconv.Quote(x)
	}
	return strconv.Quote(fmt.Sprint(v))
}
