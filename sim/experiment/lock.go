package experiment

import "fmt"

// lockFile is the file of a run directory that a Store locks while it
// writes.
const lockFile = ".lock"

// A LockedError is a run directory that another process is writing.
type LockedError struct{ Dir string }

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is being written by another krysha (it holds the lock on %s); wait for it to end, or stop it", e.Dir, lockFile)
}
