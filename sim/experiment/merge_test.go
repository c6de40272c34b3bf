package experiment

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shardStudy runs shard sh of p into dir with a finished manifest, as
// `krysha sweep -shard` leaves it.
func shardStudy(t *testing.T, p *Plan, dir string, sh Shard, workers int) {
	t.Helper()
	runStudy(t, p, dir, sh, workers)
	m := &StudyManifest{
		Manifest: Manifest{Command: "sweep", Scenario: "small", ScenarioSHA256: p.Source.Hash(), Seed: p.Seed, Replicates: p.Replicates},
		Status:   StatusComplete, Design: json.RawMessage(`{"kind":"grid"}`), Columns: p.Arms.Columns(),
		Arms: p.Arms.Len(), Runs: p.Runs(), Window: p.Window, Routes: true, Shard: sh, ShardRuns: len(sh.Runs(p.Runs())),
	}
	m.Done = m.ShardRuns
	if err := m.WriteFile(filepath.Join(dir, ManifestFile)); err != nil {
		t.Fatal(err)
	}
}

// The shards of a study, merged, are the study run whole, byte for
// byte, whatever the workers.
func TestMergeShardsEqualsWhole(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 3, "enforcement.budget_scale=0.5:2:3", "bribe.same_clan=0,1.5")
	whole := t.TempDir()
	runStudy(t, p, whole, Shard{}, 1)
	root := t.TempDir()
	var dirs []string
	for i := range 3 {
		sh := Shard{Index: i, Count: 3}
		d := filepath.Join(root, sh.Dir())
		shardStudy(t, p, d, sh, 2)
		dirs = append(dirs, d)
	}
	slices.Reverse(dirs) // the order of the shards does not matter
	merged := filepath.Join(root, "merged")
	m, err := MergeShards(merged, dirs)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, whole, merged)
	if m.Done != p.Runs() || m.Status != StatusComplete || m.Shard.Count != 1 || len(m.MergedFrom) != 3 {
		t.Errorf("merged manifest: done %d, status %s, shard %v, from %v", m.Done, m.Status, m.Shard, m.MergedFrom)
	}
}

// Merge names the runs no shard holds and those two shards hold, and
// refuses shards of different studies.
func TestMergeShardsChecks(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 2, "enforcement.budget_scale=0.5:2:3")
	root := t.TempDir()
	dir := func(i, n int) string {
		sh := Shard{Index: i, Count: n}
		d := filepath.Join(root, fmt.Sprintf("%d-%d", i, n))
		shardStudy(t, p, d, sh, 1)
		return d
	}
	s0, s1, s2 := dir(0, 3), dir(1, 3), dir(2, 3)
	half := dir(0, 2)

	_, err := MergeShards(filepath.Join(root, "m1"), []string{s0, s2})
	var ce *CoverageError
	if !errors.As(err, &ce) || !slices.Equal(ce.Missing, []int{1, 4}) || ce.NMissing != 2 || ce.NDup != 0 {
		t.Errorf("without shard 1/3: %v, want runs 1 and 4 missing", err)
	} else if want := "2 of the 6 runs are in no shard: 1, 4"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	_, err = MergeShards(filepath.Join(root, "m2"), []string{s0, s1, s2, half})
	if !errors.As(err, &ce) || !slices.Equal(ce.Duplicated, []int{0, 2, 4}) || ce.NMissing != 0 {
		t.Errorf("with shard 0/2 too: %v, want runs 0, 2 and 4 duplicated", err)
	} else if !strings.Contains(err.Error(), "0 ("+s0+", "+half+")") {
		t.Errorf("message %q does not name the directories of run 0", err)
	}

	q := gridPlan(t, 2, "enforcement.budget_scale=0.5:2:3")
	q.Seed = 12
	other := filepath.Join(root, "other")
	shardStudy(t, q, other, Shard{Index: 1, Count: 3}, 1)
	if _, err := MergeShards(filepath.Join(root, "m3"), []string{s0, other, s2}); err == nil || !strings.Contains(err.Error(), "the seed differs") {
		t.Errorf("shards of two seeds: %v", err)
	}
}

// A study stopped mid-way is not merged.
func TestMergeShardsUnfinished(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 1, "enforcement.budget_scale=0.5:2:2")
	d := filepath.Join(t.TempDir(), "s")
	shardStudy(t, p, d, Shard{}, 1)
	m, err := ReadStudyManifest(d)
	if err != nil {
		t.Fatal(err)
	}
	m.Status = StatusInterrupted
	if err := m.WriteFile(filepath.Join(d, ManifestFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := MergeShards(t.TempDir(), []string{d}); err == nil || !strings.Contains(err.Error(), "not finished") {
		t.Errorf("merging an interrupted shard: %v", err)
	}
}

func TestShard(t *testing.T) {
	t.Parallel()
	sh, err := ParseShard("2/3")
	if err != nil || sh != (Shard{2, 3}) || !slices.Equal(sh.Runs(10), []int{2, 5, 8}) || sh.Dir() != "shard-2-of-3" {
		t.Errorf("2/3: %v, %v, runs %v, dir %s", sh, err, sh.Runs(10), sh.Dir())
	}
	if d := (Shard{7, 120}).Dir(); d != "shard-007-of-120" {
		t.Errorf("dir of 7/120 = %s", d)
	}
	if r := (Shard{}).Runs(3); !slices.Equal(r, []int{0, 1, 2}) {
		t.Errorf("the whole study's runs: %v", r)
	}
	for _, bad := range []string{"3/3", "-1/2", "1/0", "1", "a/b", "1/2/3"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted it", bad)
		}
	}
}

func TestShardFromEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env    map[string]string
		shards int
		want   Shard
		err    string // in the error
	}{
		{nil, 0, Shard{}, ""},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{3, 4}, ""},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "13", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{3, 4}, ""},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "3"}, 0, Shard{2, 3}, ""},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "3"}, 0, Shard{}, "SLURM_ARRAY_TASK_COUNT is not set"},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{}, "index must be in 0..3"},
		{map[string]string{"JOB_COMPLETION_INDEX": "2"}, 5, Shard{2, 5}, ""},
		{map[string]string{"JOB_COMPLETION_INDEX": "2"}, 0, Shard{}, "give -shards N"},
		{nil, 4, Shard{}, "without JOB_COMPLETION_INDEX"},
	}
	for _, tt := range tests {
		sh, _, err := ShardFromEnv(func(k string) string { return tt.env[k] }, tt.shards)
		switch {
		case tt.err == "" && (err != nil || sh != tt.want):
			t.Errorf("%v -shards %d: %v, %v; want %v", tt.env, tt.shards, sh, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%v -shards %d: error %v, want one saying %q", tt.env, tt.shards, err, tt.err)
		}
	}
}
