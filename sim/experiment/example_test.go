package experiment_test

import (
	"context"
	"fmt"

	"github.com/krysha/krysha/sim/experiment"
)

// Map runs on a pool of workers but hands results back in order, one at a
// time, so the caller can write them as they come.
func ExampleMap() {
	square := func(_ *[]int, i int) (int, error) { return i * i, nil }
	err := experiment.Map(context.Background(), []int{3, 1, 4, 1, 5}, 3,
		func() (*[]int, error) { return new([]int), nil }, // per-worker scratch space
		square,
		func(i, sq int, err error) error {
			if err != nil {
				return err // fail fast; return nil to record and go on
			}
			fmt.Println(i, sq)
			return nil
		})
	fmt.Println(err)
	// Output:
	// 3 9
	// 1 1
	// 4 16
	// 1 1
	// 5 25
	// <nil>
}

func ExampleQuantile() {
	x := []float64{1, 2, 3, 4} // sorted
	fmt.Printf("%.2f %.2f\n", experiment.Quantile(experiment.LoP, x), experiment.Quantile(experiment.HiP, x))
	// Output: 1.15 3.85
}
