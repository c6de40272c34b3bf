package sim

import "math"

// rotate reassigns every official of every role to a slot (mechanism 7).
// Slots are taken in order of their post's bribe income; the lucrative
// ones (patronage.lucrative_share of a role's slots) each go, with
// probability clan_capture × influence, to a member of the dominant
// elite's clan, who becomes its client. All other slots go to the
// remaining officials in random order. Rival elites whose clients lost
// lucrative slots grow their clients' loyalty (scare tactics).
func (w *World) rotate() {
	m := w.m
	pa := &w.p.Patronage
	dom := w.dominant
	pCapture := 0.0
	domClan := int32(-1)
	if dom >= 0 {
		pCapture = pa.ClanCapture * w.elites[dom].influence
		domClan = m.eliteClan[dom]
	}
	clear(w.heldPre)
	clear(w.heldPost)
	lucrTotal := 0
	for r := 0; r < nRoles; r++ {
		n := int(m.roleCount[r])
		if n == 0 {
			continue
		}
		w.sortPosts(r)
		lucr := int(math.Ceil(pa.LucrativeShare * float64(n)))
		lucrTotal += lucr
		w.countHeld(lucr, w.heldPre)

		// Candidates in random order (Fisher-Yates).
		perm := w.perm[:n]
		for i := range perm {
			perm[i] = m.roleStart[r] + int32(i)
		}
		for i := n - 1; i > 0; i-- {
			j := w.r.intn(i + 1)
			perm[i], perm[j] = perm[j], perm[i]
		}
		taken := w.taken[m.roleStart[r] : int(m.roleStart[r])+n]
		clear(taken)
		domNext, next := 0, 0
		k := 0
		for _, pi := range w.order {
			po := &m.posts[pi]
			for s := po.first; s < po.first+po.n; s++ {
				id := int32(-1)
				if k < lucr && domClan >= 0 && w.r.float() < pCapture {
					for domNext < n && id < 0 {
						c := perm[domNext]
						domNext++
						if !taken[c-m.roleStart[r]] && w.officials[c].clan == domClan {
							id = c
						}
					}
				}
				captured := id >= 0
				for id < 0 {
					c := perm[next]
					next++
					if !taken[c-m.roleStart[r]] {
						id = c
					}
				}
				taken[id-m.roleStart[r]] = true
				o := &w.officials[id]
				o.post, o.slot = pi, s
				if captured {
					o.patron = dom
				}
				w.slots[s] = id
				k++
			}
		}
		w.countHeld(lucr, w.heldPost)
	}
	if lucrTotal == 0 {
		return
	}
	// Scare: an elite sees rivals' clients gain lucrative slots.
	var pre, post float64
	for e := range w.elites {
		pre += w.heldPre[e]
		post += w.heldPost[e]
	}
	for e := range w.elites {
		gained := ((post - w.heldPost[e]) - (pre - w.heldPre[e])) / float64(lucrTotal)
		if gained > 0 {
			w.elites[e].loyalty += pa.Scare * gained
		}
	}
}

// sortPosts fills w.order with role r's posts by descending bribe income,
// ties by index (an insertion sort: a role has few posts).
func (w *World) sortPosts(r int) {
	w.order = w.order[:0]
	for i := range w.m.posts {
		if int(w.m.posts[i].role) == r {
			w.order = append(w.order, int32(i))
		}
	}
	o := w.order
	for i := 1; i < len(o); i++ {
		for j := i; j > 0 && w.posts[o[j]].income > w.posts[o[j-1]].income; j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
}

// countHeld adds to held, per elite, the first lucr slots in w.order held
// by its clients.
func (w *World) countHeld(lucr int, held []float64) {
	k := 0
	for _, pi := range w.order {
		po := &w.m.posts[pi]
		for s := po.first; s < po.first+po.n && k < lucr; s++ {
			if p := w.officials[w.slots[s]].patron; p >= 0 {
				held[p]++
			}
			k++
		}
	}
}
