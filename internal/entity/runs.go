package entity

// Finding names
//
// A name is looked for in each maximal run of capitalised words. A run may
// hold hyphens between words ("Mahjar-Barducci", "Tehreek-e-Taliban"),
// lower-case particles before a capitalised word ("Abu Yasir al-Turki"), and
// "of", "for" or "and" after a word that opens organisation or place names
// ("Ministry of Foreign Affairs", "Gulf of Aden"). A possessive ends it. The
// run is then cut into names, left to right:
//
//   - a run that ends with an organisation or place word ("Baloch National
//     Movement", "Khyber Province") and is not wholly covered by gazetteer
//     names is one name of that kind; one that ends with a word such as
//     "Agreement" or "Cup" names no entity of ours and is dropped;
//   - otherwise the longest gazetteer name at each position is taken (it may
//     reach past the run, for names with lower-case or possessive words);
//     inside a hyphenated compound only when gazetteer names cover the
//     whole compound ("Afghanistan-Pakistan" gives two places,
//     "Crans-Montana" stays one name);
//   - function words ("The", "However"), and a sentence's first word that the
//     article also writes in lower case, are dropped;
//   - titles ("President", "Foreign Minister", "Mr.") and demonyms ("Turkish",
//     "Afghan") in front of a name are dropped; a title says the name is a
//     person;
//   - what remains up to the next gazetteer name is a candidate name, typed by
//     the evidence in and around it (evidence.go; mention.votes, weighed in
//     resolve.go).
//
// Weak hints ("in X", two unknown capitalised words, an unknown acronym)
// only count when nothing stronger speaks, and only one mention's evidence
// decides whether a name is kept: two "shares in Elan" do not make a place.
//
// A run followed by an acronym in brackets, "Inter-Services Intelligence
// (ISI)", links the two.

// Evidence weights. A gazetteer entry outweighs any cue.
const (
	wGazetteer  = 10
	wSuffix     = 5 // last word such as "Organization" or "Province"
	wTitle      = 5 // a title in front
	wFirstName  = 4 // first word is a known given name
	wRole       = 4 // a role noun just before: "spokesman, Zabihullah Mujahid"
	wSaid       = 3 // "... said", ", who"
	wRecurrence = 3 // the last word recurs alone: a surname
	wPrep       = 2 // "near X", "at X", "X district", "X, Balochistan"
	wPlain      = 2 // two or three unknown capitalised words: "Mihai Tararache"
	wAcronym    = 2 // an unknown acronym: "OSCE"
	wWeakPrep   = 1 // "in X", "from X", "to X"
	minVotes    = 2 // below this a candidate is dropped
)

// maxRun bounds the tokens of one run of capitalised words, so that
// pathological input (a megabyte of "Iran-Iran-...") costs linear time and
// yields no megabyte-long label.
const maxRun = 24

// mention is one name found in the text.
type mention struct {
	a, b       int32    // the name's tokens [a, b)
	node       int32    // trie node of a gazetteer match, or -1
	votes      [3]int16 // evidence for Person, Org and Place
	initial    bool     // first word of a sentence, no title before it
	restricted bool     // found in a headline
	local      bool     // typed by its own words: a title or an initial in front
	kind       int8     // the kind the tagger gave, or -1
}

// link records an acronym definition "Long Form (LF)".
type link struct {
	long  int // index of the long form's mention
	short int // token index of the acronym
}

// findMentions fills d.ments, d.links and d.akas.
func (x *Extractor) findMentions(d *doc) {
	defer d.findAKAs()
	if x.tagger != nil {
		x.tagMentions(d)
		return
	}
	for i := 0; i < len(d.toks); {
		if !d.runStart(i) {
			i++
			continue
		}
		b := x.splitRun(d, i, d.runEnd(i))
		d.acronymAfter(b)
		i = b
	}
}

// runStart reports whether a run of capitalised words starts at token i.
func (d *doc) runStart(i int) bool {
	t := &d.toks[i]
	if t.capWord() {
		r := d.text(i)[0]
		return r < '0' || r > '9' // "5G" is no name
	}
	return t.is(tLower) && t.class&cParticle != 0 && d.hyphenCap(i+1)
}

// hyphenCap reports whether token i is a hyphen followed by a capitalised word.
func (d *doc) hyphenCap(i int) bool {
	return i+1 < len(d.toks) && d.toks[i].is(tHyphen) && d.toks[i+1].capWord()
}

// capAt reports whether token i is a capitalised word of segment seg that
// does not start a sentence.
func (d *doc) capAt(i int, seg int32) bool {
	return i < len(d.toks) && d.toks[i].seg == seg && d.toks[i].capWord() && !d.toks[i].is(tSentStart)
}

