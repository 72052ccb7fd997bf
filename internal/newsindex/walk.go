package newsindex

// One walk per search.
//
// A search used to be three Bleve searches over the same matches: one for
// the page of hits (which read the stored id and the date of every match
// to sort them), one counting the facets, one making the snippets. Now
// one walk over the matches of the query words does the first two: for
// each match it reads the facet ordinals (facetcount.go) and the sort
// keys (columns.go) from memory and
//
//   - checks the filters, exclusions and date range against them, so the
//     words alone drive the walk and no filter searcher runs beside it;
//   - if the match passes every filter, counts it in the total and in the
//     facets, and offers it to the page's topN (topn.go);
//   - if it lacks the selected values of exactly one facet, counts it in
//     that facet's disjunctive counts only (disjunctive.go explains why).
//
// A search without words is driven by its filters instead (the walk would
// otherwise visit every article), and the disjunctive counts of each
// facet with a selection take one more walk, driven by the other filters.
// A search with no words and no filter at all walks nothing: its total is
// the number of articles and its page comes from the columns' date order.

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsfts/newsfts/internal/search"
)

// Outcomes of filters.classify besides the index of the one facet whose
// selection a match lacks.
const (
	passes = -1 // the match passes every filter
	out    = -2 // excluded, out of the date range, or lacking two selections
)

// filters are a request's filters, exclusions and date range as facet
// ordinals and date bounds.
type filters struct {
	sel      [dayField][]uint32 // the ordinals of each facet's selected values; nil: no selection
	active   []int              // the facets with a selection
	excl     []uint32           // the ordinals of excluded values, any facet
	from, to int64              // the date range [from, to) when ranged
	ranged   bool
}

// filtersOf translates r's filters for the generation's table.
func (g *generation) filtersOf(r *search.Request) *filters {
	f := &filters{}
	t := g.table
	for i, facet := range search.Facets {
		if len(r.Filters[facet]) > 0 {
			f.active = append(f.active, i)
			f.sel[i] = []uint32{} // unknown values select nothing
			for _, k := range keys(r.Filters[facet]) {
				if o, ok := t.ordOf[i][k]; ok {
					f.sel[i] = append(f.sel[i], o)
				}
			}
		}
		for _, k := range keys(r.Exclude[facet]) {
			if o, ok := t.ordOf[i][k]; ok {
				f.excl = append(f.excl, o)
			}
		}
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		f.ranged, f.from, f.to = true, noDate, -noDate-1
		if !r.From.IsZero() {
			f.from = clampDate(r.From).UnixNano()
		}
		if !r.To.IsZero() {
			f.to = clampDate(r.To).UnixNano()
		}
	}
	return f
}

// none reports whether f keeps every article.
func (f *filters) none() bool { return len(f.active) == 0 && len(f.excl) == 0 && !f.ranged }

// classify tells where a document with facet ordinals ords and date date
// belongs: passes, out, or the index of the one facet it lacks.
func (f *filters) classify(ords []uint32, date int64) int {
	if f.ranged && (date == noDate || date < f.from || date >= f.to) {
		return out
	}
	if len(f.excl) > 0 && hasAny(ords, f.excl) {
		return out
	}
	lacks := passes
	for _, i := range f.active {
		if !hasAny(ords, f.sel[i]) {
			if lacks != passes {
				return out
			}
			lacks = i
		}
	}
	return lacks
}

