package entity

// table is a set of 64-bit hashes with a value each: open addressing with
// linear probing, at most half full. Look-ups in it cost less than in a Go
// map, which matters on the hot path (a look-up or more per token). Keys
// are hashes: 0 is stored as 1, which a 64-bit hash collides with too
// rarely to matter.
type table[V any] struct {
	keys []uint64
	vals []V
	mask uint64
	n    int

	// filter, when set by seal, has a bit for each key present: a look-up
	// of an absent key mostly ends there, in a few kilobytes that stay in
	// the cache, instead of in the table.
	filter []uint64
	fbits  uint
}

// fixKey maps the empty-slot marker 0 to 1.
func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *table[V]) slot(k uint64) uint64 {
	i := (k * 0x9E3779B97F4A7C15) >> 20 & t.mask
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	return i
}

// get returns the value of key k and whether it is present.
func (t *table[V]) get(k uint64) (V, bool) {
	var zero V
	if t.n == 0 {
		return zero, false
	}
	k = fixKey(k)
	if t.filter != nil {
		if f := (k * 0x9E3779B97F4A7C15) >> (64 - t.fbits); t.filter[f>>6]&(1<<(f&63)) == 0 {
			return zero, false
		}
	}
	i := t.slot(k)
	if t.keys[i] == 0 {
		return zero, false
	}
	return t.vals[i], true
}

// seal builds the filter, with 8 bits a key, once the table is filled;
// keys added later would be missed.
func (t *table[V]) seal() {
	t.fbits = 12
	for 1<<t.fbits < 8*t.n {
		t.fbits++
	}
	t.filter = make([]uint64, 1<<t.fbits/64)
	for _, k := range t.keys {
		if k != 0 {
			f := (k * 0x9E3779B97F4A7C15) >> (64 - t.fbits)
			t.filter[f>>6] |= 1 << (f & 63)
		}
	}
}

// ptr returns a pointer to the value of key k, adding k with the zero
// value when it is absent. It must not be called after seal.
func (t *table[V]) ptr(k uint64) *V {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	k = fixKey(k)
	i := t.slot(k)
	if t.keys[i] == 0 {
		t.keys[i] = k
		t.n++
	}
	return &t.vals[i]
}

// grow doubles the table (or makes the first one).
func (t *table[V]) grow() {
	old, oldVals := t.keys, t.vals
	size := max(2*len(old), 64)
	t.keys, t.vals, t.mask = make([]uint64, size), make([]V, size), uint64(size-1)
	for i, k := range old {
		if k != 0 {
			j := t.slot(k)
			t.keys[j], t.vals[j] = k, oldVals[i]
		}
	}
}
