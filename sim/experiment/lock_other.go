//go:build !unix

package experiment

import (
	"os"
	"path/filepath"
)

// lockDir holds dir/.lock open; without flock, it does not exclude
// another process.
func lockDir(dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
}
