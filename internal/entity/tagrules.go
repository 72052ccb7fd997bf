package entity

import "slices"

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
//     İzmir, Manisa and Bursa";
//   - a demonym before a gazetteer organisation's name is no part of it:
//     "Pakistani Inter-Services Intelligence" is Inter-Services Intelligence;
//   - a lower-case particle that begins a gazetteer name stays in it:
//     "al-Qaida" is al-Qaeda, not a place "Qaida";
//   - two names of one gazetteer entry side by side are that entry:
//     "Shin Bet General Security Service";
//   - a name that the gazetteer knows only as an organisation, and the list
//     of cities does not know, is an organisation whatever place or person
//     label the tagger gave it ("According to Hürriyet"), unless a place
//     word follows it ("the Hürriyet district") or a title precedes it.

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

// particleName reports whether the tokens [a, b), which open with a
// lower-case particle, are exactly a gazetteer name: "al-Qaida".
func (x *Extractor) particleName(d *doc, a, b int) bool {
	t := &d.toks[a]
	if !t.is(tLower) || t.class&cParticle == 0 {
		return false
	}
	n, _ := x.trie.longest(d, a, b)
	return a+n == b
}

// demonymFront returns the start of the name [a, b) without the demonym
// that opens it when the rest is exactly the name of a gazetteer
// organisation and the whole is no gazetteer name ("Pakistani Taliban" is
// one): the adjective says whose organisation it is, not which. A generic
// name that many countries use ("Labour Party", "Red Cross") keeps its
// demonym: "Scottish Labour Party" is a party of its own.
func (x *Extractor) demonymFront(d *doc, a, b int) int {
	if b-a < 2 || d.toks[a].class&cDemonym == 0 || !d.toks[a+1].is(tWord) {
		return a
	}
	if n, _ := x.trie.longest(d, a, b); a+n == b {
		return a
	}
	n, node := x.trie.longest(d, a+1, b)
	if a+1+n != b || d.generic(a+1, b) {
		return a
	}
	for _, e := range x.trie.ents[node] {
		if x.ents[e].kind == Org {
			return a + 1
		}
	}
	return a
}

// knownOrg reports whether the name [a, b), which ends at gazetteer node
// node and which the tagger labelled k (a place or a person), is an
// organisation all the same: every entry of the name is an organisation,
// the list of cities does not spell it, and its context does not say
// otherwise (a place word after a place, a title before a person).
func (x *Extractor) knownOrg(d *doc, a, b int, node int32, k Kind) bool {
	for _, e := range x.trie.ents[node] {
		if x.ents[e].kind != Org {
			return false
		}
	}
	if d.info[a].city != 0 {
		return false
	}
	if k == Place {
		return !(d.sameSeg(a, b) && d.toks[b].is(tLower) && d.toks[b].class&cPlaceCue != 0)
	}
	return !(a > 0 && d.sameSeg(a-1, a) && d.toks[a-1].class&cTitle != 0)
}

// generic reports whether the name [a, b) holds a word for a kind of body
// that each country has its own of ("Labour Party", "Red Cross"), so that a
// demonym before it names another body of that kind.
func (d *doc) generic(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].is(tWord) && branchWords[d.key(i)] {
			return true
		}
	}
	return false
}

// branchWords name kinds of bodies that countries have one each of.
var branchWords = map[string]bool{
	"party": true, "parties": true, "labour": true, "labor": true, "democrats": true, "republicans": true,
	"conservatives": true, "greens": true, "socialists": true, "communists": true, "cross": true,
	"crescent": true, "parliament": true, "assembly": true, "congress": true, "senate": true,
	"chamber": true, "ministry": true, "army": true, "navy": true, "police": true, "court": true,
	"federation": true, "association": true, "league": true, "union": true, "church": true,
}

// sameEntry returns the trie node of the first of the two or more
// gazetteer names that the tokens [a, b) are made of, one after another,
// when one entry has all of them ("Shin Bet General Security Service"), or
// -1.
func (x *Extractor) sameEntry(d *doc, a, b int) int32 {
	var nodes [maxRun]int32
	parts := 0
	for i := a; i < b; parts++ {
		n, node := x.trie.longest(d, i, b)
		if n == 0 || parts == len(nodes) {
			return -1
		}
		nodes[parts] = node
		i += n
	}
	if parts < 2 {
		return -1
	}
	for _, e := range x.trie.ents[nodes[0]] {
		if x.allHave(nodes[1:parts], e) {
			return nodes[0]
		}
	}
	return -1
}

// allHave reports whether entry e has a name ending at each of nodes.
func (x *Extractor) allHave(nodes []int32, e int32) bool {
	for _, n := range nodes {
		if !slices.Contains(x.trie.ents[n], e) {
			return false
		}
	}
	return true
}
