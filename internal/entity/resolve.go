package entity

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Resolving names
//
// Mentions with the same key (a gazetteer entry, or the folded words of the
// name) form one group, so a name typed once keeps that type throughout the
// document, and "Gören" and "Goren" are one name. Groups then merge: an
// acronym defined in brackets joins its long form, and a lone word that is
// the last word of a person's full name joins that person ("Mujahid" after
// "Zabihullah Mujahid"; a full name whose last word recurs alone gains
// evidence of being a person). Each group's kind is the one with the most
// evidence; a group with too little, or seen only in headlines, or only as a
// sentence's first word with little evidence, is dropped. The label is the
// gazetteer's, or else the spelling with the most diacritics (the proper one,
// "Mehmet Gören", over a flattened "Mehmet Goren").

// group is one entity of the document.
type group struct {
	key     string
	entry   int32  // gazetteer entry, or -1
	votes   [3]int // evidence summed over the mentions
	best    [3]int // the strongest evidence of one mention
	first   int32  // first token
	label   string // best spelling
	score   int    // quality of label
	words   int    // word count of the longest mention
	body    bool   // mentioned outside headlines
	strong  bool   // mentioned other than as a bare sentence opener
	stopped bool   // an operator stop entry
	parent  int    // the group this one merged into, or -1
}

// resolve groups the mentions of d; owner[i] is the group of mention i.
func (x *Extractor) resolve(d *doc) (groups []group, owner []int) {
	groups = d.groups[:0]
	if d.index == nil {
		d.index = make(map[string]int)
	}
	index := d.index
	clear(index)
	owner = append(d.owner[:0], make([]int, len(d.ments))...)
	for mi := range d.ments {
		owner[mi] = x.addMention(d, &groups, index, &d.ments[mi])
	}
	for _, l := range d.links {
		mi := sort.Search(len(d.ments), func(i int) bool { return int(d.ments[i].a) >= l.short })
		if mi < len(d.ments) && int(d.ments[mi].a) == l.short {
			mergeAcronym(groups, owner[l.long], owner[mi])
		}
	}
	mergeAKAs(groups, owner, d.akas)
	mergeSurnames(groups)
	d.groups, d.owner = groups, owner
	return groups, owner
}

// addMention adds m to its group and returns the group's index.
func (x *Extractor) addMention(d *doc, groups *[]group, index map[string]int, m *mention) int {
	entry := x.pick(d, m)
	var key string
	if entry >= 0 {
		key = "\x00" + strconv.Itoa(int(entry))
	} else {
		key = d.joinKeys(int(m.a), int(m.b))
	}
	gi, ok := index[key]
	if !ok {
		gi = len(*groups)
		index[key] = gi
		*groups = append(*groups, group{key: key, entry: entry, first: m.a, parent: -1})
		g := &(*groups)[gi]
		if entry >= 0 {
			e := x.ents[entry]
			g.label, g.score, g.stopped = e.label, 1<<20, e.kind == stopKind
		}
	}
	g := &(*groups)[gi]
	for k, v := range m.votes {
		g.votes[k] += int(v)
		g.best[k] = max(g.best[k], int(v))
	}
	if entry >= 0 && x.ents[entry].kind >= 0 {
		g.votes[x.ents[entry].kind] += wGazetteer
		g.best[x.ents[entry].kind] = wGazetteer
	}
	g.body = g.body || !m.restricted || m.local
	g.strong = g.strong || !m.initial || entry >= 0 || maxVote(m.votes) >= wFirstName
	g.words = max(g.words, d.words(int(m.a), int(m.b)))
	if score := d.labelScore(int(m.a), int(m.b)); score > g.score || g.label == "" {
		g.label, _ = d.surface(int(m.a), int(m.b))
		g.score = score
	}
	return gi
}

// pick returns the gazetteer entry of m, or -1. When namesakes share the
// name, the one with the most context hints in the document wins, then the
// first listed.
func (x *Extractor) pick(d *doc, m *mention) int32 {
	if m.node < 0 {
		return -1
	}
	ents := x.trie.ents[m.node]
	best, bestHits := ents[0], -1
	if len(ents) == 1 {
		return best
	}
	for _, e := range ents {
		h := d.hasHint(x.ents[e].hints)
		if int8(x.ents[e].kind) == m.kind {
			h += 1 << 10 // the tagger's kind first
		}
		if h > bestHits {
			best, bestHits = e, h
		}
	}
	return best
}

// joinKeys returns the key of tokens [a, b): word keys joined by spaces,
// hyphens kept.
func (d *doc) joinKeys(a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if i > a && t.is(tWord) && !d.toks[i-1].is(tHyphen) {
			sb.WriteByte(' ')
		}
		sb.WriteString(d.key(i))
	}
	return sb.String()
}

// labelScore returns the quality of tokens [a, b) as a label, as surface
// does, without building the label.
func (d *doc) labelScore(a, b int) int {
	score := 0
	for i := a; i < b; i++ {
		t := &d.toks[i]
		s := d.text(i)
		if t.is(tHyphen) {
			s = "-"
		}
		if !t.is(tUpper) || t.end-t.start <= 1 {
			score++
		}
		score += 4 * (len(s) - utf8.RuneCountInString(s))
	}
	return score
}

