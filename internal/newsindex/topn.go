package newsindex

// The best hits of a walk.
//
// A walk (walk.go) offers every match to a topN, which keeps the n that
// rank first in the search's order: a bounded heap whose root is the worst
// hit kept, so that most matches are turned away by one comparison. Keys
// come from the generation's sort columns (columns.go): the score the
// searcher gave, the date, and the rank of the id. A cursor (cursor.go)
// bounds the walk from above: only matches that rank after it are offered.

import (
	"container/heap"
	"slices"

	"github.com/newsfts/newsfts/internal/search"
)

// entry is one match: its document number and score.
type entry struct {
	d     uint32
	score float64
}

// order ranks entries of one generation for one sort.
type order struct {
	sort search.Sort
	col  *columns
}

// dateKey is d's date as a key that sorts its undated articles last.
func (o order) dateKey(d uint32) int64 {
	t := o.col.date[d]
	if t == noDate && o.sort == search.Oldest {
		return -noDate - 1 // the greatest int64: last when oldest come first
	}
	return t
}

// before reports whether a ranks before b.
func (o order) before(a, b entry) bool {
	if o.sort == search.Relevance && a.score != b.score {
		return a.score > b.score
	}
	if ka, kb := o.dateKey(a.d), o.dateKey(b.d); ka != kb {
		if o.sort == search.Oldest {
			return ka < kb
		}
		return ka > kb
	}
	return o.col.rank[a.d] < o.col.rank[b.d]
}

// bound is the position of a cursor: the keys of the last hit shown.
type bound struct {
	score float64
	date  int64  // as dateKey gives it
	after uint32 // columns.after of the hit's id
}

// past reports whether e ranks after the cursor b.
func (o order) past(e entry, b *bound) bool {
	if o.sort == search.Relevance && e.score != b.score {
		return e.score < b.score
	}
	if k := o.dateKey(e.d); k != b.date {
		if o.sort == search.Oldest {
			return k > b.date
		}
		return k < b.date
	}
	return o.col.rank[e.d] >= b.after
}

// topN keeps the n best entries offered to it.
type topN struct {
	o     order
	n     int
	after *bound // nil: from the start
	h     []entry
}

func (t *topN) Len() int           { return len(t.h) }
func (t *topN) Less(i, j int) bool { return t.o.before(t.h[j], t.h[i]) } // the worst at the root
func (t *topN) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topN) Push(x any)         { t.h = append(t.h, x.(entry)) }
func (t *topN) Pop() any {
	e := t.h[len(t.h)-1]
	t.h = t.h[:len(t.h)-1]
	return e
}

// offer considers e.
func (t *topN) offer(e entry) {
	switch {
	case t.after != nil && !t.o.past(e, t.after):
	case len(t.h) < t.n:
		heap.Push(t, e)
	case t.o.before(e, t.h[0]):
		t.h[0] = e
		heap.Fix(t, 0)
	}
}

// sorted returns the entries kept, best first.
func (t *topN) sorted() []entry {
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b entry) int {
		if t.o.before(a, b) {
			return -1
		}
		return 1
	})
	return out
}
