package main

import (
	"strings"
	"testing"
)

func TestCalibEditTOML(t *testing.T) {
	t.Parallel()
	const text = `name = "x"

[bribe]
intercept = -1.0  # assumed
same_clan = 1.2

[officials.police]
count     = 2500
integrity = { alpha = 3, beta = 2 }   # assumed
`
	tests := []struct {
		name string
		edit calibEdit
		want string // the edited lines, as they must appear
	}{
		{"a key with a comment", calibEdit{"bribe.intercept", "-0.5", "c"}, "intercept = -0.5  # assumed # c\n"},
		{"a key without one", calibEdit{"bribe.same_clan", "2", "c"}, "same_clan = 2 # c\n"},
		{"in an inline table", calibEdit{"officials.police.integrity.beta", "4.5", "c"}, "integrity = { alpha = 3, beta = 4.5 }   # assumed # c\n"},
		{"absent from its table", calibEdit{"bribe.peers", "3", "c"}, "[bribe]\npeers = 3  # c\nintercept = -1.0"},
		{"in a table absent from the file", calibEdit{"trial.c0", "-2", "c"}, "\n\n[trial]\nc0 = -2  # c\n"},
	}
	for _, tt := range tests {
		got, err := calibEditTOML("x.toml", []byte(text), []calibEdit{tt.edit})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !strings.Contains(string(got), tt.want) {
			t.Errorf("%s: the text does not hold %q:\n%s", tt.name, tt.want, got)
		}
		// Nothing else changed: every line but the edited one is still
		// there.
		_, key := calibSplitKey(tt.edit.path)
		for _, l := range strings.Split(text, "\n") {
			if !strings.Contains(l, key+" =") && !strings.Contains(string(got), l) {
				t.Errorf("%s: line %q is gone", tt.name, l)
			}
		}
	}
	if _, err := calibEditTOML("x.toml", []byte(text), []calibEdit{{"name", "1", "c"}}); err == nil {
		t.Error("a key outside any table was edited")
	}
}
