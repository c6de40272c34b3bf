package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
)

func init() {
	register(&command{
		name:    "validate",
		args:    "[SCENARIO.toml...]",
		summary: "check scenario files without running them",
		doc: `
Validate checks each scenario file as run would before running it: the TOML,
every key and value, the network, and the observed data the file names. It
prints "FILE: ok" or every problem found, one a line as FILE:LINE: key:
message. With no file it checks the embedded default scenario. The exit
status is 0 if every file is valid and 2 otherwise.`,
		example: "krysha validate scenarios/*.toml",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return runValidate
		},
	})
}

func runValidate(ctx context.Context, e *env, files []string) error {
	if len(files) == 0 {
		files = []string{""} // the embedded default
	}
	failed := false
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		name, err := validateFile(file)
		if err == nil {
			// A report that cannot be printed (stdout on a full disk) is
			// a failure, not a silent success.
			if _, err := fmt.Fprintf(e.stdout, "%s: ok\n", name); err != nil {
				return err
			}
			continue
		}
		var input *inputError
		if !errors.As(err, &input) {
			return err
		}
		failed = true
		if _, err := fmt.Fprintln(e.stdout, input.Error()); err != nil {
			return err
		}
	}
	if failed {
		return &exitError{code: exitUsage}
	}
	return nil
}

// validateFile loads file (the embedded default if "") as run would and
// returns the name it goes by.
func validateFile(file string) (string, error) {
	sf, err := openScenario(file)
	if err != nil {
		return file, err
	}
	_, err = sf.load(nil)
	return sf.name, err
}
