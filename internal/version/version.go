// Package version says which krysha this is, for `krysha version` and
// the manifest of every run directory, so that a result can be traced to
// the code that made it.
package version

import (
	"runtime/debug"
	"sync"
)

// Version is krysha's release. A release build may set it with
//
//	go build -ldflags "-X github.com/krysha/krysha/internal/version.Version=0.1.0"
var Version = "0.1.0-dev"

// Revision is the VCS commit the binary was built from, shortened to 12
// hex digits and followed by "+dirty" if the tree had uncommitted
// changes; "" when the build recorded none (go test, go run, or a build
// outside a repository).
func Revision() string { return revision() }

var revision = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return fromSettings(info.Settings)
})

func fromSettings(settings []debug.BuildSetting) string {
	var rev string
	var dirty bool
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return rev
}

// String is Version with the revision when known: "0.1.0-dev (3f2a9c1b7d0e)".
func String() string {
	if r := Revision(); r != "" {
		return Version + " (" + r + ")"
	}
	return Version
}
