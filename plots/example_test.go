package plots_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/krysha/krysha/plots"
)

func ExampleBandChart() {
	chart := &plots.BandChart{
		Title:  "Trafficking prosecutions, 20 replicates",
		XLabel: "year",
		YLabel: "cases per year",
		Bands: []plots.Band{{
			Label: "prosecutions",
			X:     []float64{2010, 2011, 2012, 2013},
			Mean:  []float64{30, 34, 51, 58},
			Lo:    []float64{22, 25, 40, 45},
			Hi:    []float64{39, 44, 63, 70},
		}},
		Points: []plots.Points{{
			Label: "prosecutions observed (US TIP report)", // takes the band's colour
			X:     []float64{2010, 2012, 2013},
			Y:     []float64{28, 47, 66},
		}},
		Markers:   []plots.Marker{{X: 2012, Label: "2012 action plan"}},
		Interval:  "90% band",
		YFromZero: true,
		IntegerX:  true,
	}
	p, err := chart.Plot()
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "plots-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "prosecutions.png")
	if err := plots.Save(p, path, plots.DefaultWidth, plots.DefaultHeight); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", filepath.Base(path))
	// Output: wrote prosecutions.png
}

func ExampleBandChart_invalid() {
	chart := &plots.BandChart{Bands: []plots.Band{{
		Label: "convictions",
		X:     []float64{2010, 2011},
		Mean:  []float64{5, 6},
		Lo:    []float64{3, 7},
		Hi:    []float64{8, 6},
	}}}
	_, err := chart.Plot()
	fmt.Println(err)
	// Output: plots: band 0 "convictions": interval upside down: Lo[1]=7 > Hi[1]=6
}
