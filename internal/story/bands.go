package story

// The LSH index in memory.
//
// Each band of the index maps a band value to the stories filed under it.
// A Go map of slices of story ids took about 700 bytes a story for the 32
// bands (an entry, a slice and its array in each), more than the
// signature itself. A bandTable keeps only the story's ordinal, four
// bytes, in an open-addressing table (linear probing); the value a slot
// is filed under is not stored but read again from the story's
// representative when a lookup or a move needs it. Stories with one value
// sit next to each other, so a lookup walks them as it walked a slice.
// Deleting shifts back the slots after the one freed (no tombstones), so a
// table never fills with dead slots in a long run of incremental updates.

// maxLoad is the share of a table's slots in use above which it doubles,
// in tenths.
const maxLoad = 7

// minSlots is the size of a table when its first story is filed.
const minSlots = 64

// bandTable is one band of the LSH index.
type bandTable struct {
	slots []uint32 // ordinal+1 of a story in Set.byOrd; 0 for a free slot
	n     int      // slots in use
	shift uint     // 64 - log2(len(slots))
}

// home returns the slot where a value's probe starts.
func (t *bandTable) home(v uint64) int {
	return int((v * 0x9e3779b97f4a7c15) >> t.shift)
}

// add files story ordinal o under value v; the table must have a free
// slot (Set.growBands).
func (t *bandTable) add(v uint64, o uint32) {
	mask := len(t.slots) - 1
	j := t.home(v)
	for t.slots[j] != 0 {
		j = (j + 1) & mask
	}
	t.slots[j] = o + 1
	t.n++
}

// growBands makes the band tables large enough for n stories, filing
// again every story: all of them at once, since they hold as many stories
// each, so that each representative's signature is read once rather than
// once a band.
func (s *Set) growBands(n int) {
	size := minSlots
	for n*10 > size*maxLoad {
		size *= 2
	}
	if size <= len(s.bands[0].slots) {
		return
	}
	shift := uint(64)
	for x := size; x > 1; x >>= 1 {
		shift--
	}
	for i := range s.bands {
		s.bands[i] = bandTable{slots: make([]uint32, size), shift: shift}
	}
	for _, r := range s.byOrd {
		if r == nil {
			continue
		}
		for i := range s.bands {
			s.bands[i].add(bandOf(r.sig, i), r.ord)
		}
	}
}

// remove takes story ordinal o, filed under v, out of the table, and
// shifts back the slots after it that would no longer be found.
func (t *bandTable) remove(v uint64, o uint32, key func(uint32) uint64) {
	if len(t.slots) == 0 {
		return
	}
	mask := len(t.slots) - 1
	i := t.home(v)
	for t.slots[i] != o+1 {
		if t.slots[i] == 0 {
			return // not filed
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; t.slots[j] != 0; j = (j + 1) & mask {
		h := t.home(key(t.slots[j] - 1))
		// The slot at j may move to the free one at i unless its home
		// lies cyclically in (i, j].
		if i <= j && (h <= i || h > j) || i > j && h <= i && h > j {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = 0
	t.n--
}
