package design_test

import (
	"fmt"

	"github.com/krysha/krysha/sim/experiment/design"
)

func ExampleParseFactor() {
	f, err := design.ParseFactor("-vary", "enforcement.budget_scale=0.5:2:4")
	fmt.Println(f.Kind(), f.LevelValues(), err)
	_, err = design.ParseFactor("-vary", "enforcement.budget_scale=3:1:5")
	fmt.Println(err)
	// Output:
	// grid [0.5 1 1.5 2] <nil>
	// -vary enforcement.budget_scale=3:1:5: lo must be below hi
}

func ExampleNewGrid() {
	fs, _ := design.ParseFactors("-vary", []string{"a=1,2", "b=10:30:3"})
	g, _ := design.NewGrid(fs)
	for i := range g.Len() {
		fmt.Println(i, g.Point(i))
	}
	// Output:
	// 0 [1 10]
	// 1 [1 20]
	// 2 [1 30]
	// 3 [2 10]
	// 4 [2 20]
	// 5 [2 30]
}

func ExampleNewSaltelli() {
	fs, _ := design.ParseFactors("-vary", []string{"a=0:1", "b=0:1"})
	s, _ := design.NewSaltelli(fs, 4, 0, &design.SobolOptions{Scramble: design.ScrambleNone})
	names := []string{"A", "AB_1", "AB_2", "B"}
	for i := 8; i < s.Len(); i++ { // rows 0 and 1 of the unscrambled sequence are 0 and ½ everywhere
		j, m := s.Block(i)
		fmt.Printf("run %2d: row %d of %-4s %v\n", i, j, names[m], s.Point(i))
	}
	// Output:
	// run  8: row 2 of A    [0.75 0.25]
	// run  9: row 2 of AB_1 [0.25 0.25]
	// run 10: row 2 of AB_2 [0.75 0.25]
	// run 11: row 2 of B    [0.25 0.25]
	// run 12: row 3 of A    [0.25 0.75]
	// run 13: row 3 of AB_1 [0.75 0.75]
	// run 14: row 3 of AB_2 [0.25 0.75]
	// run 15: row 3 of B    [0.75 0.75]
}
