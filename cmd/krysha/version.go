package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"

	"github.com/krysha/krysha/internal/version"
)

func init() {
	register(&command{
		name:    "version",
		summary: "print krysha's version",
		doc: `
Version prints krysha's version, the VCS revision it was built from when
known, and the Go version. Every run directory's manifest.json records the
same.`,
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return func(_ context.Context, e *env, args []string) error {
				if len(args) > 0 {
					return e.usagef("no arguments expected")
				}
				fmt.Fprintf(e.stdout, "krysha %s %s %s/%s\n", version.String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return nil
			}
		},
	})
}
