package entity

// Aliases in the text
//
// A name that the article gives as another name of the one just before it
// ("Mehmet Gören, also known by his code name ‘Yahya’", "Özgür Altun, also
// known as Abu Yasir al-Turki", "Ali Reza alias Abu Omar") is the same
// entity: resolution folds its group into that of the name it follows, so
// that the entity appears once, under the first name. The words between the
// two names must all be alias words ("also", "known", "as", "by", "his",
// "code", "name", "alias", "nicknamed"...), with at least one that says
// alias, and only commas, brackets, quotes and hyphens may stand among them:
// "Altun, a member who used the alias X" is not read.

// aka records that mention alias names the same entity as mention name.
type aka struct {
	name, alias int // mention indexes
}

// maxAKAGap bounds the tokens between a name and its alias.
const maxAKAGap = 10

// akaWords are the words that may stand between a name and its alias; the
// true ones say by themselves that an alias follows.
var akaWords = map[string]bool{
	"known": true, "alias": true, "aka": true, "nicknamed": true, "codenamed": true,
	"pseudonym": true, "moniker": true, "guerre": true, "nickname": true, "codename": true,
	"also": false, "as": false, "by": false, "his": false, "her": false, "their": false,
	"its": false, "the": false, "a": false, "code": false, "name": false, "war": false,
	"nom": false, "de": false, "under": false, "called": false, "named": false,
}

// findAKAs fills d.akas from the mentions of d, which are in text order.
func (d *doc) findAKAs() {
	d.akas = d.akas[:0]
	for mi := 1; mi < len(d.ments); mi++ {
		if d.akaBetween(int(d.ments[mi-1].b), int(d.ments[mi].a)) {
			d.akas = append(d.akas, aka{name: mi - 1, alias: mi})
		}
	}
}

// akaBetween reports whether tokens [b, a) say that the name after them is
// an alias of the name before them.
func (d *doc) akaBetween(b, a int) bool {
	if a-b < 1 || a-b > maxAKAGap || !d.sameSeg(b, a) || d.toks[b-1].is(tPoss) {
		return false
	}
	alias, also, named := false, false, false
	for i := b; i < a; i++ {
		t := &d.toks[i]
		switch {
		case t.is(tHyphen):
		case t.is(tWord):
			says, ok := akaWords[d.key(i)]
			if !ok || !t.is(tLower) {
				return false
			}
			alias = alias || says
			also = also || d.key(i) == "also"
			named = named || d.key(i) == "called" || d.key(i) == "named"
		case !akaPunct(t.punct):
			return false
		}
	}
	return alias || also && named // "also called"
}

// akaPunct reports whether r may stand between a name and its alias.
func akaPunct(r rune) bool {
	switch r {
	case ',', '(', '"', '\'', '‘', '’', '“', '”', '«', '»', '–', '—':
		return true
	}
	return false
}

// mergeAKAs folds the group of each alias into the group of the name it
// follows. A gazetteer entry keeps its own label: an alias that is one
// absorbs a name that is none, and two different entries stay apart. The
// alias brings only the evidence for the name's kind, so that a code name
// the tagger took for a place does not make a person a place.
func mergeAKAs(groups []group, owner []int, akas []aka) {
	for _, l := range akas {
		name, alias := root(groups, owner[l.name]), root(groups, owner[l.alias])
		switch {
		case name == alias:
		case groups[alias].entry < 0:
			k := groups[name].kind()
			a := &groups[alias]
			v, best := a.votes[k], a.best[k]
			a.votes, a.best = [3]int{}, [3]int{}
			a.votes[k], a.best[k] = v, best
			merge(groups, name, alias)
		case groups[name].entry < 0:
			merge(groups, alias, name)
		}
	}
}
