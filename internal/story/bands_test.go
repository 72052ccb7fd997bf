package story

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBandTable checks a band table against a map through adds and
// removes that make long runs of one value and runs that wrap around the
// end of the table.
func TestBandTable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values uint64 // distinct values the stories take
		n      int    // stories
	}{
		{"one value for all", 1, 200},
		{"few values", 3, 500},
		{"many values", 1 << 40, 3000},
	} {
		rng := rand.New(rand.NewPCG(1, uint64(tc.n)))
		value := make([]uint64, tc.n)
		for o := range value {
			value[o] = rng.Uint64N(tc.values) * 0x7f4a7c15 // high bits too, which pick the home slot
		}
		key := func(o uint32) uint64 { return value[o] }
		s := New(DefaultThreshold)
		s.grow(&s.idx, tc.n) // the test files stories in one table by hand
		tab := &s.idx.bands[0]
		filed := map[uint32]bool{}
		for step := range 4 * tc.n {
			o := uint32(rng.IntN(tc.n))
			if filed[o] {
				tab.remove(value[o], o, key)
				delete(filed, o)
			} else {
				tab.add(value[o], o)
				filed[o] = true
			}
			if step%97 == 0 || step == 4*tc.n-1 {
				checkTable(t, tc.name, tab, filed, value)
			}
		}
	}
}

// checkTable checks that looking up each value in tab finds exactly the
// ordinals filed under it.
func checkTable(t *testing.T, name string, tab *bandTable, filed map[uint32]bool, value []uint64) {
	t.Helper()
	if tab.n != len(filed) {
		t.Fatalf("%s: %d in the table, want %d", name, tab.n, len(filed))
	}
	want := map[uint64][]uint32{}
	for o := range filed {
		want[value[o]] = append(want[value[o]], o)
	}
	for v, os := range want {
		var got []uint32
		mask := len(tab.slots) - 1
		for j := tab.home(v); tab.slots[j] != 0; j = (j + 1) & mask {
			if o := tab.slots[j] - 1; value[o] == v {
				got = append(got, o)
			}
		}
		slices.Sort(got)
		slices.Sort(os)
		if !slices.Equal(got, os) {
			t.Fatalf("%s: value %x finds %v, want %v", name, v, got, os)
		}
	}
}

// TestBandsGrow checks that stories filed while the band tables grow, and
// after some are removed, are all found again by their copies.
func TestBandsGrow(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	const n = 3000
	sigs := make([]Signature, n)
	s := New(DefaultThreshold)
	for i := range sigs {
		for j := range sigs[i] {
			sigs[i][j] = rng.Uint32()
		}
		s.Add(Member{ID: fmt.Sprintf("a%d", i), Sig: &sigs[i], Shingles: 100})
		if i%500 == 0 {
			s.Assign()
		}
	}
	s.Assign()
	for i := 0; i < n; i += 2 {
		s.Remove(fmt.Sprintf("a%d", i))
	}
	for i := range sigs {
		s.Add(Member{ID: fmt.Sprintf("b%d", i), Sig: &sigs[i], Shingles: 100})
	}
	s.Assign()
	for i := range sigs {
		want := fmt.Sprintf("a%d", i)
		if i%2 == 0 {
			want = fmt.Sprintf("b%d", i)
		}
		if got := s.Story(fmt.Sprintf("b%d", i)); got != want {
			t.Fatalf("b%d: story %q, want %q", i, got, want)
		}
	}
	if len(s.idx.bands[0].slots) < n || s.idx.bands[0].n != n {
		t.Errorf("tables of %d slots holding %d stories, want at least %d holding %d", len(s.idx.bands[0].slots), s.idx.bands[0].n, n, n)
	}
}

// TestKeyTable checks the sketch index against a map through adds and
// removes, with many stories under one key, and growth.
func TestKeyTable(t *testing.T) {
	for _, keys := range []uint32{1, 5, 1 << 30} {
		rng := rand.New(rand.NewPCG(3, uint64(keys)))
		var tab keyTable
		type pair struct{ k, o uint32 }
		filed := map[pair]bool{}
		for step := range 6000 {
			p := pair{rng.Uint32N(keys) * 0x9e3779b9, rng.Uint32N(700)}
			if filed[p] {
				tab.remove(p.k, p.o)
				delete(filed, p)
			} else {
				tab.add(p.k, p.o)
				filed[p] = true
			}
			if step%101 != 0 && step != 5999 {
				continue
			}
			want := map[uint32][]uint32{}
			for p := range filed {
				want[p.k] = append(want[p.k], p.o)
			}
			for k, os := range want {
				var got []uint32
				for j := tab.find(k); j >= 0; j = tab.next(k, j) {
					got = append(got, tab.slots[j].ord-1)
				}
				slices.Sort(got)
				slices.Sort(os)
				if !slices.Equal(got, os) || tab.count(k) != len(os) {
					t.Fatalf("%d keys, step %d: key %x finds %v, want %v", keys, step, k, got, os)
				}
			}
			if tab.n != len(filed) {
				t.Fatalf("%d keys: %d in the table, want %d", keys, tab.n, len(filed))
			}
		}
	}
}