// runEnd returns the end of the run of capitalised words that starts at a.
func (d *doc) runEnd(a int) int {
	seg := d.toks[a].seg
	linked := false // an "of" or "for" joined the run
	j := a
	if !d.toks[a].capWord() { // a particle: "al-Qaida"
		j += 2
	}
	for {
		t := &d.toks[j]
		if t.is(tPoss) || j+1 >= len(d.toks) || d.toks[j+1].seg != seg || j-a >= maxRun {
			return j + 1
		}
		u := &d.toks[j+1]
		switch {
		case u.is(tHyphen) && d.capAt(j+2, seg):
			j += 2
		case u.is(tHyphen) && j+2 < len(d.toks) && d.toks[j+2].is(tLower) && d.hyphenCap(j+3):
			j += 4 // Tehreek-e-Taliban
		case u.is(tWord) && d.capAt(j+1, seg):
			j++
		case u.punct == '&' && d.capAt(j+2, seg):
			j += 2
		case u.is(tLower) && u.class&cParticle != 0 && d.capAt(j+2, seg):
			j += 2
		case u.is(tLower) && u.class&cParticle != 0 && j+3 < len(d.toks) && d.hyphenCap(j+2):
			j += 3
		case d.joinsAnd(j+1, linked):
			j += 2
		case u.is(tLower) && u.class&cConnector != 0 && d.key(j+1) != "and" && (t.class&(cOrgHead|cPlaceHead) != 0 || linked):
			k := j + 2
			if k < len(d.toks) && d.toks[k].is(tLower) && d.key(k) == "the" && d.key(j+1) != "and" {
				k++
			}
			if !d.capAt(k, seg) {
				return j + 1
			}
			linked = true
			j = k
		default:
			return j + 1
		}
	}
}

// joinsAnd reports whether the "and" at token i continues a linked run: it
// must be followed by one capitalised word that ends the run ("Ministry of
// Science and Technology", but not "Iran Railways and Turkish State
// Railways").
func (d *doc) joinsAnd(i int, linked bool) bool {
	if !linked || i+1 >= len(d.toks) || !d.toks[i].is(tLower) || d.key(i) != "and" {
		return false
	}
	seg := d.toks[i].seg
	return d.capAt(i+1, seg) && !d.capAt(i+2, seg) && !(i+2 < len(d.toks) && d.toks[i+2].is(tHyphen))
}

// splitRun cuts the run [a, b) into mentions and returns the index after the
// last token it used, b or beyond when a gazetteer name reaches past it.
func (x *Extractor) splitRun(d *doc, a, b int) int {
	if x.wholeRun(d, a, b) {
		return b
	}
	title := false
	for i := a; i < b; {
		if n, node := x.gazetteerAt(d, i); n > 0 && x.splittable(d, i, n, a, b) {
			d.ments = append(d.ments, d.newMention(i, i+n, node))
			i += n
			b = max(b, i)
			continue
		}
		t := &d.toks[i]
		switch {
		case !t.is(tWord) || d.skippable(i):
			i++
			continue
		case t.class&cTitle != 0:
			title = true
			i++
			continue
		case t.class&cDemonym != 0 && t.class&cFirstName == 0:
			i++
			continue
		}
		j := x.candidateEnd(d, i, b, title)
		m := d.newMention(i, d.trimEnd(i, j), -1)
		x.weigh(d, &m, a, b, title)
		d.ments = append(d.ments, m)
		title = false
		i = j
	}
	return b
}

// splittable reports whether the gazetteer name of n tokens at token i of
// the run [a, b) may be taken: outside hyphenated compounds always, inside
// one only when it spans the compound ("Inter-Services Intelligence") or
// gazetteer names cover the whole compound ("Afghanistan-Pakistan", but not
// "Crans-Montana").
func (x *Extractor) splittable(d *doc, i, n, a, b int) bool {
	s, e := i, i+1
	for s-2 >= a && d.toks[s-1].is(tHyphen) && i-s < maxRun {
		s -= 2
	}
	for e+1 < b && d.toks[e].is(tHyphen) && e-i < maxRun {
		e += 2
	}
	return e-s == 1 || s == i && i+n >= e || x.covered(d, s, e)
}

// skippable reports whether word i is no part of a name: a function word,
// or a sentence's first word that the article also writes in lower case.
func (d *doc) skippable(i int) bool {
	t := &d.toks[i]
	if t.class&cFirstName != 0 && !t.is(tSentStart) || d.isInitial(i) {
		return false
	}
	if t.class&cFunction != 0 {
		return true
	}
	return t.is(tSentStart) && !t.is(tUpper) && d.hasLower(d.key(i))
}

// gazetteerAt returns the length and trie node of the gazetteer name at
// token i, or 0. A one-word name opening a sentence is refused when the
// article also writes that word in lower case ("Turkey" the bird).
func (x *Extractor) gazetteerAt(d *doc, i int) (int, int32) {
	n, node := x.trie.longest(d, i, len(d.toks))
	if n == 1 && d.toks[i].is(tSentStart) && !d.toks[i].is(tUpper) && d.hasLower(d.key(i)) {
		return 0, -1
	}
	return n, node
}

// newMention returns the mention of tokens [a, b).
func (d *doc) newMention(a, b int, node int32) mention {
	m := mention{a: int32(a), b: int32(b), node: node, kind: -1}
	m.restricted = d.toks[a].is(tRestricted)
	m.initial = d.toks[a].is(tSentStart)
	return m
}
