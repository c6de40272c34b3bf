package plots

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/krysha/krysha/internal/fsx"
)

// A Figure is a drawing of one or more plots on one canvas: a heatmap
// with its colour bar, a row of panels. A *plot.Plot is one too.
type Figure interface {
	Draw(c draw.Canvas)
}

// SaveFigure draws f at width × height and writes it to path as PNG or
// SVG, by the extension, whole or not at all, as Save does.
func SaveFigure(f Figure, path string, width, height vg.Length) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" {
		return fmt.Errorf("plots: saving %s: unknown format %q, want .png or .svg", path, ext)
	}
	const maxSide = 300 * vg.Centimeter
	if !(width > 0 && height > 0 && width <= maxSide && height <= maxSide) {
		return fmt.Errorf("plots: saving %s: size %.3g × %.3g cm is not in (0, %.3g] cm",
			path, float64(width/vg.Centimeter), float64(height/vg.Centimeter), float64(maxSide/vg.Centimeter))
	}
	c, err := draw.NewFormattedCanvas(width, height, ext[1:])
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	f.Draw(draw.New(c))
	err = fsx.WriteFile(path, func(w io.Writer) error {
		_, err := c.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	return nil
}
