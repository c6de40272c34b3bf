package plots_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/krysha/krysha/plots"
)

func ExampleNetworkMap() {
	m := &plots.NetworkMap{
		Title: "Northern route, mean of 20 replicates, 2009–2012",
		Nodes: []plots.MapNode{
			{ID: "kunduz", Label: "Kunduz", Kind: "origin", Country: "AF", Lon: 68.86, Lat: 36.73},
			{ID: "osh", Label: "Osh", Kind: "origin", Country: "KG", Lon: 72.80, Lat: 40.53},
			{ID: "bishkek", Label: "Bishkek", Kind: "origin", Country: "KG", Lon: 74.60, Lat: 42.87},
			{ID: "korday", Label: "Korday", Kind: "border", Country: "KZ", Lon: 74.70, Lat: 43.03},
			{ID: "almaty", Label: "Almaty", Kind: "market", Country: "KZ", Lon: 76.95, Lat: 43.24},
			{ID: "dubai", Label: "Dubai", Kind: "market", Country: "AE", Lon: 55.27, Lat: 25.20},
		},
		Panels: []plots.MapPanel{
			{Title: "Drugs (kg a year)", Unit: "kg a year", Segments: []plots.MapSegment{
				{From: "kunduz", To: "osh", Flow: 9000, SeizureRate: 0.04, CrossBorder: true, Mode: "track"},
				{From: "osh", To: "bishkek", Flow: 8600, SeizureRate: 0.03},
				{From: "bishkek", To: "korday", Flow: 8300, SeizureRate: 0.22, Checkpoint: true, CrossBorder: true},
				{From: "korday", To: "almaty", Flow: 6500, SeizureRate: 0.05},
			}},
			{Title: "People (persons a year)", Unit: "persons a year", Segments: []plots.MapSegment{
				{From: "osh", To: "bishkek", Flow: 200, SeizureRate: 0.01},
				{From: "bishkek", To: "korday", Flow: 600, SeizureRate: 0.08, Checkpoint: true, CrossBorder: true},
				{From: "korday", To: "almaty", Flow: 550, SeizureRate: 0.02},
				// Dubai lies far outside the region: a stub "to Dubai (AE)".
				{From: "almaty", To: "dubai", Flow: 300, SeizureRate: 0.1, Checkpoint: true, Mode: "air"},
				{From: "kunduz", To: "osh"}, // no one: a thin grey line
			}},
		},
	}
	dir, err := os.MkdirTemp("", "plots-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "routes.png")
	if err := plots.SaveMap(m, path, plots.DefaultMapWidth, plots.DefaultMapHeight); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", filepath.Base(path))
	// Output: wrote routes.png
}

func ExampleNetworkMap_invalid() {
	m := &plots.NetworkMap{
		Nodes: []plots.MapNode{
			{ID: "bishkek", Lon: 74.60, Lat: 42.87},
			{ID: "korday", Lon: 74.70, Lat: 43.03},
		},
		Panels: []plots.MapPanel{{Title: "Drugs", Segments: []plots.MapSegment{
			{From: "bishkek", To: "korday", Flow: 8300, SeizureRate: 0.22},
			{From: "korday", To: "almaty", Flow: 6500, SeizureRate: 0.05},
		}}},
	}
	_, err := m.Plot()
	fmt.Println(err)
	// Output: plots: panel 0 "Drugs": segment 1 "korday->almaty": unknown node: To="almaty"
}
