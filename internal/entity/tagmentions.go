package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"
)

// Tagger mentions
//
// With a trained model, mentions are the runs of tokens that the tagger
// labels PER, ORG or LOC (tagger.go). Each run is cleaned as the rule-based
// path cleans a candidate (titles and function words in front, punctuation
// at the ends cut off), looked up in the gazetteer for its canonical label,
// and split into its parts when it is a hyphenated compound of gazetteer
// names ("Afghanistan-Pakistan"), whatever its label. The label becomes
// evidence of the mention's kind; resolution (resolve.go) then sums the
// evidence of all mentions of a name, so that a name keeps one kind in a
// document, and merges acronyms and surnames as before. In a title-case
// headline (never seen in training) only names also found in the body or the
// gazetteer count; headlines in capitals are tagged like any text, as the
// training corpus writes them so.

// wTagger is the evidence that one tagged mention gives for its kind; it
// outweighs a gazetteer entry of another kind, so that "Leeds" tagged as a
// club stays an organisation.
const wTagger = 12

//go:embed data/model.bin.gz
var builtinModel []byte

var (
	loadBuiltin sync.Once
	builtinTag  *model
	builtinErr  error
)

// defaultModel returns the embedded model, or nil when none is embedded.
func defaultModel() (*model, error) {
	loadBuiltin.Do(func() {
		if len(builtinModel) == 0 {
			return
		}
		builtinTag, builtinErr = readModel(bytes.NewReader(builtinModel))
		if builtinErr != nil {
			builtinErr = fmt.Errorf("entity: built-in model: %w", builtinErr)
		}
	})
	return builtinTag, builtinErr
}

// NewWithModel is New with the tagger model read from r (as written by
// Train) instead of the built-in one; a nil r means the rule-based extractor
// with no model.
func NewWithModel(aliases io.Reader, r io.Reader) (*Extractor, error) {
	var m *model
	if r != nil {
		var err error
		if m, err = readModel(r); err != nil {
			return nil, fmt.Errorf("entity: %w", err)
		}
	}
	return newExtractor(aliases, m)
}

// HasModel reports whether x types names with a trained tagger.
func (x *Extractor) HasModel() bool { return x.tagger != nil }

// tag labels the tokens of d into d.tags.
func (x *Extractor) tag(d *doc) {
	x.prepare(d)
	d.tags = append(d.tags[:0], make([]uint8, len(d.toks))...)
	m := x.tagger
	d.stretches(func(a, b int) {
		n := b - a
		if cap(d.em) < n*nTags {
			d.em = make([]int32, n*nTags)
			d.back = make([]uint8, n*nTags)
		}
		em, back := d.em[:n*nTags], d.back[:n*nTags]
		for i := a; i < b; i++ {
			d.feats = x.features(d, i, a, b, d.feats[:0])
			m.score(d.feats, em[(i-a)*nTags:])
		}
		viterbi(em, &m.trans, back, d.tags[a:b])
	})
}

// tagMentions fills d.ments and d.links from the tagger's labels.
func (x *Extractor) tagMentions(d *doc) {
	x.tag(d)
	for i := 0; i < len(d.toks); {
		tg := d.tags[i]
		if tg == tagO {
			j := i + 1
			for j < len(d.toks) && d.tags[j] == tagO && d.info[j].cand && d.sameSeg(i, j) && j-i < 4 {
				j++
			}
			if d.info[i].cand {
				x.districtPlaces(d, i, j)
			}
			i = j
			continue
		}
		j := i + 1
		for j < len(d.toks) && d.tags[j] == tg && d.toks[j].seg == d.toks[i].seg && !d.toks[j-1].is(tPoss) && j-i < maxRun {
			j++
		}
		j = d.joinAnd(i, j, tg)
		j = d.joinOf(i, j, tg)
		j = x.gazetteerEnd(d, i, j)
		a, b := d.wholeCompound(i, j)
		if !x.inMiscName(d, a, b) {
			x.addTagged(d, a, b, tg)
		}
		i = max(b, i+1)
	}
}

