package entity

// Rules after the tagger
//
// A few patterns that news outside the training corpus uses often, and that
// the tagger (trained on 1996 Reuters) gets wrong, are settled by rules on
// top of its labels:
//
//   - a name whose capitalised run ends with an organisation word is one
//     organisation: "Turkish State Railways", "Pakistan Railways", and so is
//     one whose "of" follows such a word: "State Bank of Pakistan";
//   - an unknown capitalised word before a lower-case place word is a place:
//     "the Sındırgı district";
//   - a role and "at" before a name make it an organisation ("a director at
//     Quenlix"), as do "shares in" and "stake in" ("shares in Tavoro");
//   - a city's name that follows a place in a list is a place too: "in
//     İzmir, Manisa and Bursa".

// orgRun widens a tagged organisation whose last word is an organisation
// word ("Railways"), or whose "of" follows one ("Bank of Pakistan"), to the
// capitalised words before it in its run, when they are not sentence
// openers, function words or possessives. It returns the new start.
func (d *doc) orgRun(a, b int) int {
	if l := d.linked(a, b); d.toks[b-1].class&cOrgCue == 0 && (l <= a || d.toks[l-1].class&cOrgHead == 0) {
		return a
	}
	for a > 0 && d.sameSeg(a-1, a) {
		p := &d.toks[a-1]
		if !p.is(tWord) || !p.capWord() || p.is(tPoss) || p.class&(cFunction|cTitle) != 0 ||
			p.is(tSentStart) && d.tags[a-1] == tagO || d.segCaps[p.seg] || a-1 < b-maxRun {
			break
		}
		a--
	}
	return a
}

// companyContext reports whether the name starting at token a follows a
// role and "at" ("a director at") or "shares in", "stake in".
func (d *doc) companyContext(a int) bool {
	if a < 2 || !d.sameSeg(a-2, a) || !d.toks[a-1].is(tLower) || !d.toks[a-2].is(tLower) {
		return false
	}
	switch d.key(a - 1) {
	case "at":
		return d.toks[a-2].class&cTitle != 0
	case "in":
		return companyWords[d.key(a-2)]
	}
	return false
}

// companyWords stand before "in" and a company's name.
var companyWords = map[string]bool{
	"shares": true, "stake": true, "stakes": true, "holding": true, "holdings": true, "shareholding": true,
}

// districtPlaces adds as places the unknown capitalised words that the
// tagger left out and that stand before a lower-case place word ("the
// Sındırgı district") or after "near" ("near Crans-Montana"), not at a
// sentence start.
func (x *Extractor) districtPlaces(d *doc, i, j int) {
	j = d.trimEnd(i, j)
	after := j < len(d.toks) && d.sameSeg(i, j) && d.toks[j].is(tLower) && d.toks[j].class&cPlaceCue != 0 && d.toks[j].class&cFunction == 0
	near := i > 0 && d.sameSeg(i-1, i) && d.toks[i-1].is(tLower) && nearWords[d.key(i-1)]
	if !after && !near || !d.toks[j-1].is(tWord) {
		return
	}
	for k := i; k < j; k++ {
		t := &d.toks[k]
		if t.is(tHyphen) && k > i {
			continue // "Crans-Montana"
		}
		joined := k > i && d.toks[k-1].is(tHyphen) // its label is the compound's
		if d.tags[k] != tagO && d.tags[k] != tagMisc && !joined || !t.is(tWord) || !t.capWord() || t.is(tSentStart) || t.class != 0 || d.segCaps[t.seg] || d.info[k].gaz != 0 && j-i == 1 {
			return
		}
	}
	m := d.newMention(i, j, -1)
	m.votes[Place] += wTagger
	m.kind = int8(Place)
	m.initial = false
	m.restricted = d.headline(i)
	d.ments = append(d.ments, m)
}

// placeList reports whether the name [a, b), which the list of cities
// knows, follows "," or "and" after a place: the mention before it ends at
// the connector and is a place.
func (d *doc) placeList(a, b int) bool {
	if d.info[a].city != 1 || b < len(d.toks) && d.info[b].city == 2 || a < 2 || !d.sameSeg(a-2, a) {
		return false
	}
	c := &d.toks[a-1]
	if c.punct != ',' && !(c.is(tLower) && d.key(a-1) == "and") {
		return false
	}
	n := len(d.ments)
	return n > 0 && int(d.ments[n-1].b) == a-1 && maxVoteKind(d.ments[n-1].votes) == Place
}

// maxVoteKind returns the kind with the most votes.
func maxVoteKind(v [3]int16) Kind {
	k := Person
	for _, c := range []Kind{Org, Place} {
		if v[c] > v[k] {
			k = c
		}
	}
	return k
}

// nearWords stand before a place's name.
var nearWords = map[string]bool{"near": true, "outside": true}
