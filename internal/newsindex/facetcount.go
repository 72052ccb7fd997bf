package newsindex

// Facet counting without Bleve's term facets.
//
// Bleve's term facets read the doc values of every matching document, once
// per facet, and count in maps keyed by the term string: on Reuters that
// made a search with facets four to five times slower than without. A
// published generation never changes, so when it is opened the facet
// fields (people, orgs, places, sources, published_day) are read once into
// a facetTable: their dictionaries, then the doc values of every live
// document, one visit per document for all five fields (a third of the
// time of reading each term's postings list instead):
//
//   - every term of those fields gets an ordinal, field by field, and
//     within a field in dictionary (A–Z) order, so each field owns one
//     contiguous range of ordinals;
//   - for every document number, the ordinals of its terms, as one flat
//     array with an offset per document (compressed sparse rows);
//   - the counts over all documents, which answer a browse without any
//     filter at once.
//
// A search then counts while it walks its matches (walk.go): for each
// matching document, it adds one to the counter of each of its ordinals:
// one visit per document for all five fields, an array index per term, no
// hashing and no doc values. The top values of a field are picked from the
// ordinals the pass touched. Counts are exact and equal to Bleve's term
// facets (facetcount_test.go compares them).
//
// Document numbers are those of the generation's one Bleve snapshot:
// a generation is opened read-only, so its segments, and with them the
// numbers, never change while it is served.

import (
	"context"
	"fmt"
	"sync"
	"time"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsfts/newsfts/internal/search"
)

// countedFields are the fields a facetTable holds, facets first, in the
// order of search.Facets, then the day of the histogram.
var countedFields = []string{fieldPeople, fieldOrgs, fieldPlaces, fieldSources, fieldPublishedDay}

// dayField is the position of fieldPublishedDay in countedFields.
const dayField = 4

// fieldIndex is the position of facet f in countedFields.
func fieldIndex(f search.Facet) int {
	for i, name := range countedFields[:dayField] {
		if name == string(f) {
			return i
		}
	}
	return -1
}

// facetTable holds, for one generation, the terms of the counted fields
// and which documents have them.
type facetTable struct {
	terms    []string            // ordinal -> term
	first    []uint32            // field i owns ordinals [first[i], first[i+1])
	ordOf    []map[string]uint32 // per field: term -> ordinal
	docStart []uint32            // document d's ordinals are docOrds[docStart[d]:docStart[d+1]]
	docOrds  []uint32
	all      []uint32    // ordinal -> documents having it
	dayOf    []time.Time // the day of each ordinal of fieldPublishedDay
	isDay    []bool      // whether its term is a day (YYYY-MM-DD)
	pool     sync.Pool
}

// buildFacetTable reads the terms of the counted fields from r, then the
// terms of each document from its doc values, in document order.
func buildFacetTable(ctx context.Context, r index.IndexReader) (*facetTable, error) {
	t := &facetTable{}
	for _, field := range countedFields {
		t.first = append(t.first, uint32(len(t.terms)))
		if err := t.readTerms(r, field); err != nil {
			return nil, fmt.Errorf("facet table: field %s: %w", field, err)
		}
	}
	t.first = append(t.first, uint32(len(t.terms)))
	for _, term := range t.terms[t.first[dayField]:t.first[dayField+1]] {
		d, err := time.Parse(time.DateOnly, term)
		t.dayOf, t.isDay = append(t.dayOf, d), append(t.isDay, err == nil)
	}
	t.all = make([]uint32, len(t.terms))
	if err := t.readDocs(ctx, r); err != nil {
		return nil, fmt.Errorf("facet table: %w", err)
	}
	return t, nil
}

// readTerms gives each term of field an ordinal, in dictionary order.
func (t *facetTable) readTerms(r index.IndexReader, field string) error {
	dict, err := r.FieldDict(field)
	if err != nil {
		return err
	}
	defer dict.Close()
	ords := map[string]uint32{}
	t.ordOf = append(t.ordOf, ords)
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			return err
		}
		ords[e.Term] = uint32(len(t.terms))
		t.terms = append(t.terms, e.Term)
	}
}

