package scenario

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
)

// A Lever is a parameter that events may change at run time: a numeric or
// boolean field of Params, addressed by its dotted TOML path, or a
// segment's detection or closure, "edges[i].detect" and "edges[i].closed".
type Lever struct {
	Path  string
	Index []int        // field index in Params, for reflect.Value.FieldByIndex
	Kind  reflect.Kind // reflect.Float64, reflect.Int or reflect.Bool
	// Edge is the segment of a segment lever, -1 for a Params lever.
	Edge int
}

// Lever resolves path among the scenario's levers: the Params levers and
// the segment levers edges[i].detect and edges[i].closed, where the
// segment may also be named by its ends, edges[FROM>TO].detect.
func (s *Scenario) Lever(path string) (Lever, error) {
	if ref, field, ok := splitEdgePath(path); ok {
		i, err := s.EdgeIndex(ref)
		if err != nil {
			return Lever{}, err
		}
		switch field {
		case "detect":
			return Lever{Path: path, Kind: reflect.Float64, Edge: i}, nil
		case "closed":
			return Lever{Path: path, Kind: reflect.Bool, Edge: i}, nil
		}
		return Lever{}, fmt.Errorf("a segment's levers are detect and closed, not %q", field)
	}
	return LookupLever(path)
}

// splitEdgePath splits "edges[REF].FIELD".
func splitEdgePath(path string) (ref, field string, ok bool) {
	rest, ok := strings.CutPrefix(path, "edges[")
	if !ok {
		return "", "", false
	}
	ref, field, ok = strings.Cut(rest, "].")
	return ref, field, ok && ref != "" && field != ""
}

// EdgeIndex resolves a segment reference: its index in edges, or its ends
// written FROM>TO.
func (s *Scenario) EdgeIndex(ref string) (int, error) {
	if from, to, ok := strings.Cut(ref, ">"); ok {
		for i := range s.Edges {
			if s.Edges[i].From == from && s.Edges[i].To == to {
				return i, nil
			}
		}
		return 0, fmt.Errorf("no segment %s -> %s", from, to)
	}
	i, err := strconv.Atoi(ref)
	if err != nil {
		return 0, fmt.Errorf("a segment is edges[INDEX] or edges[FROM>TO], not edges[%s]", ref)
	}
	if i < 0 || i >= len(s.Edges) {
		return 0, fmt.Errorf("no segment edges[%d]: the scenario has %d", i, len(s.Edges))
	}
	return i, nil
}

var levers = collectLevers()

func collectLevers() map[string]Lever {
	m := make(map[string]Lever)
	var walk func(t reflect.Type, prefix string, index []int)
	walk = func(t reflect.Type, prefix string, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := f.Tag.Get("toml")
			if name == "" || name == "-" || f.Tag.Get("lever") == "no" {
				continue
			}
			idx := append(append([]int(nil), index...), i)
			path := prefix + name
			switch f.Type.Kind() {
			case reflect.Struct:
				walk(f.Type, path+".", idx)
			case reflect.Float64, reflect.Int, reflect.Bool:
				m[path] = Lever{Path: path, Index: idx, Kind: f.Type.Kind(), Edge: -1}
			}
		}
	}
	walk(reflect.TypeOf(Params{}), "", nil)
	return m
}

// LookupLever returns the lever at path, or an error that says why there is
// none and suggests the closest lever names.
func LookupLever(path string) (Lever, error) {
	if l, ok := levers[path]; ok {
		return l, nil
	}
	if v, err := tomlx.Resolve(&Params{}, path); err == nil && v.Kind() != reflect.Struct {
		// A parameter marked lever:"no" sizes or builds the model; saying
		// "unknown" of it, with look-alike suggestions, would mislead.
		return Lever{}, fmt.Errorf("not a lever: it is fixed for a run (it sizes or builds the model); change it in the file or with -set")
	}
	msg := "unknown lever"
	if s := closest(path, leverPaths, 3); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(quoteAll(s), " or "))
	}
	return Lever{}, fmt.Errorf("%s", msg)
}

// LeverPaths lists every lever path, sorted.
func LeverPaths() []string { return append([]string(nil), leverPaths...) }

// leverPaths is LeverPaths, sorted once: every unknown lever is compared
// with all of them.
var leverPaths = func() []string {
	out := make([]string, 0, len(levers))
	for p := range levers {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}()

// Get returns the lever's value in p as a float64 (booleans as 0 or 1).
func (l Lever) Get(p *Params) float64 {
	v := reflect.ValueOf(p).Elem().FieldByIndex(l.Index)
	switch l.Kind {
	case reflect.Bool:
		if v.Bool() {
			return 1
		}
		return 0
	case reflect.Int:
		return float64(v.Int())
	}
	return v.Float()
}

// Set assigns x to the lever in p; booleans take x != 0 and integers are
// rounded to the nearest integer.
func (l Lever) Set(p *Params, x float64) {
	v := reflect.ValueOf(p).Elem().FieldByIndex(l.Index)
	switch l.Kind {
	case reflect.Bool:
		v.SetBool(x != 0)
	case reflect.Int:
		if x >= 0 {
			v.SetInt(int64(x + 0.5))
		} else {
			v.SetInt(int64(x - 0.5))
		}
	default:
		v.SetFloat(x)
	}
}

// closest returns up to n candidates within a small edit distance of s.
func closest(s string, candidates []string, n int) []string {
	type scored struct {
		c string
		d int
	}
	var best []scored
	limit := len(s)/3 + 1
	for _, c := range candidates {
		d := editDistance(s, c)
		// A candidate that ends with what was typed ("same_clan" for
		// "bribe.same_clan") is as good as a near miss.
		if strings.HasSuffix(c, "."+s) {
			d = 1
		}
		if d <= limit {
			best = append(best, scored{c, d})
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].d < best[j].d })
	var out []string
	for i := 0; i < len(best) && i < n; i++ {
		out = append(out, best[i].c)
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

const (
	reflectBool = reflect.Bool
	reflectInt  = reflect.Int
)
