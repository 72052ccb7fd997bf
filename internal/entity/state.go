package entity

// doc is the working state of one Extract call. Extractors keep docs in a
// pool and reuse their slices.
type doc struct {
	segs     []string  // title, then paragraphs
	segCaps  []bool    // the segment is all capitals
	toks     []token   // all tokens of all segments
	arena    []byte    // token keys while tokenizing
	keys     string    // token keys after tokenizing
	ments    []mention // names found
	links    []link    // acronym definitions
	akas     []aka     // names given as another name of the name before
	lowerSet map[string]bool
	hintSet  map[string]bool

	// Resolution's working state (resolve.go), kept for reuse.
	groups []group
	owner  []int
	index  map[string]int

	// The tagger's working state (tagger.go).
	info    []tokInfo
	docBits bitSet
	tags    []uint8
	em      []int32
	back    []uint8
	feats   []uint64
}

// reset empties d for another document.
func (d *doc) reset() {
	d.segs = d.segs[:0]
	d.segCaps = d.segCaps[:0]
	d.toks = d.toks[:0]
	d.arena = d.arena[:0]
	d.keys = ""
	d.ments = d.ments[:0]
	d.links = d.links[:0]
	d.akas = d.akas[:0]
	clear(d.lowerSet)
	clear(d.hintSet)
	d.info = d.info[:0]
	d.tags = d.tags[:0]
}

// key returns the key of token i.
func (d *doc) key(i int) string {
	t := &d.toks[i]
	return d.keys[t.k0:t.k1]
}

// text returns the text of token i.
func (d *doc) text(i int) string {
	t := &d.toks[i]
	return d.segs[t.seg][t.start:t.end]
}

// upperRun reports whether every word among tokens a..b-1 is in capitals
// and, in an all-capitals segment, is no function word: such tokens may match
// an acronym ("WHO", but not "WHO" in a shouted headline).
func (d *doc) upperRun(a, b int) bool {
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if !t.is(tWord) {
			continue
		}
		if !t.is(tUpper) {
			return false
		}
		if d.segCaps[t.seg] && t.class&cFunction != 0 {
			return false
		}
	}
	return true
}

// hasLower reports whether the word key k occurs in lower case anywhere in
// the document, which says that a capitalised k opening a sentence is a
// common word.
func (d *doc) hasLower(k string) bool {
	if d.lowerSet == nil {
		d.lowerSet = make(map[string]bool)
	}
	if len(d.lowerSet) == 0 {
		d.lowerSet[""] = true
		for i := range d.toks {
			if d.toks[i].is(tLower) {
				d.lowerSet[d.key(i)] = true
			}
		}
	}
	return d.lowerSet[k]
}

// hasHint reports whether any key of hints occurs as a word of the document.
func (d *doc) hasHint(hints []string) int {
	if d.hintSet == nil {
		d.hintSet = make(map[string]bool)
	}
	if len(d.hintSet) == 0 {
		d.hintSet[""] = true
		for i := range d.toks {
			if d.toks[i].is(tWord) {
				d.hintSet[d.key(i)] = true
			}
		}
	}
	n := 0
	for _, h := range hints {
		if d.hintSet[h] {
			n++
		}
	}
	return n
}

// markSegment flags the tokens from n on of segment seg as restricted when
// the segment is a headline: all in capitals, or in title case ("Türkiye's
// MIT Modernizes for a New Global Role"). In a headline capitals say nothing,
// so only gazetteer names and names found in the body count there.
func (d *doc) markSegment(seg, n int, isTitle bool) {
	words, caps, upper, long, longCaps, stops := 0, 0, 0, 0, 0, 0
	for i := n; i < len(d.toks); i++ {
		t := &d.toks[i]
		if t.punct == '.' || t.punct == '!' || t.punct == '?' {
			stops++
		}
		if !t.is(tWord) || t.flags&(tCap|tLower) == 0 {
			continue
		}
		words++
		if t.is(tUpper) {
			upper++
		}
		if t.capWord() {
			caps++
		}
		if t.end-t.start >= 4 {
			long++
			if t.capWord() {
				longCaps++
			}
		}
	}
	allCaps := words >= 2 && upper == words
	minLong := 3
	if isTitle {
		minLong = 2
	}
	titleCase := long >= minLong && longCaps*10 >= long*7 && caps*10 >= words*6 &&
		words <= 24 && stops == 0 // headings have no full stop: prose is never restricted
	d.segCaps[seg] = allCaps
	if !allCaps && !titleCase {
		return
	}
	for i := n; i < len(d.toks); i++ {
		d.toks[i].flags |= tRestricted
	}
}
