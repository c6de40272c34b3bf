package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A command is one subcommand of krysha. Each lives in its own file and
// registers itself from init, so adding a command is adding a file; help
// lists exactly the commands registered.
type command struct {
	name string
	// args follows "krysha NAME" in the usage line, e.g. "[flags] [SCENARIO.toml]".
	args string
	// summary is the line in `krysha help`; doc the paragraphs of
	// `krysha help NAME`, and example a command line or two.
	summary, doc, example string
	// setup defines the command's flags on fs and returns the function
	// that runs it on the arguments left after the flags.
	setup func(fs *flag.FlagSet) func(ctx context.Context, e *env, args []string) error
}

var commands []*command

func register(c *command) {
	if lookup(c.name) != nil {
		panic("krysha: command " + c.name + " registered twice")
	}
	commands = append(commands, c)
	slices.SortFunc(commands, func(a, b *command) int { return strings.Compare(a.name, b.name) })
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
	cmd            *command
}

// usagef returns a usage error of the running command.
func (e *env) usagef(format string, args ...any) error {
	return &usageError{cmd: e.cmd, msg: fmt.Sprintf(format, args...)}
}

// scenarioArg returns the optional SCENARIO argument of a command that
// runs one ("" for the embedded default), or a usage error if there are
// more.
func scenarioArg(e *env, args []string) (string, error) {
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return args[0], nil
	}
	return "", e.usagef("one scenario file at most, got %d: %s", len(args), strings.Join(args, " "))
}

// run is krysha: it runs the command named by args[0] on the rest.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printOverview(stderr)
		return errSilentUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printOverview(stdout)
		return nil
	}
	c := lookup(args[0])
	if c == nil {
		return &usageError{msg: fmt.Sprintf("unknown command %q", args[0])}
	}
	return c.exec(ctx, &env{stdout: stdout, stderr: stderr, cmd: c}, args[1:])
}

// exec parses the command's flags and runs it. -h prints the command's
// help to stdout.
func (c *command) exec(ctx context.Context, e *env, args []string) error {
	fs := c.flagSet()
	runCmd := c.setup(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.printHelp(e.stdout)
			return nil
		}
		return &usageError{cmd: c, msg: err.Error()}
	}
	return runCmd(ctx, e, fs.Args())
}

// flagSet returns an empty flag set that reports nothing itself: errors
// and usage are printed by report, once.
func (c *command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("krysha "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// printUsage writes the usage line and the flags, after a usage error.
func (c *command) printUsage(w io.Writer) {
	fmt.Fprintln(w, c.usageLine())
	c.printFlags(w)
}

// printHelp writes the command's full help.
func (c *command) printHelp(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n", c.usageLine())
	fmt.Fprintf(w, "%s\n", strings.TrimSpace(c.doc))
	c.printFlags(w)
	if c.example != "" {
		fmt.Fprintf(w, "\nExample:\n\n%s\n", indent(c.example))
	}
}

func (c *command) usageLine() string {
	return strings.TrimSpace("usage: krysha " + c.name + " " + c.args)
}

func (c *command) printFlags(w io.Writer) {
	fs := c.flagSet()
	c.setup(fs)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// printOverview writes `krysha help`: every command with its summary.
func printOverview(w io.Writer) {
	fmt.Fprint(w, `krysha simulates drug and human trafficking through Kazakhstan, and the
law enforcement that tries to stop it, as an agent-based model.

Usage:

	krysha COMMAND [flags] [arguments]

Commands:

`)
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Examples:

	krysha run
	krysha run -replicates 50 -set enforcement.budget_scale=2 -out out/budget2

Run 'krysha help COMMAND' for the flags of a command.
`)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "\t" + l
	}
	return strings.Join(lines, "\n")
}
