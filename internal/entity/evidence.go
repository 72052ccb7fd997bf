package entity

import "strings"

// wholeRun makes the run [a, b) one mention when its last word names a kind
// ("Baloch National Movement", "Khyber Province") and gazetteer names do not
// cover it, or drops it when it names an agreement or event; it reports
// whether it dealt with the run.
func (x *Extractor) wholeRun(d *doc, a, b int) bool {
	for a < b && d.toks[a].is(tWord) && d.skippable(a) {
		a++
	}
	if a >= b {
		return false
	}
	last := &d.toks[b-1]
	head := wordClass(0)
	if l := d.linked(a, b); l > a {
		head = d.toks[l-1].class
	}
	var k Kind
	switch {
	case last.class&cMiscCue != 0:
		return d.words(a, b) >= 2 // "Trade in Goods Agreement": no entity
	case last.class&cOrgCue != 0:
		k = Org
	case last.class&cPlaceCue != 0:
		k = Place
	case head&cOrgHead != 0:
		k = Org // Ministry of Water Resources
	case head&cPlaceHead != 0:
		k = Place // Gulf of Aden
	default:
		return false
	}
	c := a
	for c < b && d.toks[c].class&(cDemonym|cTitle) != 0 {
		c++
	}
	if d.words(a, b) < 2 || x.covered(d, a, b) || x.covered(d, c, b) {
		return false
	}
	m := d.newMention(a, b, -1)
	m.votes[k] += wSuffix
	d.ments = append(d.ments, m)
	return true
}

// linked returns the index of the first lower-case connector ("of", "for")
// that joins words of [a, b), or -1.
func (d *doc) linked(a, b int) int {
	for i := a; i < b; i++ {
		if d.toks[i].is(tLower) && d.toks[i].class&cConnector != 0 {
			return i
		}
	}
	return -1
}

// covered reports whether gazetteer names cover the words of [a, b).
func (x *Extractor) covered(d *doc, a, b int) bool {
	for i := a; i < b; {
		if !d.toks[i].is(tWord) {
			i++
			continue
		}
		n, _ := x.trie.longest(d, i, b)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// candidateEnd returns the end of the candidate name that starts at token i
// of the run that ends at b. After a title or a given name the rest of the
// run is the name ("Hafiz Saeed Khan"); otherwise it ends where a gazetteer
// name or a function word starts.
func (x *Extractor) candidateEnd(d *doc, i, b int, title bool) int {
	if title || d.toks[i].class&cFirstName != 0 {
		return b
	}
	j := i + 1
	for ; j < b; j++ {
		t := &d.toks[j]
		if !t.is(tWord) {
			continue
		}
		if t.class&cFunction != 0 || t.class&cTitle != 0 && t.class&cFirstName == 0 {
			break
		}
		if n, _ := x.trie.longest(d, j, b); n > 0 && !d.toks[j-1].is(tHyphen) {
			break
		}
	}
	return j
}

// isInitial reports whether token i is an initial such as the "A." of
// "A. Dale".
func (d *doc) isInitial(i int) bool {
	t := &d.toks[i]
	return t.is(tDot) && t.end-t.start == 1
}

// plainName reports whether [i, j) looks like a person's name with no other
// evidence: two or three capitalised words in mixed case that no word list
// knows and that the article never writes in lower case ("Federal Reserve"
// fails when "federal" occurs), outside a sentence start.
func (d *doc) plainName(i, j int) bool {
	if d.toks[i].is(tSentStart) || d.toks[i].is(tRestricted) {
		return false
	}
	for k := i; k < j; k++ {
		t := &d.toks[k]
		if t.punct == '&' || t.is(tWord) && (t.is(tUpper) || t.class&^cFirstName != 0 || !t.is(tCap) || d.hasLower(d.key(k))) {
			return false
		}
	}
	n := d.spaced(i, j)
	return n >= 2 && n <= 3
}

// trimEnd returns b moved back over tokens that are not words.
func (d *doc) trimEnd(a, b int) int {
	for b-1 > a && !d.toks[b-1].is(tWord) {
		b--
	}
	return b
}

// words counts the word tokens in [a, b).
func (d *doc) words(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if d.toks[i].is(tWord) {
			n++
		}
	}
	return n
}

// acronym reports whether token i is an unknown acronym in mixed-case text
// ("NFL", "OSCE"): most such are organisations.
func (d *doc) acronym(i int) bool {
	t := &d.toks[i]
	n := t.end - t.start
	return t.is(tUpper) && n >= 2 && n <= 6 && t.class == 0 && !d.segCaps[t.seg] && !t.is(tDot) &&
		!strings.ContainsRune(d.text(i), '.') && !commonAcronyms[d.key(i)]
}

// definesTerm reports whether the acronym at token i stands in brackets
// after lower-case words: "human intelligence (HUMINT)" names no entity.
func (d *doc) definesTerm(i int) bool {
	return i >= 2 && d.toks[i-1].punct == '(' && d.toks[i-2].is(tLower)
}

// commonAcronyms are acronyms that name no organisation. Written for newsfts.
var commonAcronyms = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`gdp gnp cpi ppi ceo cfo coo cto tv ai it id pc ok
		usd eur gbp jpy cny aids hiv covid dna rna ngo uav km kg mph bn mln pct vat ipo eps
		fy hq pr faq pdf gmt utc est ist cet pst edt bst am pm ad bc vs etc ii iii iv vi vii
		viii ix xi xii mp mps pm q1 q2 q3 q4 atm sms gps lng lpg oil ok led lcd cd dvd usb
		humint osint techint sigint imint xi rpm ph tnt rpg ied ieds suv suvs 4g 5g 3g`) {
		commonAcronyms[k] = true
	}
}

