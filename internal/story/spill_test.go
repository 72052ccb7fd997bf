package story

import (
	"slices"
	"testing"
)

// TestSpill checks that a Spill gives back every member put, in order and
// whole (dates in their zones, undated ones, sketches short and long, no
// sketch), across two rounds of puts and drains.
func TestSpill(t *testing.T) {
	var ms []Member
	for _, m := range mixedSet(t).members {
		ms = append(ms, *m)
	}
	long := ms[0]
	long.Sketch, long.ID = nil, "no-sketch"
	ms = append(ms, long)
	slices.SortFunc(ms, func(a, b Member) int { return byTime(&a, &b) })
	sp, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	for round, part := range [][]Member{ms[:len(ms)/2], ms[len(ms)/2:]} {
		for i := range part {
			if err := sp.Put(&part[i]); err != nil {
				t.Fatal(err)
			}
		}
		if sp.Len() != len(part) {
			t.Fatalf("round %d: Len %d, want %d", round, sp.Len(), len(part))
		}
		var got []Member
		if err := sp.Drain(func(m Member) { got = append(got, m) }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(part) || sp.Len() != 0 {
			t.Fatalf("round %d: drained %d (Len then %d), want %d", round, len(got), sp.Len(), len(part))
		}
		for i := range got {
			got[i].Story = part[i].Story // a Spill keeps no story: grouping sets it
			if !sameSpilled(&got[i], &part[i]) {
				t.Errorf("round %d: member %d came back as %+v, want %+v", round, i, got[i], part[i])
			}
		}
	}
}

// sameSpilled is sameMember, an empty list of a sketch equal to none.
func sameSpilled(a, b *Member) bool {
	if (a.Sketch == nil) != (b.Sketch == nil) {
		return false
	}
	if a.Sketch != nil && !(slices.Equal(a.Sketch.Words, b.Sketch.Words) && slices.Equal(a.Sketch.Slots, b.Sketch.Slots) && slices.Equal(a.Sketch.Names, b.Sketch.Names)) {
		return false
	}
	x, y := *a, *b
	x.Sketch, y.Sketch = nil, nil
	return sameMember(&x, &y)
}
