package main

import (
	"context"
	"flag"
)

func init() {
	register(&command{
		name:    "help",
		args:    "[COMMAND]",
		summary: "show the commands, or the flags and use of one",
		doc: `
Help lists krysha's commands, or, given one, explains it and its flags
('krysha COMMAND -h' does the same).`,
		example: "krysha help run",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return runHelp
		},
	})
}

func runHelp(_ context.Context, e *env, args []string) error {
	switch len(args) {
	case 0:
		printOverview(e.stdout)
		return nil
	case 1:
		c := lookup(args[0])
		if c == nil {
			return e.usagef("unknown command %q; the commands are listed by 'krysha help'", args[0])
		}
		c.printHelp(e.stdout)
		return nil
	}
	return e.usagef("one command at most")
}
