package tomlx

import (
	"reflect"
	"slices"
	"strings"
)

// field is one TOML key of a struct and where it lives in the Go value.
type field struct {
	name  string
	index []int // for reflect.Value.FieldByIndex, through embedded structs
}

// fieldsOf lists the keys of struct type t in declaration order. Fields are
// named by their `toml:"name"` tag, else by their lower-cased Go name;
// `toml:"-"` and unexported fields are skipped. An embedded struct without
// a tag is flattened, because Go code embeds to share parameters while the
// file stays flat. A key defined directly in t wins over one promoted from
// an embedded struct; between embedded structs, the first one wins.
func fieldsOf(t reflect.Type) []field {
	var direct, promoted []field
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			for _, sub := range fieldsOf(f.Type) {
				sub.index = append([]int{i}, sub.index...)
				promoted = append(promoted, sub)
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		name := tag
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		direct = append(direct, field{name: name, index: []int{i}})
	}
	seen := make(map[string]bool, len(direct)+len(promoted))
	out := make([]field, 0, len(direct)+len(promoted))
	for _, f := range direct {
		if !seen[f.name] {
			seen[f.name] = true
			out = append(out, f)
		}
	}
	for _, f := range promoted {
		if !seen[f.name] {
			seen[f.name] = true
			out = append(out, f)
		}
	}
	// Keep declaration order for listings, embedded fields in place.
	slices.SortFunc(out, func(a, b field) int { return slices.Compare(a.index, b.index) })
	return out
}

// lookup finds the field named name.
func lookup(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// fieldNames lists the names of fs, for suggestions.
func fieldNames(fs []field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

// Nearest returns the candidate closest to word, if it is close enough to
// be a likely typo: at most one edit for short words, two for words of
// five letters or more, ignoring case. Ties go to the earlier candidate,
// so pass candidates in declaration order.
func Nearest(word string, candidates []string) (string, bool) {
	limit := 1
	if len(word) >= 5 {
		limit = 2
	}
	best, bestDist := "", limit+1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		if d := editDistance(lw, strings.ToLower(c), bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// suggest is " (did you mean "x"?)" or "".
func suggest(word string, candidates []string) string {
	if c, ok := Nearest(word, candidates); ok {
		return ` (did you mean "` + c + `"?)`
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b in bytes, or
// any value >= limit once it is known to be at least limit; the cut-off
// keeps a long key compared with many candidates cheap.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
