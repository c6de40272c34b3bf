package tomlx

import (
	"strings"
	"testing"
)

// linesWith lists the 1-based lines of text that contain marker.
func linesWith(text, marker string) []int {
	var out []int
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, marker) {
			out = append(out, i+1)
		}
	}
	return out
}

// lineEnding returns the line of text that ends with suffix, which must be
// unique.
func lineEnding(t *testing.T, text, suffix string) int {
	t.Helper()
	found := 0
	for i, l := range strings.Split(text, "\n") {
		if strings.HasSuffix(l, suffix) {
			if found != 0 {
				t.Fatalf("two lines end with %q", suffix)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("no line ends with %q", suffix)
	}
	return found
}
