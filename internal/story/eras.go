package story

// Eras: the LSH index cut by time.
//
// Two articles are copies only when published within the Window of each
// other, yet the band tables used to file stories by band value alone.
// Wherever many stories share band values -- regular reports written
// from one template, or an archive holding the same text year after year
// (newsbench's replicas) -- every lookup walked all of them, across the
// whole archive, to keep the few within the Window: grouping grew with the
// square of the archive (Assign took 13 µs an article at 1x, 483 µs at 64x
// in BenchmarkAssignReplicas).
//
// So the index is cut into eras of twice the Window, and each story is
// filed under its values mixed with its founder's era. An article looks
// up its own era and the one next to it on the side its Window reaches
// into; what it walks is bounded by the stories of two eras, not of the
// archive. Stories of undated founders form an era of their own, which
// every lookup also reads while there are any. An undated article may copy
// a story of any time, so for undated articles (Assign takes them last)
// the Set builds, once per Assign, an index without eras. With no Window
// there are no eras.

import "time"

// eraOf returns the hash of t's era: 0 when undated or without eras.
func (s *Set) eraOf(t time.Time) uint64 {
	if !s.idx.eras || t.IsZero() {
		return 0
	}
	e, _ := s.era(t)
	return eraHash(e)
}

// era returns the number of t's era and whether t lies in its first half
// (its Window reaches into the era before; else into the one after).
func (s *Set) era(t time.Time) (int64, bool) {
	w := max(int64((s.span+time.Second-1)/time.Second), 1) // the Window in whole seconds
	sec := t.Unix()
	e := sec / (2 * w)
	if sec%(2*w) < 0 {
		e-- // floor, for times before 1970
	}
	return e, sec-e*2*w < w
}

// eraHash spreads era numbers over 64 bits; it is never 0.
func eraHash(e int64) uint64 {
	x := uint64(e) + 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return (x ^ x>>31) | 1
}

// probes returns the index to look an article published at t up in, and
// the era hashes to look it up under.
func (s *Set) probes(t time.Time) (*lsh, []uint64) {
	switch {
	case !s.idx.eras:
		return &s.idx, []uint64{0}
	case t.IsZero():
		return s.anyEraIndex(), []uint64{0}
	}
	e, early := s.era(t)
	next := e + 1
	if early {
		next = e - 1
	}
	eras := []uint64{eraHash(e), eraHash(next)}
	if s.undated > 0 {
		eras = append(eras, 0)
	}
	return &s.idx, eras
}

// anyEraIndex returns the index without eras, building it if need be.
func (s *Set) anyEraIndex() *lsh {
	if s.anyEra == nil {
		s.anyEra = &lsh{}
		s.refile(s.anyEra)
	}
	return s.anyEra
}

// cutEras files every story again if the Window changed since its eras
// were cut.
func (s *Set) cutEras() {
	if s.span == s.Window {
		return
	}
	s.span, s.idx = s.Window, lsh{eras: s.Window > 0}
	for _, r := range s.byOrd {
		if r != nil {
			r.era = s.eraOf(r.published)
		}
	}
	s.refile(&s.idx)
}

// refile files every story in x, which is empty.
func (s *Set) refile(x *lsh) {
	s.grow(x, len(s.reps)) // files the bands
	for _, r := range s.byOrd {
		if r != nil {
			for _, w := range r.keys {
				x.sketched.add(x.word(r, w), r.ord)
			}
		}
	}
}
