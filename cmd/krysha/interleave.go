package main

import (
	"context"
	"errors"
	"flag"
)

// interleaved returns the arguments of a command whose flags may follow
// its arguments, as in `krysha sweep kazakhstan.toml -vary ...` or
// `krysha merge DIR1 DIR2 -out DIR`: the flag package stops at the first
// argument, so the rest is parsed again after each one. A bad flag is a
// usage error; -h prints the command's help (and help is true).
func interleaved(e *env, fs *flag.FlagSet, args []string) (out []string, help bool, err error) {
	for len(args) > 0 {
		if args[0] == "--" {
			return append(out, args[1:]...), false, nil
		}
		out = append(out, args[0])
		if err := fs.Parse(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				e.cmd.printHelp(e.stdout)
				return nil, true, nil
			}
			return nil, false, &usageError{cmd: e.cmd, msg: err.Error()}
		}
		args = fs.Args()
	}
	return out, false, nil
}

// withGiven returns a command's action: flags and operands in any order
// (interleaved), then run with the names of the flags given.
func withGiven(fs *flag.FlagSet, run func(ctx context.Context, e *env, given map[string]bool, args []string) error) func(context.Context, *env, []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		args, help, err := interleaved(e, fs, args)
		if help || err != nil {
			return err
		}
		return run(ctx, e, givenFlags(fs), args)
	}
}

// givenFlags returns the names of the flags set on the command line.
func givenFlags(fs *flag.FlagSet) map[string]bool {
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	return given
}
