package main

import (
	"context"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		golden string
		files  []string
		code   int
	}{
		{"validate-ok.txt", []string{"testdata/small.toml"}, 0},
		{"validate-default.txt", nil, 0},
		{"validate-bad.txt", []string{
			"testdata/bad_keys.toml", "testdata/small.toml", "testdata/bad_values.toml", "testdata/bad_syntax.toml",
			"testdata/missing_observed.toml", "testdata/bad_observed.toml", "testdata/nosuch.toml",
		}, 2},
	}
	for _, tt := range tests {
		code, out, errOut := krysha(context.Background(), append([]string{"validate"}, tt.files...)...)
		if code != tt.code || errOut != "" {
			t.Errorf("validate %s: exit %d, stderr %q; want %d and nothing", strings.Join(tt.files, " "), code, errOut, tt.code)
		}
		golden(t, tt.golden, out)
	}
}