// walkQuery runs q's searcher over r and calls visit with the document
// number and score of each match; scores are computed only when scored.
func walkQuery(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query, scored bool, visit func(d uint32, score float64)) error {
	opts := bsearch.SearcherOptions{Score: "none"}
	if scored {
		opts.Score = ""
	}
	s, err := q.Searcher(ctx, r, m, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for i := 0; ; i++ {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		dm, err := s.Next(sc)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		d := dm.IndexInternalID.Value()
		if d >= 1<<31 {
			return fmt.Errorf("document number %d out of range", d)
		}
		visit(uint32(d), dm.Score)
		sc.DocumentMatchPool.Put(dm)
	}
}

// walk is one search's pass over its matches.
type walk struct {
	g       *generation
	r       index.IndexReader
	f       *filters
	top     *topN
	skip    int        // hits of the pages before the one asked for
	cl      *collapser // nil unless the walk collapses stories
	stories bool       // count stories rather than articles
	total   uint64
	ts      *tallies   // nil: facets are not counted in this walk
	comp    bool       // ts.main counts the documents not matched (complement.go)
	next    uint32     // when comp, the first document not yet counted or matched
	lists   *termLists // the search's postings lists, shared with a fork (postings.go)
}

// main walks the matches of the words (user, nil for none) or, without
// words, of the filters, collecting the total, the page and, when w.ts is
// set, the facet counts.
func (w *walk) main(ctx context.Context, req *search.Request, user query.Query) error {
	t, col := w.g.table, w.g.col
	var err error
	switch {
	case user != nil:
		scored := w.top.o.sort == search.Relevance
		if plan, ok := planWords(w.g.idx.Mapping(), req.Query); ok {
			err = w.words(ctx, plan, scored) // split.go
		} else {
			err = walkQuery(ctx, w.r, w.g.idx.Mapping(), user, scored, w.visitor(true))
		}
	case w.f.none():
		w.browse()
		if w.ts != nil && w.ts.main != nil { // stories counted: the table's counts are of articles
			for _, d := range col.byID {
				w.count(w.ts.main, d, t.ordsOf(uint64(d)))
			}
		}
		return nil
	default:
		err = walkQuery(ctx, w.r, w.g.idx.Mapping(), driver(req, ""), false, w.visitor(false))
	}
	if w.cl != nil {
		w.cl.flush(w.top)
	}
	return err
}

// visitor returns what the main walk does with each match. together says
// the walk counts the disjunctive counts of the selected facets too (a
// walk driven by words); without words each has a walk of its own.
func (w *walk) visitor(together bool) func(d uint32, score float64) {
	t, col := w.g.table, w.g.col
	return func(d uint32, score float64) {
		ords := t.ordsOf(uint64(d))
		c := w.f.classify(ords, col.date[d])
		switch {
		case c == passes:
			w.total++
			w.offer(entry{d, score})
			if w.ts != nil {
				w.count(w.ts.main, d, ords)
				for _, i := range w.f.active {
					if together {
						w.count(w.ts.of[i], d, ords)
					}
				}
			}
		case c >= 0 && w.ts != nil:
			w.count(w.ts.of[c], d, ords)
		}
	}
}

// offer hands match e to the page, through the collapser if the walk
// collapses stories.
func (w *walk) offer(e entry) {
	if w.cl != nil {
		w.cl.offer(w.top, w.g.col, e)
		return
	}
	w.top.offer(e)
}

// count adds document d's ordinals to c, once per story when the walk
// counts stories.
func (w *walk) count(c *tally, d uint32, ords []uint32) {
	if w.stories {
		w.g.table.addStory(c, w.g.col.story[d], ords)
		return
	}
	w.g.table.addOrds(c, ords)
}

// browse fills the page of a search without words or filters from the
// date order, stopping when the page is full. Walking in the page's
// order, the first copy of a story met is its best.
func (w *walk) browse() {
	col := w.g.col
	w.total = uint64(len(col.byDate))
	ds := col.byDate
	if w.top.o.sort == search.Oldest {
		ds = make([]uint32, 0, len(col.byDate))
		for i := col.dated - 1; i >= 0; i-- {
			ds = append(ds, col.byDate[i])
		}
		ds = append(ds, col.byDate[col.dated:]...)
	}
	seen := map[uint32]bool{}
	for _, d := range ds {
		if len(w.top.h) == w.top.n {
			return
		}
		if s := col.story[d]; w.cl != nil && s != noStory {
			if seen[s] {
				continue
			}
			seen[s] = true
		}
		w.top.offer(entry{d: d})
	}
}

// disjunctive counts facet i's values over the articles that pass every
// filter but facet i's, without words: one walk driven by the other
// filters.
func (w *walk) disjunctive(ctx context.Context, req *search.Request, i int) error {
	t, col := w.g.table, w.g.col
	visit := func(d uint32, _ float64) {
		ords := t.ordsOf(uint64(d))
		if c := w.f.classify(ords, col.date[d]); c == passes || c == i {
			w.count(w.ts.of[i], d, ords)
		}
	}
	return walkQuery(ctx, w.r, w.g.idx.Mapping(), driver(req, search.Facets[i]), false, visit)
}

// driver is the query that leads a walk without words: the filters but
// facet except's, or every article when that leaves none (exclusions
// alone, or one selected facet counted apart).
func driver(r *search.Request, except search.Facet) query.Query {
	if q := filterQuery(r, except); q != nil {
		return q
	}
	return query.NewMatchAllQuery()
}

// since is the time from start in milliseconds.
func since(start time.Time) float64 { return float64(time.Since(start).Microseconds()) / 1000 }
