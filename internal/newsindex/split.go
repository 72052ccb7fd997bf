package newsindex

// Both cores for one search.
//
// A search of a frequent word walks a large part of the index, one
// document after another. Document numbers split the work cleanly: two
// goroutines walk the lower and the upper half of them, each with its own
// page (topN), counts and collapser, and the halves are joined at the
// end: totals and counts added, the pages offered to one another, the
// stories' best copies compared. The result is the one walk would give,
// since every piece is a sum or a best-of. Small searches are not split
// (a goroutine costs more than they do), nor those counting stories,
// whose counts remember what they have counted and do not add up.

import (
	"context"
	"sync"
)

// splitAt is the number of postings from which a word walk is split in
// two.
var splitAt uint64 = 20000

// words walks plan's matches, in two halves when it is worth it.
func (w *walk) words(ctx context.Context, plan wordPlan, scored bool) error {
	end := uint64(len(w.g.col.id))
	w.comp = w.complementable(plan)
	if w.stories || estimate(w, plan) < splitAt {
		return w.walkRange(ctx, plan, scored, 0, end)
	}
	mid := end / 2
	upper := w.fork()
	var upperErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		upperErr = upper.walkRange(ctx, plan, scored, mid, end)
	}()
	err := w.walkRange(ctx, plan, scored, 0, mid)
	wg.Wait()
	w.join(upper)
	if err != nil {
		return err
	}
	return upperErr
}

// estimate is an upper bound of the documents plan matches: the postings
// of its rarest word.
func estimate(w *walk, plan wordPlan) uint64 {
	least := ^uint64(0)
	for _, word := range plan.must {
		least = min(least, postingsOf(w, word))
	}
	return least
}

// postingsOf bounds the documents word matches: its first token's
// postings in its fields, or the sum over an OR group's words.
func postingsOf(w *walk, word planWord) uint64 {
	n := uint64(0)
	for _, c := range word.any {
		n += postingsOf(w, c)
	}
	for _, f := range word.fields {
		n += w.postings(word.terms[0], f)
	}
	return n
}

// postings is the number of postings of term in field; 0 if they cannot
// be read.
func (w *walk) postings(term, field string) uint64 {
	l, err := w.termLists()
	if err != nil {
		return 0
	}
	_, n, err := l.of(term, field)
	if err != nil {
		return 0
	}
	return n
}

// termLists returns the postings lists of the walk's search, read as it
// asks for them.
func (w *walk) termLists() (*termLists, error) {
	if w.lists == nil {
		l, err := newTermLists(w.r)
		if err != nil {
			return nil, err
		}
		w.lists = l
	}
	return w.lists, nil
}

// walkRange walks plan's matches from document lo to below hi.
func (w *walk) walkRange(ctx context.Context, plan wordPlan, scored bool, lo, hi uint64) error {
	l, err := w.termLists()
	if err != nil {
		return err
	}
	if !w.comp {
		return walkWords(ctx, l, plan, scored, lo, hi, w.visitor(true))
	}
	w.next = uint32(lo)
	err = walkWords(ctx, l, plan, scored, lo, hi, w.gapVisitor())
	w.countUpTo(uint32(hi))
	return err
}

// fork returns an empty walk of the same search, for the other half.
func (w *walk) fork() *walk {
	o := &walk{g: w.g, r: w.r, f: w.f, skip: w.skip, stories: w.stories, comp: w.comp, lists: w.lists,
		top: &topN{o: w.top.o, n: w.top.n, after: w.top.after}}
	if w.cl != nil {
		o.cl = &collapser{best: map[uint32]entry{}}
	}
	if w.ts != nil {
		o.ts = w.g.newTallies(w.f, false)
	}
	return o
}

// join adds what walk o found to w, and releases o's counts.
func (w *walk) join(o *walk) {
	w.total += o.total
	for _, e := range o.top.h {
		w.top.offer(e)
	}
	if w.cl != nil {
		for s, e := range o.cl.best {
			if b, ok := w.cl.best[s]; !ok || w.top.o.before(e, b) {
				w.cl.best[s] = e
			}
		}
	}
	if w.ts != nil {
		t := w.g.table
		t.merge(w.ts.main, o.ts.main)
		for _, i := range w.f.active {
			t.merge(w.ts.of[i], o.ts.of[i])
		}
		t.releaseAll(o.ts)
	}
}

// merge adds the counts of from to into.
func (t *facetTable) merge(into, from *tally) {
	for _, o := range from.touched {
		into.add(o, from.n[o])
	}
}
