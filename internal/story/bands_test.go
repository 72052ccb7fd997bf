package story

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBandTable checks a band table against a map through adds and
// removes that make long runs of one value, runs that wrap around the
// end of the table, and growth.
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
		var tab bandTable
		filed := map[uint32]bool{}
		for step := range 4 * tc.n {
			o := uint32(rng.IntN(tc.n))
			if filed[o] {
				tab.remove(value[o], o, key)
				delete(filed, o)
			} else {
				tab.add(value[o], o, key)
				filed[o] = true
			}
			if step%97 == 0 || step == 4*tc.n-1 {
				checkTable(t, tc.name, &tab, filed, value)
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
