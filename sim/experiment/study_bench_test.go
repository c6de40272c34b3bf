package experiment

import (
	"context"
	"fmt"
	"io/fs"
	"testing"

	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// BenchmarkRunner measures the runs per second of a sweep of the
// default scenario: a grid of 4 points × 4 replicates a loop, with the
// route statistics and the rows of the files made as `krysha sweep`
// makes them (the files themselves are not written), in runs per second
// of wall time and milliseconds of CPU time (user and system) per run.
func BenchmarkRunner(b *testing.B) {
	text, err := fs.ReadFile(scenarios.FS, scenarios.Default)
	if err != nil {
		b.Fatal(err)
	}
	src, err := scenario.Parse(scenarios.Default, text, nil)
	if err != nil {
		b.Fatal(err)
	}
	fs, _ := design.ParseFactors("-vary", []string{"enforcement.budget_scale=1,2", "bribe.same_clan=1,2"})
	g, _ := design.NewGrid(fs)
	p := &Plan{Source: src, Arms: NewDesignArms(g, nil), Replicates: 4, Seed: 1,
		Window: DefaultWindow(src.Scenario.Start, src.Scenario.End)}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			rn := &Runner{Plan: p, Workers: workers, Routes: true, Rows: true}
			runs := 0
			cpu0 := cpuTime()
			for b.Loop() {
				err := rn.Run(context.Background(), Indices(p.Runs()), func(int, *Result, error) error { runs++; return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(runs)/b.Elapsed().Seconds(), "runs/s")
			// CPU time per run tells the cost of running in parallel apart
			// from the other processes of a busy machine, which the
			// runs/s of 2 workers also measure.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(cpu.Seconds()*1000/float64(runs), "cpu-ms/run")
			}
		})
	}
}
