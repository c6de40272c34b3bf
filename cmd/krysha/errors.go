package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/krysha/krysha/sim/experiment"
)

// Exit codes.
const (
	exitOK          = 0
	exitFailure     = 1 // the run failed: I/O, or a bug
	exitUsage       = 2 // bad command line or invalid input; nothing was written
	exitInterrupted = 128 + 2
)

// usageError is a bad command line. It is printed with the command's
// usage (or, without a command, a pointer to `krysha help`).
type usageError struct {
	cmd *command
	msg string
}

func (e *usageError) Error() string { return e.msg }

// inputError is invalid input: a scenario, -set override or data file
// that cannot be used. Its message is printed as is, one problem a line,
// each "FILE:LINE: key: message" where the place is known.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// exitError ends krysha with code after the command printed its report.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// errSilentUsage is a usage error whose message is already printed.
var errSilentUsage = &exitError{code: exitUsage}

// interrupted is the cause of the context of a run that a signal stopped.
type interrupted struct{ sig os.Signal }

func (e *interrupted) Error() string { return "interrupted by " + e.sig.String() }

// code is the shell's convention: 128 + the signal number.
func (e *interrupted) code() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupted
}

// report prints err for the user and returns the exit code.
func report(err error, stderr io.Writer) int {
	var (
		usage *usageError
		input *inputError
		exit  *exitError
		intr  *interrupted
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &usage):
		if usage.cmd == nil {
			fmt.Fprintf(stderr, "krysha: %s\nRun 'krysha help' for the commands.\n", usage.msg)
		} else {
			fmt.Fprintf(stderr, "krysha %s: %s\n", usage.cmd.name, usage.msg)
			usage.cmd.printUsage(stderr)
		}
		return exitUsage
	case errors.As(err, &input):
		fmt.Fprintln(stderr, input.Error())
		return exitUsage
	case errors.As(err, &intr):
		fmt.Fprintln(stderr, "krysha: interrupted")
		return intr.code()
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "krysha: interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(stderr, "krysha: %v\n", err)
	var panicked *experiment.PanicError
	if errors.As(err, &panicked) {
		// A bug: the stack is what a report of it needs.
		fmt.Fprintf(stderr, "\n%s", panicked.Stack)
	}
	return exitFailure
}
