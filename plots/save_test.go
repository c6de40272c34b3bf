package plots_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
)

func TestSaveFormats(t *testing.T) {
	t.Parallel()
	p, err := tipChart().Plot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, magic := range map[string]string{
		"a.png": "\x89PNG",
		"b.PNG": "\x89PNG",
		"c.svg": "<?xml",
	} {
		path := filepath.Join(dir, name)
		if err := plots.Save(p, path, 10*vg.Centimeter, 6*vg.Centimeter); err != nil {
			t.Fatalf("Save(%s): %v", name, err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s starts %q, want %q", name, b[:min(len(b), 8)], magic)
		}
	}
}

// TestSaveRefuses checks that a bad request is an error and leaves the
// directory as it was: no file, no temporary file.
func TestSaveRefuses(t *testing.T) {
	t.Parallel()
	p, err := tipChart().Plot()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file string
		w, h vg.Length
	}{
		{"pdf", "chart.pdf", plots.DefaultWidth, plots.DefaultHeight},
		{"jpeg", "chart.jpg", plots.DefaultWidth, plots.DefaultHeight},
		{"no extension", "chart", plots.DefaultWidth, plots.DefaultHeight},
		{"zero width", "chart.png", 0, plots.DefaultHeight},
		{"negative height", "chart.svg", plots.DefaultWidth, -1},
		{"absurd size", "chart.png", 100 * 100 * vg.Centimeter, plots.DefaultHeight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := plots.Save(p, filepath.Join(dir, tt.file), tt.w, tt.h); err == nil {
				t.Error("Save succeeded")
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 0 {
				t.Errorf("Save left %s behind", ents[0].Name())
			}
		})
	}
}

// TestSaveTiny checks that a size too small for the axes and legend
// still draws something rather than panicking or hanging.
func TestSaveTiny(t *testing.T) {
	t.Parallel()
	p, err := tipChart().Plot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tiny.png")
	if err := plots.Save(p, path, vg.Centimeter, vg.Centimeter); err != nil {
		t.Fatal(err)
	}
}

func TestSaveUnwritable(t *testing.T) {
	t.Parallel()
	p, err := tipChart().Plot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A directory that does not exist cannot be written whatever the
	// user's privileges.
	missing := filepath.Join(dir, "no", "such", "dir", "chart.png")
	if err := plots.Save(p, missing, plots.DefaultWidth, plots.DefaultHeight); err == nil {
		t.Errorf("Save(%s) succeeded", missing)
	}

	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		return // permissions do not stop root
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := plots.Save(p, filepath.Join(ro, "chart.png"), plots.DefaultWidth, plots.DefaultHeight); err == nil {
		t.Error("Save into a read-only directory succeeded")
	}
}
