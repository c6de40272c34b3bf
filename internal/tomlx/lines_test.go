package tomlx

import (
	"strings"
	"testing"
)

// linesDoc puts every construct the scanner must understand next to text
// that could fool it: comments, strings and multi-line strings holding
// "=", "[" and "#".
const linesDoc = `# [not.a.table] = 1
title = "a [b] = c # d"                 # L-title
"quoted.key" = 1                        # L-quoted
'lit key' = 2                           # L-lit
"esc\"aped" = 3                         # L-esc
a.b.c = 3                               # L-abc
a . "d.e" = 4                           # L-ade
text = """                              # L-text
[fake]
fake = 1
\"""[also fake]
"""
after = 1                               # L-after
raw = '''
[[fake]] = '
'''
after2 = 2                              # L-after2
mixed = [1, 2,                          # L-mixed
  3]                                    # L-mixed2
nodes = [                               # L-nodes
  { id = "a" },                         # L-node0
  # a comment { id = "nope" }
  { id = "b", pos = { x = 1, y = [     # L-node1
      5 ] } },                          # L-node1y0
]
set = { "enforcement.budget" = 1.5, grid = [[1], [2, 3]] }  # L-set
date = 1979-05-27 07:32:00Z             # L-date
d2 = 1                                  # L-d2

[[policy]]                              # L-p0
name = "p0"                             # L-p0name
[[policy.events]]                       # L-p0e0
at = 1                                  # L-p0e0at
[[policy.events]]                       # L-p0e1
at = 2                                  # L-p0e1at
[policy.limits]                         # L-p0lim
max = 1                                 # L-p0max

[[policy]]                              # L-p1
[[policy.events]]                       # L-p1e0
at = 3                                  # L-p1e0at

[server.limits]                         # L-srv
"max.conn" = 10                         # L-maxconn
`

func TestLine(t *testing.T) {
	t.Parallel()
	doc, err := Parse([]byte(linesDoc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, end string }{ // end: how the line ends
		{"title", "# L-title"},
		{`"quoted.key"`, "# L-quoted"},
		{`'quoted.key'`, "# L-quoted"}, // any spelling of the same key
		{`"lit key"`, "# L-lit"},
		{`"esc\"aped"`, "# L-esc"},
		{"a", "# L-abc"},
		{"a.b", "# L-abc"},
		{"a.b.c", "# L-abc"},
		{`a."d.e"`, "# L-ade"},
		{"text", "# L-text"},
		{"after", "# L-after"},
		{"raw", "raw = '''"},
		{"after2", "# L-after2"},
		{"mixed[1]", "# L-mixed"},
		{"mixed[2]", "# L-mixed2"},
		{"nodes", "# L-nodes"},
		{"nodes[0]", "# L-node0"},
		{"nodes[0].id", "# L-node0"},
		{"nodes[1].id", "# L-node1"},
		{"nodes[1].pos.y", "# L-node1"},
		{"nodes[1].pos.y[0]", "# L-node1y0"},
		{`set."enforcement.budget"`, "# L-set"},
		{"set.grid[1][0]", "# L-set"},
		{"date", "# L-date"},
		{"d2", "# L-d2"},
		{"policy", "# L-p0"},
		{"policy[0]", "# L-p0"},
		{"policy[0].name", "# L-p0name"},
		{"policy[0].events[0]", "# L-p0e0"},
		{"policy[0].events[0].at", "# L-p0e0at"},
		{"policy[0].events[1].at", "# L-p0e1at"},
		{"policy[0].limits.max", "# L-p0max"},
		{"policy[1]", "# L-p1"},
		{"policy[1].events[0]", "# L-p1e0"},
		{"policy[1].events[0].at", "# L-p1e0at"},
		{"server", "# L-srv"},
		{`server.limits."max.conn"`, "# L-maxconn"},
		// Keys the document lacks fall back to the nearest known ancestor.
		{"policy[1].events[0].missing", "# L-p1e0"},
		{"nodes[7].id", "# L-nodes"},
		{"a.b.c.d", "# L-abc"},
	}
	for _, tt := range tests {
		want := lineEnding(t, linesDoc, tt.end)
		if got := doc.Line(tt.path); got != want {
			t.Errorf("Line(%s) = %d, want %d", tt.path, got, want)
		}
	}
	for _, path := range []string{"nope", "fake", `"[fake]"`, "also", "", "a..b"} {
		if got := doc.Line(path); got != 0 {
			t.Errorf("Line(%q) = %d, want 0", path, got)
		}
	}
}

// TestScanLinesBounded checks the limits that keep the scanner linear on
// hostile input: nesting and dotted keys beyond the limits are refused, and
// a budget caps the bytes of paths recorded.
func TestScanLinesBounded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		text    string
		refused bool
	}{
		{"deep arrays", "x = " + strings.Repeat("[", 100000), true},
		{"deep tables", "\nx = " + strings.Repeat("{a=", 100000), true},
		{"long header", "[" + strings.Repeat("a.", 200000) + "a]\nb=1\nc=2\n", true},
		{"long key", "x." + strings.Repeat("a.", 200000) + "a = 1\n", true},
		{"many long keys", "[" + strings.Repeat("k", 3000) + "]\n" + strings.Repeat("b=1\n", 100000), false},
		{"unterminated", `x = """` + strings.Repeat(`\`, 10001), false},
		{"brackets in strings", "x = '" + strings.Repeat("[", 1000) + "'\ny = \"" + strings.Repeat("{", 1000) + "\"\n", false},
	}
	for _, tt := range tests {
		lines, refused := scanLines([]byte(tt.text))
		if (refused != nil) != tt.refused {
			t.Errorf("%s: refused = %v, want refused %v", tt.name, refused, tt.refused)
		}
		var bytes int
		for p := range lines {
			bytes += len(p)
		}
		// The budget in scanLines is 4 MiB plus 32 bytes per input byte;
		// one path may overshoot it before the scan stops.
		if limit := 1<<22 + 33*len(tt.text); bytes > limit {
			t.Errorf("%s: %d bytes of paths for %d bytes of input", tt.name, bytes, len(tt.text))
		}
	}
}
