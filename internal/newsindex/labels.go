package newsindex

// Facet labels
//
// Every facet value is identified by its key, entity.Key(label): lower
// case, diacritics folded, spaces collapsed. The keyword fields (people,
// orgs, places, sources) hold keys, so "Mehmet Goren" in one article and
// "Mehmet Gören" in another are one value, counted once and selected by one
// term. What users see is one label per key, chosen across the whole run:
// the spelling with the most non-ASCII letters (the proper diacritics),
// then the most frequent, then the first seen.
//
// The Builder counts the spellings of each key as articles are added and
// writes the table of each facet into the generation at Publish, together
// with the alias tables of the entity extractor that was used (SetAliases:
// the key of every alias to its canonical label). Update starts from the
// tables of the generation it copies. An Index reads the tables of each
// generation it opens and swaps them together with it, so the labels shown
// always describe the keys being served.
//
// Values typed by users are made canonical at the door (Canonical): the
// alias table first ("Turkey" and "turkiye" give "Türkiye", "mit" gives
// "National Intelligence Organization (MİT)"), then the preferred label of
// the value's key; a search then filters on the key of what it is given.
//
// Deleting articles in an Update does not lower the counts of spellings,
// so a key may keep a spelling that no served article uses any more; that
// only matters for the tie-break on frequency.

import (
	"encoding/json"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/search"
)

// Internal keys of the tables, followed by the facet's name.
const (
	labelsPrefix  = "newsfts/labels/"
	aliasesPrefix = "newsfts/aliases/"
)

// spelling is one way a facet value was written, and by how many articles.
type spelling struct {
	Text  string `json:"s"`
	Count int    `json:"n"`
}

// spellings holds the spellings of each key of one facet, in the order
// they were first seen.
type spellings map[string][]spelling

// add counts one article writing label, whose key is key.
func (s spellings) add(key, label string) {
	list := s[key]
	for i := range list {
		if list[i].Text == label {
			list[i].Count++
			return
		}
	}
	s[key] = append(list, spelling{Text: label, Count: 1})
}

// labels maps each key to its preferred spelling.
func (s spellings) labels() map[string]string {
	m := make(map[string]string, len(s))
	for key, list := range s {
		if len(list) > 0 {
			m[key] = preferred(list)
		}
	}
	return m
}

// preferred picks the spelling with the most non-ASCII letters, then the
// most frequent, then the first; list is not empty.
func preferred(list []spelling) string {
	best, bestMarks := 0, nonASCIILetters(list[0].Text)
	for i := 1; i < len(list); i++ {
		marks := nonASCIILetters(list[i].Text)
		if marks > bestMarks || marks == bestMarks && list[i].Count > list[best].Count {
			best, bestMarks = i, marks
		}
	}
	return list[best].Text
}

func nonASCIILetters(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// tables are the label and alias tables of every facet.
type tables struct {
	spellings map[search.Facet]spellings
	aliases   map[search.Facet]map[string]string // alias key -> canonical label
}

func newTables() *tables {
	t := &tables{spellings: map[search.Facet]spellings{}, aliases: map[search.Facet]map[string]string{}}
	for _, f := range search.Facets {
		t.spellings[f] = spellings{}
	}
	return t
}

// readTables reads the tables stored in idx; a table never stored is
// empty.
func readTables(idx bleve.Index) (*tables, error) {
	t := newTables()
	for _, f := range search.Facets {
		s := spellings{}
		if err := readInternal(idx, labelsPrefix+string(f), &s); err != nil {
			return nil, err
		}
		if s != nil { // a stored "null"
			t.spellings[f] = s
		}
		var m map[string]string
		if err := readInternal(idx, aliasesPrefix+string(f), &m); err != nil {
			return nil, err
		}
		if m != nil {
			t.aliases[f] = m
		}
	}
	return t, nil
}

func readInternal(idx bleve.Index, key string, v any) error {
	b, err := idx.GetInternal([]byte(key))
	if err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	if b == nil {
		return nil
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	return nil
}

// write queues the tables into batch.
func (t *tables) write(batch *bleve.Batch) error {
	for _, f := range search.Facets {
		b, err := json.Marshal(t.spellings[f])
		if err != nil {
			return fmt.Errorf("write %s labels: %w", f, err)
		}
		batch.SetInternal([]byte(labelsPrefix+string(f)), b)
		if m, ok := t.aliases[f]; ok {
			if b, err = json.Marshal(m); err != nil {
				return fmt.Errorf("write %s aliases: %w", f, err)
			}
			batch.SetInternal([]byte(aliasesPrefix+string(f)), b)
		}
	}
	return nil
}

// record counts the facet labels of one article, cleaned as toDocument
// cleans them.
func (t *tables) record(a *article.Article) {
	lists := [...]struct {
		f      search.Facet
		labels []string
	}{{search.People, a.People}, {search.Orgs, a.Orgs}, {search.Places, a.Places}, {search.Sources, []string{a.Source}}}
	for _, l := range lists {
		for _, label := range cleanAll(l.labels) {
			if key := entity.Key(label); key != "" {
				t.spellings[l.f].add(key, label)
			}
		}
	}
}

// SetAliases stores the alias table of facet f in the new generation: the
// entity.Key of each alias to the canonical label it stands for, as
// entity.Extractor.Aliases gives it. Canonical reads it to turn a value a
// user typed into the label the facet shows. Without a call, an Update
// keeps the table of the generation it copied.
func (b *Builder) SetAliases(f search.Facet, m map[string]string) {
	t := make(map[string]string, len(m))
	for alias, label := range m {
		if key := entity.Key(alias); key != "" && label != "" {
			t[key] = label
		}
	}
	b.tables.aliases[f] = t
}

// labelSet is what an Index needs of the tables: the preferred label of
// each key, and the alias tables.
type labelSet struct {
	labels  map[search.Facet]map[string]string
	aliases map[search.Facet]map[string]string
}

func (t *tables) labelSet() labelSet {
	ls := labelSet{labels: map[search.Facet]map[string]string{}, aliases: t.aliases}
	for f, s := range t.spellings {
		ls.labels[f] = s.labels()
	}
	return ls
}

// label is the preferred label of key in facet f, or key itself if the
// generation has none (it always has, unless damaged).
func (ls labelSet) label(f search.Facet, key string) string {
	if l, ok := ls.labels[f][key]; ok {
		return l
	}
	return key
}

// labelsOf turns the stored keys of an article into labels, each once.
func (ls labelSet) labelsOf(f search.Facet, keys []string) []string {
	out := make([]string, 0, len(keys))
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, ls.label(f, k))
		}
	}
	return out
}

// canonical is the label that value, as typed by a user, stands for: the
// label it is an alias of, then the preferred label of its key, else value.
func (ls labelSet) canonical(f search.Facet, value string) string {
	key := entity.Key(value)
	if key == "" {
		return value
	}
	if l, ok := ls.aliases[f][key]; ok {
		value, key = l, entity.Key(l)
	}
	if l, ok := ls.labels[f][key]; ok {
		return l
	}
	return value
}

// Canonical returns the label that a facet value typed by a user stands
// for in the served generation: the canonical label of the entity it is an
// alias of ("Turkey" gives "Türkiye"), then the preferred label of its key
// ("mehmet goren" gives "Mehmet Gören"), else value unchanged.
func (ix *Index) Canonical(f search.Facet, value string) string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return value
	}
	return ix.cur.canonical(f, value)
}
