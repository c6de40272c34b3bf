package tomlx

import (
	"reflect"
	"testing"
)

func TestParsePath(t *testing.T) {
	t.Parallel()
	k := func(s string) segment { return segment{key: s} }
	i := func(n int) segment { return segment{index: n, isIdx: true} }
	tests := []struct {
		in        string
		want      []segment
		canonical string // formatPath(want)
	}{
		{"a", []segment{k("a")}, "a"},
		{"a.b-c.d_e", []segment{k("a"), k("b-c"), k("d_e")}, "a.b-c.d_e"},
		{"edges[3].detect", []segment{k("edges"), i(3), k("detect")}, "edges[3].detect"},
		{"grid[1][0]", []segment{k("grid"), i(1), i(0)}, "grid[1][0]"},
		{`event[2].set."enforcement.budget"`, []segment{k("event"), i(2), k("set"), k("enforcement.budget")}, `event[2].set."enforcement.budget"`},
		{`event[2].set.'enforcement.budget'`, []segment{k("event"), i(2), k("set"), k("enforcement.budget")}, `event[2].set."enforcement.budget"`},
		{`"a b"."q\"uote"`, []segment{k("a b"), k(`q"uote`)}, `"a b"."q\"uote"`},
		{` a . b [ 1 ] `, []segment{k("a"), k("b"), i(1)}, "a.b[1]"},
		{`""`, []segment{k("")}, `""`},
	}
	for _, tt := range tests {
		got, err := parsePath(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parsePath(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			continue
		}
		if c := formatPath(got); c != tt.canonical {
			t.Errorf("formatPath(parsePath(%q)) = %q, want %q", tt.in, c, tt.canonical)
		}
	}
	for _, bad := range []string{"", "[0]", "a[", "a[x]", "a[-1]", "a..b", "a.", `a."b`, "a'b", "a b", "a.[0]", "é"} {
		if got, err := parsePath(bad); err == nil {
			t.Errorf("parsePath(%q) = %v, want an error", bad, got)
		}
	}
}
