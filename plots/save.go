package plots

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/internal/fsx"
)

// Save draws p at width × height and writes it to path as PNG or SVG,
// chosen by the extension (".png" or ".svg", in any case). The file is
// written whole or not at all: on error nothing is left at path, and an
// existing file there is untouched.
func Save(p *plot.Plot, path string, width, height vg.Length) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" {
		return fmt.Errorf("plots: saving %s: unknown format %q, want .png or .svg", path, ext)
	}
	if p == nil {
		return fmt.Errorf("plots: saving %s: nil plot", path)
	}
	// An image a few metres across is a mistake in units, and would
	// exhaust memory before it became a file.
	const maxSide = 300 * vg.Centimeter
	if !(width > 0 && height > 0 && width <= maxSide && height <= maxSide) {
		return fmt.Errorf("plots: saving %s: size %.3g × %.3g cm is not in (0, %.3g] cm",
			path, float64(width/vg.Centimeter), float64(height/vg.Centimeter), float64(maxSide/vg.Centimeter))
	}
	wt, err := p.WriterTo(width, height, ext[1:])
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	err = fsx.WriteFile(path, func(w io.Writer) error {
		_, err := wt.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	return nil
}
