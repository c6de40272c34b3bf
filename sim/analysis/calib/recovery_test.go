package calib

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// synthTargets are count targets at the truth, as replicate means (20
// replicates the calibration never runs), and one direction that holds
// there: prosecutions fall 2011 -> 2012 since g < 0.
func synthTargets(m synth) *Targets {
	const obsReps = 20
	t := &Targets{Offset: DefaultOffset, Margin: DefaultMargin}
	for _, c := range []struct {
		metric string
		year   int
	}{{"cases_opened", 2004}, {"cases_opened", 2008}, {"cases_opened", 2012}, {"convictions", 2005}, {"convictions", 2010}} {
		t.Counts = append(t.Counts, CountTarget{
			Metric: c.metric, Year: c.year, Scale: 1, Weight: 1,
			Observed: m.observe(synthTruth, c.metric, c.year, obsReps),
		})
	}
	t.Directions = []DirectionTarget{{Metric: "prosecutions", From: 2011, To: 2012, Direction: Down, Weight: 1}}
	return t
}

// calibrateSynth is the whole calibration of the synthetic model: a
// 2,000-point design, 4 replicates a point, rejection, then refinement.
func calibrateSynth(t *testing.T, seed uint64) (*Posterior, *Refined) {
	t.Helper()
	m := synth{seed: seed}
	tg := synthTargets(m)
	const designReps = 4 // as few as a real design would afford
	design := latinHypercube(synthBox, 2000, rand.NewPCG(seed, 99))
	losses := make([]float64, len(design))
	for i, x := range design {
		l, err := Evaluate(m.sim, tg, x, designReps)
		if err != nil {
			t.Fatal(err)
		}
		losses[i] = l.Total
	}
	post, err := Reject(synthBox, design, losses, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := Refine(m.sim, tg, synthBox, post.Points[0], &RefineSettings{Replicates: 8, MaxEvaluations: 300})
	if err != nil {
		t.Fatal(err)
	}
	return post, ref
}

func TestRecovery(t *testing.T) {
	t.Parallel()
	post, ref := calibrateSynth(t, 1)

	if len(post.Keep) != 100 {
		t.Errorf("kept %d points; 5%% of 2,000 is 100", len(post.Keep))
	}
	if len(post.Warnings) != 0 {
		t.Errorf("warnings %q", post.Warnings)
	}
	for j, m := range post.Marginal {
		t.Logf("%s: true %.4g, median %.4g, 90%% interval [%.4g, %.4g], share %.2f, identified %v; refined %.4g",
			m.Name, synthTruth[j], m.Median, m.Lo, m.Hi, m.Share, m.Identified, ref.Theta[j])
		if synthBox[j].Name == "d" {
			if m.Identified {
				t.Errorf("d enters no output but is called identified (share %.2f)", m.Share)
			}
			continue
		}
		if !m.Identified {
			t.Errorf("%s is not identified (share %.2f)", m.Name, m.Share)
		}
		if v := synthTruth[j]; v < m.Lo || v > m.Hi {
			t.Errorf("%s: truth %v outside the 90%% interval [%v, %v]", m.Name, v, m.Lo, m.Hi)
		}
	}
	t.Logf("epsilon %.4g; best design loss %.4g; refined loss %.4g after %d evaluations (%s); pair %+v",
		post.Epsilon, post.Losses[0], ref.Loss.Total, ref.Evaluations, ref.Status, post.Pair)

	// Tolerances of the refined point, about four standard errors of the
	// estimator. The fit compares means of 20 observed and 8 simulated
	// replicates of Poisson counts near 230, 130 and 70 cases (2004,
	// 2008, 2012) and 60 and 28 convictions (2005, 2010), whose relative
	// errors sqrt(1/(20λ) + 1/(8λ)) are 2.7–5% for cases and 5–8% for
	// convictions. A straight line in ln cases through three such points
	// gives ln A within about 0.03 and g within about 0.01 (one standard
	// error), and ln p, from the ratio of convictions to cases, within
	// about 0.05. Over seeds 1 to 40 the largest errors were 0.091, 0.016
	// and 0.136, and every truth fell inside its 90% interval.
	if d := math.Abs(math.Log(ref.Theta[0] / synthTruth[0])); d > 0.12 {
		t.Errorf("refined A = %v, |ln(A/%v)| = %.3f > 0.12", ref.Theta[0], synthTruth[0], d)
	}
	if d := math.Abs(ref.Theta[1] - synthTruth[1]); d > 0.04 {
		t.Errorf("refined g = %v, off the truth %v by %.3f > 0.04", ref.Theta[1], synthTruth[1], d)
	}
	if d := math.Abs(math.Log(ref.Theta[2] / synthTruth[2])); d > 0.2 {
		t.Errorf("refined p = %v, |ln(p/%v)| = %.3f > 0.2", ref.Theta[2], synthTruth[2], d)
	}
	if ref.Loss.Total > ref.Start.Total {
		t.Errorf("refinement raised the loss from %v to %v", ref.Start.Total, ref.Loss.Total)
	}
	if ref.Evaluations > 300 {
		t.Errorf("%d evaluations, over the budget of 300", ref.Evaluations)
	}
}

func TestRecoveryDeterministic(t *testing.T) {
	t.Parallel()
	p1, r1 := calibrateSynth(t, 7)
	p2, r2 := calibrateSynth(t, 7)
	if !reflect.DeepEqual(p1, p2) || !reflect.DeepEqual(r1, r2) {
		t.Errorf("two calibrations with seed 7 differ:\n%+v\n%+v", r1, r2)
	}
}
