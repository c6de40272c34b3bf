package main

import (
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
