package version

import (
	"runtime/debug"
	"testing"
)

func TestFromSettings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		settings []debug.BuildSetting
		want     string
	}{
		{"none", nil, ""},
		{"clean", []debug.BuildSetting{{Key: "vcs.revision", Value: "3f2a9c1b7d0e55aa"}, {Key: "vcs.modified", Value: "false"}}, "3f2a9c1b7d0e"},
		{"dirty", []debug.BuildSetting{{Key: "vcs.revision", Value: "3f2a9c1b7d0e55aa"}, {Key: "vcs.modified", Value: "true"}}, "3f2a9c1b7d0e+dirty"},
		{"short", []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}, "abc"},
		{"modified without revision", []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}}, ""},
	}
	for _, tt := range tests {
		if got := fromSettings(tt.settings); got != tt.want {
			t.Errorf("%s: fromSettings = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStringStartsWithVersion(t *testing.T) {
	t.Parallel()
	if s := String(); len(s) < len(Version) || s[:len(Version)] != Version {
		t.Errorf("String() = %q, want it to start with %q", s, Version)
	}
}
