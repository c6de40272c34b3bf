//go:build unix

package main

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"
)

// A SIGTERM to the process cancels the context of interruptible with a
// cause that report turns into exit status 143.
func TestInterruptible(t *testing.T) {
	// Not parallel: it signals the whole test process.
	ctx, stop := interruptible(context.Background())
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the context was not cancelled by SIGTERM")
	}
	var intr *interrupted
	if cause := context.Cause(ctx); !errors.As(cause, &intr) || intr.code() != 143 {
		t.Errorf("cause %v, want an interruption by SIGTERM (exit 143)", cause)
	}
}