// addTagged adds the mentions of the tokens [a, b) labelled tg.
func (x *Extractor) addTagged(d *doc, a, b int, tg uint8) {
	k := tagKind[tg]
	if k == Person && d.words(a, b) > 1 && d.toks[b-1].class&cOrgCue != 0 && d.toks[a].class&cFirstName == 0 {
		k = Org // "Türk Telekom"
	}
	if k == Org {
		a = d.orgRun(a, b)
	}
	for a < b && d.dropFront(a, b, k) && !x.particleName(d, a, b) {
		a++
	}
	a = x.demonymFront(d, a, b)
	for b > a && (!d.toks[b-1].is(tWord) || d.toks[b-1].is(tLower)) {
		b--
	}
	if a >= b {
		return
	}
	if x.splitCompound(d, a, b, k) {
		return
	}
	if b-a == 1 && d.toks[a].is(tUpper) && d.definesTerm(a) {
		return // "open-source intelligence (OSINT)"
	}
	node := int32(-1)
	if n, nd := x.trie.longest(d, a, b); a+n == b {
		node = nd
	} else if n > 0 {
		node = x.sameEntry(d, a, b)
	}
	if k < 0 && (node < 0 || x.ents[x.trie.ents[node][0]].kind < 0) {
		x.districtPlaces(d, a, b) // MISC, unless a place word follows
		return                    // or the gazetteer knows the name: "a Taliban spokesman"
	}
	if node < 0 && x.commonOpener(d, a, b) {
		return
	}
	if node >= 0 && (k == Place || k == Person) && x.knownOrg(d, a, b, node, k) {
		k = Org // "According to Hürriyet", "al-Qaida"
	}
	if k >= 0 && k != Place && node < 0 && d.placeList(a, b) {
		k = Place
	}
	if k == Place && node < 0 && d.companyContext(a) {
		k = Org
	}
	m := d.newMention(a, b, node)
	if k >= 0 {
		m.votes[k] += wTagger
	}
	m.kind = int8(k)
	m.initial = false
	m.restricted = d.headline(a)
	d.ments = append(d.ments, m)
	d.acronymAfter(b)
}

// splitCompound adds the parts of [a, b) as mentions when it holds a
// hyphenated compound of two or more gazetteer names, and reports whether
// it did. A part takes the tagger's kind k as evidence when it is not -1.
func (x *Extractor) splitCompound(d *doc, a, b int, k Kind) bool {
	hyphen := false
	for i := a; i < b; i++ {
		hyphen = hyphen || d.toks[i].is(tHyphen)
	}
	if !hyphen || !x.covered(d, a, b) {
		return false
	}
	if n, _ := x.trie.longest(d, a, b); a+n == b {
		return false // one name: "Inter-Services Intelligence"
	}
	for i := a; i < b; {
		n, node := x.trie.longest(d, i, b)
		if n == 0 {
			i++
			continue
		}
		m := d.newMention(i, i+n, node)
		m.initial = false
		m.kind = -1
		if k >= 0 {
			m.votes[k] += wTagger
			m.kind = int8(k)
		}
		m.restricted = d.headline(i)
		d.ments = append(d.ments, m)
		i += n
	}
	return true
}

// dropFront reports whether token a is no part of the name [a, b) of kind
// k that the tagger found: punctuation, a lower-case word, a function word
// other than "The" ("The Hague") or an initial, or a person's title.
func (d *doc) dropFront(a, b int, k Kind) bool {
	t := &d.toks[a]
	switch {
	case !t.is(tWord) || t.is(tLower):
		return true
	case t.class&cFirstName != 0 || d.isInitial(a):
		return false
	case t.class&cFunction != 0:
		return d.key(a) != "the" || d.toks[a].is(tUpper)
	}
	return k == Person && t.class&cTitle != 0 && d.words(a, b) > 1
}

// wholeCompound widens the tagged tokens [a, b) to the whole hyphenated
// compound they are part of, over candidate tokens only: a name never
// starts or ends inside "Crans-Montana".
func (d *doc) wholeCompound(a, b int) (int, int) {
	a0 := a
	for a >= 2 && a0-a < maxRun && d.toks[a-1].is(tHyphen) && d.info[a-1].cand && d.info[a-2].cand && d.toks[a-2].seg == d.toks[a].seg {
		a -= 2
	}
	b0 := b
	for b+1 < len(d.toks) && b-b0 < maxRun && d.toks[b].is(tHyphen) && d.info[b].cand && d.info[b+1].cand && d.toks[b+1].seg == d.toks[b-1].seg {
		b += 2
	}
	return a, b
}

// inMiscName reports whether the tagged tokens [a, b) open a run of
// capitalised words that ends with a word such as "Agreement" or "Cup":
// "Paris Climate Accord" names an agreement, not Paris.
func (x *Extractor) inMiscName(d *doc, a, b int) bool {
	e := b
	for e < len(d.toks) && d.toks[e].seg == d.toks[a].seg && e-b < maxRun {
		if !d.info[e].cand && !d.bridge(a, b, e) {
			break
		}
		e++
	}
	for e > b && !d.toks[e-1].is(tWord) {
		e--
	}
	return e > b && d.toks[e-1].class&cMiscCue != 0 && d.toks[e-1].capWord()
}