// readDocs lists the ordinals of every live document, visiting the doc
// values of all counted fields once per document.
func (t *facetTable) readDocs(ctx context.Context, r index.IndexReader) error {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer ids.Close()
	dv, err := r.DocValueReader(countedFields)
	if err != nil {
		return err
	}
	field := map[string]int{}
	for i, f := range countedFields {
		field[f] = i
	}
	visit := func(f string, term []byte) {
		if o, ok := t.ordOf[field[f]][string(term)]; ok {
			t.docOrds = append(t.docOrds, o)
			t.all[o]++
		}
	}
	for i := 0; ; i++ {
		id, err := ids.Next()
		if err != nil || id == nil {
			t.docStart = append(t.docStart, uint32(len(t.docOrds)))
			return err
		}
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		n := id.Value()
		if n >= 1<<31 || len(t.docOrds) >= 1<<31 {
			return fmt.Errorf("document number %d out of range", n)
		}
		for uint64(len(t.docStart)) <= n { // documents up to n start here
			t.docStart = append(t.docStart, uint32(len(t.docOrds)))
		}
		if err := dv.VisitDocValues(id, visit); err != nil {
			return err
		}
	}
}

// tally is the result of one counting pass: a count per ordinal, and the
// ordinals counted at least once.
type tally struct {
	n       []uint32
	touched []uint32
	seen    map[uint64]struct{} // (story, ordinal) pairs counted, when counting stories
}

func (t *facetTable) getTally() *tally {
	if c, ok := t.pool.Get().(*tally); ok {
		return c
	}
	return &tally{n: make([]uint32, len(t.terms))}
}

// release zeroes c and keeps it for the next pass.
func (t *facetTable) release(c *tally) {
	if c == nil {
		return
	}
	for _, o := range c.touched {
		c.n[o] = 0
	}
	c.touched = c.touched[:0]
	clear(c.seen)
	t.pool.Put(c)
}

// add counts the ordinals of document d.
func (t *facetTable) add(c *tally, d uint64) {
	t.addOrds(c, t.ordsOf(d))
}

// addOrds counts ords.
func (t *facetTable) addOrds(c *tally, ords []uint32) {
	for _, o := range ords {
		c.add(o, 1)
	}
}

// add counts ordinal o k more times, noting it touched.
func (c *tally) add(o, k uint32) {
	if c.n[o] == 0 {
		c.touched = append(c.touched, o)
	}
	c.n[o] += k
}

// ordsOf returns the ordinals of document d.
func (t *facetTable) ordsOf(d uint64) []uint32 {
	if d+1 >= uint64(len(t.docStart)) {
		return nil // a document without any counted term
	}
	return t.docOrds[t.docStart[d]:t.docStart[d+1]]
}

// termCount is one term of a field and how many matching articles have it.
type termCount struct {
	term  string
	count int
}

// top returns the n terms of field i with the highest counts in c (all
// documents when c is nil), ties A–Z, as Bleve's term facets order them.
func (t *facetTable) top(c *tally, i, n int) []termCount {
	lo, hi := t.first[i], t.first[i+1]
	var best []termCount
	consider := func(o, k uint32) {
		if k == 0 || len(best) == n && !t.before(o, k, best[n-1]) {
			return
		}
		tc := termCount{t.terms[o], int(k)}
		at := len(best)
		for at > 0 && t.before(o, k, best[at-1]) {
			at--
		}
		if len(best) < n {
			best = append(best, termCount{})
		}
		copy(best[at+1:], best[at:])
		best[at] = tc
	}
	if c == nil {
		for o := lo; o < hi; o++ {
			consider(o, t.all[o])
		}
		return best
	}
	for _, o := range c.touched {
		if o >= lo && o < hi {
			consider(o, c.n[o])
		}
	}
	return best
}

// before reports whether ordinal o counted k times ranks above tc.
func (t *facetTable) before(o, k uint32, tc termCount) bool {
	if int(k) != tc.count {
		return int(k) > tc.count
	}
	return t.terms[o] < tc.term
}

// countOf is the count of term in field i (all documents when c is nil).
func (t *facetTable) countOf(c *tally, i int, term string) int {
	o, ok := t.ordOf[i][term]
	switch {
	case !ok:
		return 0
	case c == nil:
		return int(t.all[o])
	}
	return int(c.n[o])
}

// dayCounts lists every day counted in c (all documents when c is nil),
// in no particular order, with the days read when the table was built.
func (t *facetTable) dayCounts(c *tally) []dayCount {
	lo, hi := t.first[dayField], t.first[dayField+1]
	var out []dayCount
	add := func(o, k uint32) {
		if k > 0 && t.isDay[o-lo] {
			out = append(out, dayCount{t.dayOf[o-lo], int(k)})
		}
	}
	if c == nil {
		for o := lo; o < hi; o++ {
			add(o, t.all[o])
		}
		return out
	}
	for _, o := range c.touched {
		if o >= lo && o < hi {
			add(o, c.n[o])
		}
	}
	return out
}
