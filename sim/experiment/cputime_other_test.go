//go:build !unix

package experiment

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