// surface returns the text of tokens [a, b) as a label, and its quality:
// diacritics count most, then mixed case over capitals.
func (d *doc) surface(a, b int) (string, int) {
	var sb strings.Builder
	score := 0
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if i > a && t.is(tSpace) {
			sb.WriteByte(' ')
		}
		s := d.text(i)
		if t.is(tHyphen) {
			s = "-"
		}
		sb.WriteString(s)
		if t.is(tDot) && (i+1 < b || i+1 < len(d.toks) && d.toks[i+1].seg == t.seg) {
			sb.WriteByte('.') // not at the end of a line: "Lear Corp" ends a sentence
		}
		if !t.is(tUpper) || t.end-t.start <= 1 {
			score++
		}
		score += 4 * (len(s) - utf8.RuneCountInString(s))
	}
	return sb.String(), score
}

func maxVote(v [3]int16) int {
	return int(max(v[0], v[1], v[2]))
}

// root returns the group that g finally merged into.
func root(groups []group, g int) int {
	for groups[g].parent >= 0 {
		g = groups[g].parent
	}
	return g
}

// merge folds group from into group into.
func merge(groups []group, into, from int) {
	a, b := &groups[into], &groups[from]
	for k := range a.votes {
		a.votes[k] += b.votes[k]
		a.best[k] = max(a.best[k], b.best[k])
	}
	a.first = min(a.first, b.first)
	a.body = a.body || b.body
	a.strong = a.strong || b.strong
	b.parent = into
}

// mergeAcronym joins the group of an acronym and that of its long form. A
// gazetteer entry absorbs the other; two different entries stay apart.
func mergeAcronym(groups []group, long, short int) {
	long, short = root(groups, long), root(groups, short)
	switch {
	case long == short:
	case groups[short].entry < 0:
		merge(groups, long, short)
	case groups[long].entry < 0:
		merge(groups, short, long)
	}
}

// mergeSurnames joins each short name that ends exactly one person-like
// full name ("Mujahid", "Bin Saqib") to that name, which also gains evidence
// of being a person. A better spelling of a surname carries over to the label.
func mergeSurnames(groups []group) {
	full := make(map[string]int)
	for gi := range groups {
		g := &groups[gi]
		if g.parent >= 0 || g.words < 2 || !g.strong || g.votes[Person] == 0 || !personLike(g) {
			continue
		}
		k := Key(g.label)
		for i := strings.IndexByte(k, ' '); i >= 0; i = nextSpace(k, i) {
			suffix := k[i+1:]
			if old, dup := full[suffix]; dup && old != gi {
				full[suffix] = -1
			} else {
				full[suffix] = gi
			}
		}
	}
	for gi := range groups {
		g := &groups[gi]
		fi, ok := full[g.key]
		if g.parent >= 0 || g.entry >= 0 || !ok || fi < 0 || fi == gi {
			continue
		}
		f := &groups[fi]
		if f.entry < 0 {
			f.votes[Person] += wRecurrence
			f.best[Person] = max(f.best[Person], wRecurrence)
			if g.words == 1 {
				f.label = betterSurname(f.label, g.label)
			}
		}
		merge(groups, fi, gi)
	}
}

// nextSpace returns the index of the next space in k after i, or -1.
func nextSpace(k string, i int) int {
	j := strings.IndexByte(k[i+1:], ' ')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// personLike reports whether g may be a person's full name.
func personLike(g *group) bool {
	if g.entry >= 0 {
		return g.votes[Person] > 0
	}
	return g.votes[Person] >= g.votes[Org] && g.votes[Person] >= g.votes[Place]
}

// betterSurname returns label with its last word spelled as surname when
// that spelling has more diacritics.
func betterSurname(label, surname string) string {
	i := strings.LastIndexByte(label, ' ')
	last := label[i+1:]
	diacritics := func(s string) int { return len(s) - utf8.RuneCountInString(s) }
	if Key(last) != Key(surname) || diacritics(surname) <= diacritics(last) {
		return label
	}
	return label[:i+1] + surname
}

// decide returns the kind of a group that merged into no other, and
// whether the group is kept as an entity: the kind with the most evidence,
// kept when one mention alone gave enough of it (two weak hints such as
// "shares in Elan" twice do not make a place).
func decide(g *group) (Kind, bool) {
	if g.parent >= 0 || g.stopped || (!g.body && g.entry < 0) {
		return 0, false
	}
	k := g.kind()
	v := g.votes[k]
	return k, g.best[k] >= minVotes && (g.strong || v >= wFirstName)
}

// kind returns the kind with the most evidence in g, Person on a tie.
func (g *group) kind() Kind {
	k := Person
	for _, c := range []Kind{Org, Place} {
		if g.votes[c] > g.votes[k] {
			k = c
		}
	}
	return k
}

// output returns the kept groups as a Set in order of first mention.
func output(groups []group) Set {
	order := make([]int, 0, len(groups))
	for gi := range groups {
		if _, ok := decide(&groups[gi]); ok {
			order = append(order, gi)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return groups[order[i]].first < groups[order[j]].first })
	var s Set
	seen := make(map[string]bool, len(order))
	for _, gi := range order {
		g := &groups[gi]
		k, _ := decide(g)
		id := k.String() + "\x00" + Key(g.label)
		if seen[id] {
			continue
		}
		seen[id] = true
		switch k {
		case Person:
			s.People = append(s.People, g.label)
		case Org:
			s.Orgs = append(s.Orgs, g.label)
		default:
			s.Places = append(s.Places, g.label)
		}
	}
	return s
}
