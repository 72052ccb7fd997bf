package newsindex

// Counting the facets of a frequent word by what it does not match.
//
// A word found in most articles ("said" is in four of five) makes its
// search count the facet terms of most articles, one matching document
// after another, each a read from its own place in memory. When the word
// is known to match more than half of the articles, the walk counts the
// articles between its matches instead: in the facet table the ordinals of
// consecutive documents are consecutive, so the articles from one match to
// the next are one contiguous run of ordinals, read in order. The counts
// of the matches are then the counts over all articles (which the table
// holds) less those. Only a search of one word (or one OR group of words)
// with no filter and articles counted does this: the postings of the word
// bound its matches from below, and every match is counted the same way.

// complementable reports whether plan's matches are counted by their
// complement: one word with no NOT, no filter, articles counted, and the
// word known to match more than half of the documents.
func (w *walk) complementable(plan wordPlan) bool {
	if w.ts == nil || w.ts.main == nil || !w.f.none() || w.stories || len(plan.must) != 1 || len(plan.not) > 0 {
		return false
	}
	docs, err := w.r.DocCount()
	return err == nil && matchesAtLeast(w, plan.must[0]) > docs/2
}

// matchesAtLeast bounds from below the documents word matches: the most
// postings of its term in one of its fields, or the most of its group's
// words; nothing is known of a phrase.
func matchesAtLeast(w *walk, word planWord) uint64 {
	n := uint64(0)
	for _, c := range word.any {
		n = max(n, matchesAtLeast(w, c))
	}
	if len(word.terms) != 1 {
		return n
	}
	for _, f := range word.fields {
		n = max(n, w.postings(word.terms[0], f))
	}
	return n
}

// gapVisitor returns what a walk counting by complement does with each
// match: keep it for the page and count the documents since the last one.
func (w *walk) gapVisitor() func(d uint32, score float64) {
	return func(d uint32, score float64) {
		w.total++
		w.offer(entry{d, score})
		w.countUpTo(d)
		w.next = d + 1
	}
}

// countUpTo counts the facet terms of the documents from w.next to below
// d, none of which the walk matches.
func (w *walk) countUpTo(d uint32) {
	t := w.g.table
	t.addOrds(w.ts.main, t.docOrds[t.start(w.next):t.start(d)])
}

// start is where the ordinals of document d, or of the first document
// after the last, begin in docOrds.
func (t *facetTable) start(d uint32) uint32 {
	return t.docStart[min(int(d), len(t.docStart)-1)]
}

// complement turns c, counted over the documents a search does not match,
// into the counts over those it matches.
func (t *facetTable) complement(c *tally) {
	c.touched = c.touched[:0]
	for o, k := range t.all {
		c.n[o] = k - c.n[o]
		if c.n[o] > 0 {
			c.touched = append(c.touched, uint32(o))
		}
	}
}
