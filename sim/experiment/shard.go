package experiment

import (
	"fmt"
	"strconv"
	"strings"
)

// A Shard is one of Count parts of a study: the runs whose index modulo
// Count is Index. Dealing runs out in turn gives every shard the same
// mix of arms, so shards take about as long. The zero Shard (Count 0)
// and 0/1 are the whole study.
type Shard struct {
	Index int `json:"index"`
	Count int `json:"count"`
}

// MaxShards bounds Count: beyond it a study is better split by hand.
const MaxShards = 1 << 20

// ParseShard reads "I/N", 0 ≤ I < N.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("shard %q: want I/N, e.g. 0/4 for the first of four", s)
	}
	return NewShard(i, n)
}

// NewShard returns shard i of n, checked.
func NewShard(i, n int) (Shard, error) {
	switch {
	case n < 1 || n > MaxShards:
		return Shard{}, fmt.Errorf("shard %d/%d: the count must be in 1..%d", i, n, MaxShards)
	case i < 0 || i >= n:
		return Shard{}, fmt.Errorf("shard %d/%d: the index must be in 0..%d", i, n, n-1)
	}
	return Shard{Index: i, Count: n}, nil
}

// Whole reports whether s is the whole study.
func (s Shard) Whole() bool { return s.Count <= 1 }

// Runs returns the shard's runs among runs 0..n-1, in order.
func (s Shard) Runs(n int) []int {
	if s.Whole() {
		return Indices(n)
	}
	out := make([]int, 0, n/s.Count+1)
	for i := s.Index; i < n; i += s.Count {
		out = append(out, i)
	}
	return out
}

// Has reports whether run i is the shard's.
func (s Shard) Has(i int) bool { return s.Whole() || i%s.Count == s.Index }

func (s Shard) String() string {
	if s.Whole() {
		return "0/1"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Dir is the name of the shard's run directory inside a study's:
// shard-I-of-N, I zero-padded so that the directories list in order.
func (s Shard) Dir() string {
	w := len(strconv.Itoa(s.Count - 1))
	return fmt.Sprintf("shard-%0*d-of-%d", w, s.Index, s.Count)
}

// ShardFromEnv returns the shard a batch system asks for, and the
// variables it read, when there is no -shard flag:
//
//   - a Slurm job array: SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN
//     (0 if unset), divided by SLURM_ARRAY_TASK_STEP (1 if unset), of
//     SLURM_ARRAY_TASK_COUNT;
//   - a Kubernetes Indexed Job: JOB_COMPLETION_INDEX of shards, the
//     Job's completions (the -shards flag), which must then be given.
//
// With neither, and shards 0, it returns the whole study. getenv is
// os.Getenv or a stand-in.
func ShardFromEnv(getenv func(string) string, shards int) (Shard, string, error) {
	num := func(name string, def int) (int, error) {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			if def < 0 {
				return 0, fmt.Errorf("%s is not set", name)
			}
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, fmt.Errorf("%s=%q is not a whole number", name, v)
		}
		return n, nil
	}
	if getenv("SLURM_ARRAY_TASK_ID") != "" {
		const from = "SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT"
		id, err := num("SLURM_ARRAY_TASK_ID", -1)
		if err != nil {
			return Shard{}, from, err
		}
		lo, err := num("SLURM_ARRAY_TASK_MIN", 0)
		if err != nil {
			return Shard{}, from, err
		}
		step, err := num("SLURM_ARRAY_TASK_STEP", 1)
		if err != nil {
			return Shard{}, from, err
		}
		n, err := num("SLURM_ARRAY_TASK_COUNT", -1)
		if err != nil {
			return Shard{}, from, err
		}
		if step < 1 || (id-lo)%step != 0 {
			return Shard{}, from, fmt.Errorf("task %d is not on the array's steps (min %d, step %d)", id, lo, step)
		}
		s, err := NewShard((id-lo)/step, n)
		if err != nil {
			return Shard{}, from, fmt.Errorf("task %d of an array from %d by %d with %d tasks: %v", id, lo, step, n, err)
		}
		return s, from, nil
	}
	if getenv("JOB_COMPLETION_INDEX") != "" {
		const from = "JOB_COMPLETION_INDEX"
		if shards < 1 {
			return Shard{}, from, fmt.Errorf("JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): give -shards N, the Job's completions")
		}
		i, err := num("JOB_COMPLETION_INDEX", -1)
		if err != nil {
			return Shard{}, from, err
		}
		s, err := NewShard(i, shards)
		return s, from, err
	}
	if shards > 0 {
		return Shard{}, "", fmt.Errorf("-shards %d without JOB_COMPLETION_INDEX: give -shard I/%d", shards, shards)
	}
	return Shard{}, "", nil
}