// spaced counts the words of [a, b) that a space separates, so that a
// hyphenated compound counts once.
func (d *doc) spaced(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if d.toks[i].is(tWord) && (i == a || !d.toks[i-1].is(tHyphen)) {
			n++
		}
	}
	return n
}

// weigh records the evidence for the kind of candidate m, found in the run
// [a, b) after a title when title is set.
func (x *Extractor) weigh(d *doc, m *mention, a, b int, title bool) {
	i, j := int(m.a), int(m.b)
	words := d.words(i, j)
	first, last := &d.toks[i], &d.toks[j-1]
	if title {
		m.votes[Person] += wTitle
		m.initial = false
	}
	m.local = title || d.isInitial(i) && words >= 2
	if words >= 2 {
		if first.class&cFirstName != 0 || d.isInitial(i) {
			m.votes[Person] += wFirstName
		} else if d.plainName(i, j) {
			m.votes[Person] += wPlain
		}
		if last.class&cOrgCue != 0 {
			m.votes[Org] += wSuffix
		}
		if last.class&cPlaceCue != 0 {
			m.votes[Place] += wSuffix
		}
	}
	if words == 1 && d.acronym(i) && !d.definesTerm(i) {
		m.votes[Org] += wAcronym
	}
	if i == a {
		d.weighBefore(m, i)
	}
	if j == b && x.placeAfterComma(d, j) {
		m.votes[Place] += wPrep // "in Mastung, Balochistan"
	}
	if j == b {
		d.weighAfter(m, j, words)
	}
}

// weighBefore looks at the words before a candidate that starts at token i:
// a role noun ("spokesman, Zabihullah Mujahid", "chief Ibrahim Kalın") or a
// place preposition ("in Quetta").
func (d *doc) weighBefore(m *mention, i int) {
	p := i - 1
	if p >= 0 && d.toks[p].punct == ',' {
		p--
	}
	if p < 0 || d.toks[p].seg != d.toks[i].seg || !d.toks[p].is(tLower) {
		return
	}
	t := &d.toks[p]
	switch {
	case t.class&cTitle != 0:
		m.votes[Person] += wRole
	case p == i-1 && t.class&cPlacePrep != 0 && !d.toks[i].is(tUpper):
		switch {
		case p > 0 && d.toks[p-1].is(tLower) && d.toks[p-1].class&cTitle != 0:
			m.votes[Org] += wPrep // "a senior manager at Monsanto"
		case weakPreps[d.key(p)]:
			m.votes[Place] += wWeakPrep
		case d.spaced(i, int(m.b)) > 1: // "a stake in Piaggio Aerospace"
			m.votes[Place] += wWeakPrep
		default:
			m.votes[Place] += wPrep
		}
	}
}

// placeAfterComma reports whether token j is a comma followed by a
// gazetteer place, as in "Mastung, Balochistan".
func (x *Extractor) placeAfterComma(d *doc, j int) bool {
	if j+1 >= len(d.toks) || d.toks[j].punct != ',' || d.toks[j+1].seg != d.toks[j].seg || !d.toks[j+1].capWord() {
		return false
	}
	n, node := x.trie.longest(d, j+1, len(d.toks))
	if n == 0 || d.toks[j+n].is(tPoss) { // "Leonardo, Italy's largest defence group"
		return false
	}
	for _, e := range x.trie.ents[node] {
		if x.ents[e].kind == Place {
			return true
		}
	}
	return false
}

// weakPreps are place prepositions that often stand before other names
// too: "from Reuters", "shares in Elan".
var weakPreps = map[string]bool{"from": true, "to": true, "via": true, "in": true, "into": true}

// weighAfter looks at the words after a candidate that ends before token j:
// "X said", "X, who".
func (d *doc) weighAfter(m *mention, j, words int) {
	if j >= len(d.toks) || d.toks[j].seg != d.toks[m.a].seg {
		return
	}
	t := &d.toks[j]
	switch {
	case t.is(tLower) && t.class&cPlaceCue != 0 && t.class&cFunction == 0:
		m.votes[Place] += wPrep // "the Sındırgı district"
	case t.punct == ',' && j+1 < len(d.toks) && d.toks[j+1].seg == t.seg && d.key(j+1) == "who":
		m.votes[Person] += wSaid
	case t.is(tLower) && t.class&cSaid != 0 && words >= 2: // "Nestle said" tells no kind
		m.votes[Person] += wSaid
	}
}

// acronymAfter links an acronym in brackets right after the name that ends
// before token b: "Inter-Services Intelligence (ISI)".
func (d *doc) acronymAfter(b int) {
	n := len(d.ments)
	if n == 0 || int(d.ments[n-1].b) != b || b+2 >= len(d.toks) || d.toks[b].punct != '(' {
		return
	}
	k := b + 1
	for k < len(d.toks) && (d.toks[k].is(tUpper) || d.toks[k].is(tHyphen)) {
		k++
	}
	if k == b+1 || k >= len(d.toks) || d.toks[k].punct != ')' {
		return
	}
	long, short := d.key(int(d.ments[n-1].a)), d.key(b+1)
	if long == "" || short == "" || long[0] != short[0] {
		return
	}
	d.links = append(d.links, link{long: n - 1, short: b + 1})
}
