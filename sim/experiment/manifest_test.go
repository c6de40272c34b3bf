package experiment

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestManifestWriteFile(t *testing.T) {
	t.Parallel()
	m := &Manifest{Command: "run", Scenario: "small", Seed: 7, Replicates: 3, Workers: 2}
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("ALMT", 5*3600))
	m.SetTimes(start, start.Add(1500*time.Millisecond+400*time.Microsecond))
	path := filepath.Join(t.TempDir(), ManifestFile)
	if err := m.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%v in\n%s", err, b)
	}
	want := map[string]any{
		"command": "run", "scenario": "small", "seed": 7.0, "replicates": 3.0, "workers": 2.0,
		"start": "2026-03-01T07:00:00Z", "end": "2026-03-01T07:00:01Z", "seconds": 1.5,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	for _, k := range []string{"sets", "files"} {
		if l, ok := got[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %v, want []", k, got[k])
		}
	}
	for _, k := range []string{"scenario_file", "scenario_sha256", "krysha_version", "go_version"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no key %s in\n%s", k, b)
		}
	}
}
