package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// randomScenario perturbs the small scenario: every mechanism switched on
// or off at random, and the parameters that drive volumes and
// probabilities drawn across their valid ranges.
func randomScenario(r *rand.Rand) *scenario.Scenario {
	sc := small()
	m := &sc.Mechanisms
	for _, b := range []*bool{&m.Learning, &m.Diversification, &m.Papers, &m.Facilitators, &m.Stash,
		&m.Bribery, &m.Contagion, &m.Patronage, &m.Protection, &m.Scare, &m.Audits, &m.Training,
		&m.Coordination, &m.VictimServices, &m.CaseExpiry, &m.Entry, &m.Extortion} {
		*b = r.IntN(4) > 0 // mostly on, so that mechanisms meet
	}
	u := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
	sc.Routes.Tau = u(0.01, 2)
	sc.Routes.Memory = u(0.5, 1)
	sc.Routes.ShareInfo = u(0, 1)
	sc.Detection.Scale = u(0, 5)
	sc.Detection.HidePeople = u(0.1, 5)
	sc.Bribe.Intercept = u(-5, 5)
	sc.Bribe.SameClan = u(0, 5)
	sc.Bribe.OfferShare = u(0.001, 0.5)
	sc.Patronage.ClanCapture = u(0, 1)
	sc.Patronage.RotationMonths = r.IntN(30)
	sc.Patronage.Gamma = u(0.5, 3)
	sc.Organizations.EntryRate = u(0, 3)
	sc.Organizations.Max = 5 + r.IntN(40)
	sc.Enforcement.BudgetScale = u(0, 10)
	sc.Enforcement.Legislation = u(0, 2)
	sc.Investigation.Hiring = u(0.01, 1)
	sc.Investigation.CaseLimit = 1 + r.IntN(30)
	sc.Trial.Delay = r.IntN(12)
	sc.Trial.LeaderShare = u(0, 1)
	sc.Stash.Raid = u(0, 5)
	sc.Foreign.Accept = u(0, 1)
	sc.Organizations.Payout = u(0, 1)
	return sc
}

// Property test: in random valid scenarios, after every month, nothing is
// negative or not finite, probabilities lie in [0, 1], and persons, drugs,
// cases and money are conserved.
func TestInvariantsOnRandomScenarios(t *testing.T) {
	t.Parallel()
	n := 40
	if testing.Short() {
		n = 8
	}
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 99))
		sc := randomScenario(r)
		if probs := sc.Validate(); len(probs) > 0 {
			t.Fatalf("case %d: generator made an invalid scenario: %v", i, probs)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			m := mustModel(t, sc)
			w := m.NewWorld()
			w.Reset(r.Uint64(), r.IntN(100))
			checkInvariants(t, w, m.Months())
		})
	}
}

func checkInvariants(t *testing.T, w *World, months int) {
	t.Helper()
	var cum Record
	for month := 0; month < months; month++ {
		w.Step()
		rec := w.Month()
		for k := Metric(0); k < NumMetrics; k++ {
			v := rec[k]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("month %d: %s = %v", month, k, v)
			}
			if v < 0 && k != CapitalUSD {
				t.Fatalf("month %d: %s = %v is negative", month, k, v)
			}
			if k < firstStock {
				cum[k] += v
			}
		}
		fail := func(what string, lhs, rhs float64) {
			if math.Abs(lhs-rhs) > 1e-9*math.Max(1, math.Abs(lhs)) {
				t.Fatalf("month %d: %s: %v != %v", month, what, lhs, rhs)
			}
		}
		fail("persons conserved", cum[VictimsTrafficked],
			cum[PeopleMoved]+cum[PeopleIntercepted]+cum[PeopleInterceptedAbroad]+rec[PeopleInTransit])
		fail("drugs on the road conserved", cum[DrugsShippedKg],
			cum[DrugsMovedKg]+cum[DrugSeizuresKg]-cum[StashSeizedKg]+cum[SeizuresAbroadKg]+rec[DrugsInTransitKg])
		fail("drugs at the stash conserved", cum[StashInKg],
			cum[StashSoldKg]+cum[StashSeizedKg]+cum[StashLostKg]+rec[StashKg])
		fail("every case in one stage", cum[CasesOpened]+cum[DrugCasesOpened],
			rec[Backlog]+rec[DrugBacklog]+rec[TrialsPending]+cum[CasesExpired]+cum[CasesProtected]+
				cum[CasesBribed]+cum[CasesWeak]+cum[Convictions]+cum[DrugConvictions]+cum[Acquittals])
		l := &w.ledger
		fail("money conserved", w.start+l.In,
			rec[CapitalUSD]+l.Officials+l.Elites+l.State+l.Out+l.Exited)

		probs := []float64{w.audit, w.identify, w.testify, w.finHazard}
		for e := range w.pDet {
			probs = append(probs, w.pDet[e][:]...)
		}
		for r := 0; r < nRoles; r++ {
			probs = append(probs, rec[CorruptShareBorderGuard+Metric(r)])
		}
		probs = append(probs, rec[DominantInfluence])
		for _, p := range probs {
			if !(p >= 0 && p <= 1) {
				t.Fatalf("month %d: a probability or share is %v", month, p)
			}
		}
		for g := range w.orgs {
			o := &w.orgs[g]
			if o.alive && (o.busy < 0 || o.busy > o.vehicles || o.members < 0 || o.facilitators < 0) {
				t.Fatalf("month %d: organization %d has %d of %d vehicles busy, %d members, %d facilitators",
					month, g, o.busy, o.vehicles, o.members, o.facilitators)
			}
		}
	}
}

// The default scenario keeps the invariants too.
func TestInvariantsDefaultScenario(t *testing.T) {
	t.Parallel()
	m := mustModel(t, defaultScenario(t))
	w := m.NewWorld()
	w.Reset(1, 0)
	checkInvariants(t, w, m.Months())
}