// bridge reports whether the lower-case word at token e may join the
// one-word name [a, b) that no gazetteer knows to the capitalised words
// after it into the name of an agreement: "Trade in Goods Agreement".
func (d *doc) bridge(a, b, e int) bool {
	t := &d.toks[e]
	return b-a == 1 && d.info[a].gaz == 0 && t.is(tLower) && t.end-t.start <= 3 &&
		t.class&cFunction != 0 && d.sameSeg(e, e+1) && d.toks[e+1].capWord()
}

// headline reports whether token i is in a title-case headline, where the
// tagger (trained on prose and on headlines in capitals) is not trusted: the
// title, or a paragraph marked restricted (state.go) that holds no digits,
// brackets or commas, which lines of results and tables do ("Lindsay
// Davenport (U.S.) beat Conchita Martinez (Spain) 6-3 6-2").
func (d *doc) headline(i int) bool {
	t := &d.toks[i]
	if !t.is(tRestricted) || d.segCaps[t.seg] {
		return false
	}
	if t.seg == 0 {
		return true
	}
	a, b := i, i
	for a > 0 && d.toks[a-1].seg == t.seg {
		a--
	}
	for b < len(d.toks) && d.toks[b].seg == t.seg {
		b++
	}
	for j := a; j < b; j++ {
		u := &d.toks[j]
		if u.punct == '(' || u.punct == ',' || u.is(tWord) && u.flags&(tCap|tLower|tUpper) == 0 {
			return false
		}
	}
	return true
}

// commonOpener reports whether [a, b) is one word that opens a sentence and
// is a common word ("Officials", "Relief"): the training text writes it in
// lower case, or this article does, and this article never capitalises it
// inside a sentence or as the first word of a longer name.
func (x *Extractor) commonOpener(d *doc, a, b int) bool {
	t := &d.toks[a]
	if b-a != 1 || !t.is(tSentStart) || d.segCaps[t.seg] || t.class&cFirstName != 0 {
		return false
	}
	bits := d.docBits.get(t.hash)
	return bits&(seenCapMid|seenCapRun) == 0 && (bits&seenLower != 0 || x.isCommon(t.hash))
}

// gazetteerEnd returns the end of the tagged tokens [i, j), moved on to the
// end of a gazetteer name of two or more words that starts at i and goes on
// over candidate tokens: the gazetteer knows where "Tehreek-e-Taliban
// Pakistan" ends better than the tagger.
func (x *Extractor) gazetteerEnd(d *doc, i, j int) int {
	n, _ := x.trie.longest(d, i, len(d.toks))
	if n < 2 || i+n <= j {
		return j
	}
	for k := j; k < i+n; k++ {
		if !d.info[k].cand {
			return j
		}
	}
	return i + n
}

// joinAnd returns the end of the tagged tokens [i, j), moved over "and" and
// one more word of the same label when [i, j) holds "of": the tagger may
// cut "Ministry of Science and Technology" in two.
func (d *doc) joinAnd(i, j int, tg uint8) int {
	if j+1 >= len(d.toks) || !d.sameSeg(i, j+1) || d.tags[j+1] != tg || !d.toks[j].is(tLower) || d.key(j) != "and" || d.linked(i, j) < 0 {
		return j
	}
	if j+2 < len(d.toks) && d.sameSeg(j, j+2) && d.tags[j+2] == tg {
		return j // more than one word: "... and Turkish State Railways"
	}
	return j + 2
}

// joinOf returns the end of the tagged tokens [i, j), moved over "of" and
// the name after it when [i, j) ends with a word that opens such names and
// the name after it is tagged too: "Republic of Cyprus", "Bank of England".
func (d *doc) joinOf(i, j int, tg uint8) int {
	if j+1 >= len(d.toks) || !d.sameSeg(i, j+1) || d.toks[j-1].class&(cOrgHead|cPlaceHead) == 0 ||
		!d.toks[j].is(tLower) || d.key(j) != "of" || d.tags[j+1] == tagO {
		return j
	}
	k := j + 1
	for k < len(d.toks) && d.sameSeg(j, k) && d.tags[k] == d.tags[j+1] && k-i < maxRun {
		k++
	}
	return k
}
