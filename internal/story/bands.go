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

// lsh is an LSH index of stories: a bandTable for each band and the
// sketch index. When it is cut into eras, each story is filed under keys
// that mix its values with its era (Set.eraOf), so that stories far apart
// in time never share a probe.
type lsh struct {
	bands    [Bands]bandTable
	sketched keyTable
	eras     bool
}

// key returns what x files story r under in band i.
func (x *lsh) key(r *rep, i int) uint64 {
	if x.eras {
		return bandOf(r.sig, i) ^ r.era
	}
	return bandOf(r.sig, i)
}

// word returns what x files story r under for sketch word w.
func (x *lsh) word(r *rep, w uint32) uint32 {
	if x.eras {
		return eraWord(w, r.era)
	}
	return w
}

// eraWord mixes sketch word w with an era's hash (0: none).
func eraWord(w uint32, era uint64) uint32 { return w ^ uint32(era>>32) }

// grow makes the band tables of x large enough for n stories, filing
// again every story: all of them at once, since they hold as many stories
// each, so that each representative's signature is read once rather than
// once a band.
func (s *Set) grow(x *lsh, n int) {
	size := minSlots
	for n*10 > size*maxLoad {
		size *= 2
	}
	if size <= len(x.bands[0].slots) {
		return
	}
	shift := uint(64)
	for x := size; x > 1; x >>= 1 {
		shift--
	}
	for i := range x.bands {
		x.bands[i] = bandTable{slots: make([]uint32, size), shift: shift}
	}
	for _, r := range s.byOrd {
		if r == nil {
			continue
		}
		for i := range x.bands {
			x.bands[i].add(x.key(r, i), r.ord)
		}
	}
}

// put files story r in x, which must have room for it (grow).
func (s *Set) put(x *lsh, r *rep) {
	for i := range x.bands {
		x.bands[i].add(x.key(r, i), r.ord)
	}
	for _, w := range r.keys {
		x.sketched.add(x.word(r, w), r.ord)
	}
}

// take takes story r out of x.
func (s *Set) take(x *lsh, r *rep) {
	for i := range x.bands {
		x.bands[i].remove(x.key(r, i), r.ord, func(o uint32) uint64 { return x.key(s.byOrd[o], i) })
	}
	for _, w := range r.keys {
		x.sketched.remove(x.word(r, w), r.ord)
	}
}

// lookup calls try with every story that x files under one of the
// values of m's bands or one of its sketch words, mixed with each of eras.
func (s *Set) lookup(x *lsh, m *Member, eras []uint64, try func(*rep)) {
	for i := range x.bands {
		t := &x.bands[i]
		if len(t.slots) == 0 {
			continue
		}
		mask := len(t.slots) - 1
		for _, e := range eras {
			v := bandOf(m.Sig, i) ^ e
			for j := t.home(v); t.slots[j] != 0; j = (j + 1) & mask {
				if r := s.byOrd[t.slots[j]-1]; x.key(r, i) == v {
					try(r)
				}
			}
		}
	}
	if m.Sketch == nil {
		return
	}
	t := &x.sketched
	for _, e := range eras {
		for _, w := range m.Sketch.Words {
			k := eraWord(w, e)
			for j := t.find(k); j >= 0; j = t.next(k, j) {
				try(s.byOrd[t.slots[j].ord-1])
			}
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

// keyTable is the sketch index (sketch.go): each sketched story is filed
// under a few of its words, as pairs of a word's hash and the story's
// ordinal in an open-addressing table, eight bytes a pair where a map of
// slices took about sixty. sketchKeys files a story under the words with
// the fewest stories, so the pairs of one word stay few and counting them
// by walking the probe is cheap.
type keyTable struct {
	slots []keySlot
	n     int  // slots in use
	shift uint // 64 - log2(len(slots))
}

// keySlot is a pair of keyTable; ord is the ordinal+1 (0: a free slot).
type keySlot struct{ key, ord uint32 }

func (t *keyTable) home(k uint32) int {
	return int((uint64(k) * 0x9e3779b97f4a7c15) >> t.shift)
}

// add files story ordinal o under key k.
func (t *keyTable) add(k, o uint32) {
	if (t.n+1)*10 > len(t.slots)*maxLoad {
		t.grow()
	}
	t.put(keySlot{k, o + 1})
	t.n++
}

// put stores x in the first free slot of its probe.
func (t *keyTable) put(x keySlot) {
	mask := len(t.slots) - 1
	j := t.home(x.key)
	for t.slots[j].ord != 0 {
		j = (j + 1) & mask
	}
	t.slots[j] = x
}

// grow doubles the table (or makes its first slots).
func (t *keyTable) grow() {
	old := t.slots
	size := max(2*len(old), minSlots)
	t.slots = make([]keySlot, size)
	t.shift = 64
	for x := size; x > 1; x >>= 1 {
		t.shift--
	}
	for _, x := range old {
		if x.ord != 0 {
			t.put(x)
		}
	}
}

// find returns the first slot filed under k, or -1; next returns the one
// after slot j, or -1.
func (t *keyTable) find(k uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	return t.scan(k, t.home(k))
}

func (t *keyTable) next(k uint32, j int) int {
	return t.scan(k, (j+1)&(len(t.slots)-1))
}

// scan returns the first slot from j on filed under k, or -1 at a free
// slot.
func (t *keyTable) scan(k uint32, j int) int {
	mask := len(t.slots) - 1
	for ; t.slots[j].ord != 0; j = (j + 1) & mask {
		if t.slots[j].key == k {
			return j
		}
	}
	return -1
}

// count returns the number of stories filed under k.
func (t *keyTable) count(k uint32) int {
	n := 0
	for j := t.find(k); j >= 0; j = t.next(k, j) {
		n++
	}
	return n
}

// remove takes story ordinal o out from under key k, shifting back the
// slots after it as bandTable.remove does.
func (t *keyTable) remove(k, o uint32) {
	if len(t.slots) == 0 {
		return
	}
	mask := len(t.slots) - 1
	i := t.home(k)
	for t.slots[i] != (keySlot{k, o + 1}) {
		if t.slots[i].ord == 0 {
			return // not filed
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; t.slots[j].ord != 0; j = (j + 1) & mask {
		h := t.home(t.slots[j].key)
		if i <= j && (h <= i || h > j) || i > j && h <= i && h > j {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = keySlot{}
	t.n--
}
