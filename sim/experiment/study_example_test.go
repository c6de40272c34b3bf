package experiment_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// A study is a plan of arms × replicates. Here two arms, the base and a
// doubled budget, each run twice: replicate r of both arms uses the
// random stream (seed, r), so the arms are compared on common random
// numbers.
func ExampleRunner() {
	text, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		log.Fatal(err)
	}
	src, err := scenario.Parse("small.toml", text, nil)
	if err != nil {
		log.Fatal(err)
	}
	plan := &experiment.Plan{
		Source: src,
		Arms: &experiment.ArmList{Names: []string{"budget"}, List: []experiment.Arm{
			{Cells: []string{"base"}},
			{Cells: []string{"double"}, Sets: []string{"enforcement.budget_scale=2"}},
		}},
		Replicates: 2,
		Seed:       7,
		Window:     experiment.Window{First: 2002, Last: 2004},
	}
	rn := &experiment.Runner{Plan: plan, Workers: 2}
	err = rn.Run(context.Background(), experiment.Indices(plan.Runs()), func(run int, r *experiment.Result, err error) error {
		if err != nil {
			return err
		}
		fmt.Printf("run %d: arm %d replicate %d, %d years\n", run, r.Arm, r.Replicate, len(r.Yearly))
		return nil
	})
	fmt.Println(err)
	fmt.Println(plan.Command(3))
	// Output:
	// run 0: arm 0 replicate 0, 5 years
	// run 1: arm 0 replicate 1, 5 years
	// run 2: arm 1 replicate 0, 5 years
	// run 3: arm 1 replicate 1, 5 years
	// <nil>
	// krysha run -seed 7 -first 1 -replicates 1 -set enforcement.budget_scale=2
}

func ExampleReadRoutes() {
	const file = `run,replicate,year,kind,from,to,product,shipments,units,detections,bribes,seized,stash_kg,raids
0,0,2009,segment,osh,korday,drugs,12,1450,3,2,400,,
0,0,2009,segment,osh,korday,people,4,60,2,1,15,,
0,0,2009,node,astana-stash,,drugs,,,,,120,830,2
`
	rows, err := experiment.ReadRoutes(strings.NewReader(file))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rows {
		switch r.Kind {
		case experiment.RouteSegment:
			fmt.Printf("%d %s→%s %s: %g units in %g shipments, %g seized\n", r.Year, r.From, r.To, r.Product, r.Units, r.Shipments, r.Seized)
		case experiment.RouteNode:
			fmt.Printf("%d %s: %g kg at year end, %g raids seized %g kg\n", r.Year, r.From, r.StashKg, r.Raids, r.Seized)
		}
	}
	// Output:
	// 2009 osh→korday drugs: 1450 units in 12 shipments, 400 seized
	// 2009 osh→korday people: 60 units in 4 shipments, 15 seized
	// 2009 astana-stash: 830 kg at year end, 2 raids seized 120 kg
}
