package entity

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// Set holds the entities of one article: canonical labels, each once, in
// order of first mention.
type Set struct {
	People []string
	Orgs   []string
	Places []string
}

// Extractor finds entities in articles. It is immutable after New and safe
// for concurrent use.
type Extractor struct {
	lex  lexicon
	ents []*entry
	trie *trie
	docs sync.Pool // *doc working state, reused across calls

	tagger *model       // the trained tagger, or nil for the rule-based path
	cities *table[bool] // hashes of the token keys of city names (citySet)
	common *table[bool] // the model's common words by wordID
}

// New returns an Extractor that knows the built-in gazetteer and, when
// aliases is not nil, the operator alias file read from it (see the package
// comment for its format). Operator entries override built-in ones.
func New(aliases io.Reader) (*Extractor, error) {
	m, err := defaultModel()
	if err != nil {
		return nil, err
	}
	return newExtractor(aliases, m)
}

// newExtractor returns an Extractor with the tagger model m, or with the
// rule-based typing of names when m is nil.
func newExtractor(aliases io.Reader, m *model) (*Extractor, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	f, err := dataFS.Open("data/gazetteer.txt")
	if err != nil {
		return nil, fmt.Errorf("entity: open built-in gazetteer: %w", err)
	}
	defer f.Close()
	builtin, err := parseEntries(f, "built-in gazetteer")
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	var ops []*entry
	if aliases != nil {
		if ops, err = parseEntries(aliases, "alias file"); err != nil {
			return nil, fmt.Errorf("entity: %w", err)
		}
	}
	x := &Extractor{lex: lex, ents: override(builtin, ops), trie: newTrie(), tagger: m}
	x.docs.New = func() any { return new(doc) }
	d := x.getDoc()
	defer x.putDoc(d)
	if m != nil {
		if x.cities, err = x.citySet(d); err != nil {
			return nil, err
		}
		x.setCommon(m.common)
	}
	for i, e := range x.ents {
		for _, a := range e.aliases {
			keys, acronym := x.nameKeys(d, a)
			if len(keys) > 0 {
				x.trie.insert(keys, int32(i), acronym)
			}
		}
	}
	return x, nil
}

// nameKeys returns the token keys of a gazetteer name and whether the name
// is an acronym written in capitals.
func (x *Extractor) nameKeys(d *doc, name string) (keys []string, acronym bool) {
	d.reset()
	d.load(x.lex, "", []string{name})
	acronym = true
	for i := range d.toks {
		t := &d.toks[i]
		if t.k1 > t.k0 {
			keys = append(keys, d.key(i))
		}
		if t.is(tWord) && !t.is(tUpper) {
			acronym = false
		}
	}
	return keys, acronym
}

func (x *Extractor) getDoc() *doc { return x.docs.Get().(*doc) }

func (x *Extractor) putDoc(d *doc) {
	d.reset()
	x.docs.Put(d)
}

// Extract returns the people, organisations and places named in an article
// given as its title and cleaned body paragraphs.
func (x *Extractor) Extract(title string, paragraphs []string) Set {
	d := x.getDoc()
	defer x.putDoc(d)
	d.load(x.lex, title, paragraphs)
	x.findMentions(d)
	groups, _ := x.resolve(d)
	return output(groups)
}

// Mention is one name as the article writes it (titles and possessive cut
// off), with the kind and canonical label of the entity it stands for.
type Mention struct {
	Text  string
	Kind  Kind
	Label string
}

// Mentions returns every mention of the entities that Extract would return,
// in text order. It shows why an entity was found; evaluation against
// corpora annotated with surface forms uses it too.
func (x *Extractor) Mentions(title string, paragraphs []string) []Mention {
	d := x.getDoc()
	defer x.putDoc(d)
	d.load(x.lex, title, paragraphs)
	x.findMentions(d)
	groups, owner := x.resolve(d)
	var out []Mention
	for mi := range d.ments {
		g := &groups[root(groups, owner[mi])]
		if k, ok := decide(g); ok {
			text, _ := d.surface(int(d.ments[mi].a), int(d.ments[mi].b))
			out = append(out, Mention{Text: text, Kind: k, Label: g.label})
		}
	}
	return out
}

// load tokenizes the title (segment 0) and the lines of the paragraphs of a
// document, one segment each, reading at most maxDocBytes in all.
func (d *doc) load(lex lexicon, title string, paragraphs []string) {
	budget := maxDocBytes
	add := func(s string) {
		if len(s) > budget {
			s = s[:budget] // a cut rune reads as invalid UTF-8: a separator
		}
		budget -= len(s)
		seg := len(d.segs)
		d.segs = append(d.segs, s)
		d.segCaps = append(d.segCaps, false)
		n := len(d.toks)
		d.tokenize(lex, seg, s)
		d.markSegment(seg, n, seg == 0)
	}
	add(title)
	for _, p := range paragraphs {
		for p != "" { // each line on its own: a headline in capitals stays one
			line, rest, _ := strings.Cut(p, "\n")
			if strings.TrimSpace(line) != "" {
				add(line)
			}
			p = rest
		}
	}
	d.keys = string(d.arena)
}

// Canonical returns the canonical label for a name of kind k given by an
// input (a JSON Lines "people" field, say): the gazetteer's label when the
// whole name, titles and possessive cut off, is a known name of that kind,
// else the name so cleaned with its spaces collapsed.
func (x *Extractor) Canonical(k Kind, name string) string {
	d := x.getDoc()
	defer x.putDoc(d)
	d.load(x.lex, "", []string{name})
	a, b := 0, len(d.toks)
	for a < b && d.toks[a].is(tWord) && d.toks[a].class&(cTitle|cFunction) != 0 && d.toks[a].class&cFirstName == 0 && d.words(a, b) > 1 {
		a++
	}
	b = d.trimEnd(a, b)
	for b > a && !d.toks[a].is(tWord) {
		a++
	}
	if a >= b {
		return collapseSpace(strings.ToValidUTF8(name, ""))
	}
	if n, node := x.trie.longest(d, a, b); a+n == b {
		for _, e := range x.trie.ents[node] {
			if x.ents[e].kind == k {
				return x.ents[e].label
			}
		}
	}
	label, _ := d.surface(a, b)
	return label
}
