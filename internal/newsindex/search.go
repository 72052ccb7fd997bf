package newsindex

// Faceted search.
//
// One Bleve search finds the page of hits and its total; the facets and
// the day counts behind the date histogram are counted apart, from a
// table of the generation's facet terms (facetcount.go). Facets are
// disjunctive: the counts of a facet with selected values are computed
// with every filter except its own, so choosing one source still shows
// how many articles the other sources would add. Each such facet costs
// one more counting pass. Its selected values are always listed, even
// outside the top FacetSize, with their counts from the same pass.
//
// Exclusions (not_person=...) apply to every count: an excluded value is
// never counted, so it does not appear among the values.
//
// Each facet lists its own number of values (Request.SizeOf), the top ones
// by count; sorted by name, the same values are listed A–Z. Counts are
// exact: every matching document is counted. Deep paging goes by cursor
// (cursor.go), and a search that finds nothing says why (empty.go). A
// HitsOnly request, the pages of an export, skips facets, snippets and the
// explanation.

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/search"
)

// hitFields are the stored fields a hit shows.
var hitFields = []string{fieldTitle, fieldSources, fieldPublishedText, fieldURL, fieldPeople, fieldOrgs, fieldPlaces}

// params is a Request with defaults and limits applied.
type params struct {
	page, size int
	facetSize  map[search.Facet]int
	sort       search.Sort
}

func paramsOf(r *search.Request) params {
	p := params{page: r.Page, size: r.Size, sort: r.Sort, facetSize: map[search.Facet]int{}}
	p.page = clamp(p.page, 1, search.MaxPage, 1)
	maxSize := search.MaxSize
	if r.HitsOnly {
		maxSize = search.ExportBatch
	}
	p.size = clamp(p.size, 1, maxSize, search.DefaultSize)
	for _, f := range search.Facets {
		p.facetSize[f] = clamp(r.SizeOf(f), 1, search.MaxFacetSize, search.DefaultFacet)
	}
	if p.sort == "" {
		p.sort = search.Relevance
	}
	return p
}

// clamp returns v within [lo, hi], or def when v is below 1.
func clamp(v, lo, hi, def int) int {
	switch {
	case v < 1:
		return def
	case v < lo:
		return lo
	case v > hi:
		return hi
	}
	return v
}

// Search runs r against the served generation.
func (ix *Index) Search(ctx context.Context, r *search.Request) (*search.Response, error) {
	if r == nil {
		r = &search.Request{}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, fmt.Errorf("search: %w", ErrClosed)
	}
	return ix.cur.answer(ctx, r)
}

// answer runs r against the generation, or answers it from the
// generation's result cache.
func (g *generation) answer(ctx context.Context, r *search.Request) (*search.Response, error) {
	start := time.Now()
	p := paramsOf(r)
	if !validSort(p.sort) {
		return nil, &search.Error{Message: fmt.Sprintf("unknown sort %q; use relevance, newest or oldest", p.sort), Param: "sort"}
	}
	c, err := readCursor(r, p)
	if err != nil {
		return nil, err
	}
	key, keep := resultKey(r, p)
	if cr, ok := g.results.get(key); keep && ok {
		cr.resp.Cached, cr.resp.TookMS = true, since(start)
		return cr.resp, nil
	}
	user, err := translator{g.idx.Mapping()}.query(r.Query)
	if err != nil {
		return nil, err
	}
	resp, err := g.search(ctx, r, p, words(user), c)
	if err != nil {
		return nil, err
	}
	if !r.HitsOnly && resp.Total == 0 {
		if resp.EmptyBecause, err = g.explainEmpty(ctx, r); err != nil {
			return nil, err
		}
	}
	resp.TookMS = since(start)
	if keep {
		g.results.put(key, cachedResult{req: cloneRequest(r), resp: resp})
	}
	return resp, nil
}

// words is the query of the words, nil when there are none.
func words(user query.Query) query.Query {
	if _, all := user.(*query.MatchAllQuery); all {
		return nil
	}
	return user
}

// validSort reports whether s is an order a search can ask for.
func validSort(s search.Sort) bool {
	return s == search.Relevance || s == search.Newest || s == search.Oldest
}

// search walks the matches of r (walk.go) for its total, its page of hits
// and, unless r is HitsOnly, its facet counts.
func (g *generation) search(ctx context.Context, r *search.Request, p params, user query.Query, c *cursor) (*search.Response, error) {
	rd, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	resp := &search.Response{TotalExact: true, Facets: emptyCounts()}
	key, cacheable := countsKey(r, p)
	count := !r.HitsOnly
	if counts, ok := g.cache.get(key); count && cacheable && ok {
		resp.Facets, count = counts, false
	}
	w, err := g.walk(ctx, rd, r, p, user, c, count)
	if err != nil {
		return nil, err
	}
	if w.ts != nil {
		defer g.table.releaseAll(w.ts)
		g.fillFacets(r, p, w.ts, &resp.Facets)
		if cacheable {
			g.cache.put(key, resp.Facets)
		}
	}
	resp.Total = w.total
	page := w.top.sorted()
	page = page[min(w.skip, len(page)):]
	if len(page) > p.size {
		page, resp.NextCursor = page[:p.size], g.nextCursor(r, p, page[p.size-1])
	}
	var terms map[string]bool // the terms a snippet marks; nil makes no snippet
	if !r.HitsOnly {
		terms = snippetTerms(g.idx.Mapping(), r.Query)
		if terms == nil {
			terms = map[string]bool{}
		}
	}
	if resp.Hits, err = g.hits(rd, page, terms); err != nil {
		return nil, err
	}
	return resp, nil
}

// walk runs the walks of r over rd: the main one for the total and the
// hits up to r's page (or the page after cursor c), and, when count is
// set, the counting of the facets. The caller releases the walk's tallies.
func (g *generation) walk(ctx context.Context, rd index.IndexReader, r *search.Request, p params, user query.Query, c *cursor, count bool) (*walk, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	top := &topN{o: order{p.sort, g.col}, n: p.page*p.size + 1} // one more hit says whether another page follows
	w := &walk{g: g, r: rd, f: g.filtersOf(r), top: top, skip: (p.page - 1) * p.size, stories: r.CountStories}
	if c != nil {
		top.n, w.skip, top.after = p.size+1, 0, c.bound(g.col)
	}
	if r.Collapse {
		w.cl = &collapser{best: map[uint32]entry{}}
	}
	if count {
		w.ts = g.newTallies(w.f, user == nil && w.f.none() && !r.CountStories)
	}
	fail := func(err error) (*walk, error) {
		if w.ts != nil {
			g.table.releaseAll(w.ts)
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	if err := w.main(ctx, r, user); err != nil {
		return fail(err)
	}
	if w.comp {
		g.table.complement(w.ts.main)
	}
	if user == nil && w.ts != nil {
		for _, i := range w.f.active {
			if len(w.f.active) == 1 && !w.f.ranged && len(w.f.excl) == 0 && !w.stories {
				g.table.release(w.ts.of[i]) // counted over every article: the table has the counts
				w.ts.of[i] = nil
				break
			}
			if err := w.disjunctive(ctx, r, i); err != nil {
				return fail(fmt.Errorf("%s counts: %w", search.Facets[i], err))
			}
		}
	}
	return w, nil
}

// reader opens a reader of the generation's snapshot.
func (g *generation) reader() (index.IndexReader, error) {
	rd, err := openReader(g.idx)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return rd, nil
}

// openReader opens a reader of idx's current snapshot; the caller closes
// it.
func openReader(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// newTallies returns the tallies a walk with filters f counts into; with
// all, nil tallies: the search counts every article (no words, no filter,
// articles counted), whose counts the table holds.
func (g *generation) newTallies(f *filters, all bool) *tallies {
	ts := &tallies{}
	if all {
		return ts
	}
	ts.main = g.table.getTally()
	for i := range ts.of {
		ts.of[i] = ts.main
	}
	for _, i := range f.active {
		ts.of[i] = g.table.getTally()
	}
	return ts
}

// fillFacets lists the values of every facet and the day histogram from
// the tallies of a walk.
func (g *generation) fillFacets(r *search.Request, p params, ts *tallies, out *search.Counts) {
	for i, f := range search.Facets {
		values := g.facetValues(ts.of[i], f, p.facetSize[f], r.Filters[f])
		if r.FacetSort == search.ByName {
			sortByName(values)
		}
		*out.Of(f) = values
	}
	out.Published = daysHistogram(g.table.dayCounts(ts.main))
}

// sortByName orders values A–Z, ignoring case and diacritics.
func sortByName(values []search.FacetValue) {
	slices.SortStableFunc(values, func(a, b search.FacetValue) int {
		return cmp.Or(strings.Compare(entity.Key(a.Value), entity.Key(b.Value)), strings.Compare(a.Value, b.Value))
	})
}

// hits loads the stored fields of the page's documents, in order, with
// a snippet of each body marking terms unless terms is nil.
func (g *generation) hits(rd index.IndexReader, page []entry, terms map[string]bool) ([]search.Hit, error) {
	ms := make(bsearch.DocumentMatchCollection, 0, len(page))
	snippets := make([]string, len(page))
	an := g.idx.Mapping().AnalyzerNamed(analyzerText)
	for i, e := range page {
		id := g.col.id[e.d]
		doc, err := rd.Document(id)
		if err != nil {
			return nil, fmt.Errorf("search: load %q: %w", id, err)
		}
		ms = append(ms, &bsearch.DocumentMatch{ID: id, Fields: storedFields(doc, hitFields)})
		if terms != nil && doc != nil {
			snippets[i] = snippet(an, doc, terms)
		}
	}
	hs := hits(ms, g.labelSet)
	for i := range snippets {
		hs[i].Snippet = snippets[i]
	}
	return hs, nil
}

// storedFields returns the stored values of the named fields of doc as
// Bleve's search results give them: a string for one value, a list for
// several.
func storedFields(doc index.Document, names []string) map[string]interface{} {
	out := map[string]interface{}{}
	if doc == nil {
		return out
	}
	doc.VisitFields(func(f index.Field) {
		if !slices.Contains(names, f.Name()) {
			return
		}
		v := string(f.Value())
		switch prev := out[f.Name()].(type) {
		case nil:
			out[f.Name()] = v
		case string:
			out[f.Name()] = []interface{}{prev, v}
		case []interface{}:
			out[f.Name()] = append(prev, v)
		}
	})
	return out
}

// hits converts Bleve's matches, in order, showing facet keys as labels.
func hits(ms bsearch.DocumentMatchCollection, ls labelSet) []search.Hit {
	out := make([]search.Hit, 0, len(ms))
	for _, m := range ms {
		h := search.Hit{
			ID:        m.ID,
			Title:     str(m.Fields[fieldTitle]),
			Source:    ls.label(search.Sources, str(m.Fields[fieldSources])),
			Published: parseTime(str(m.Fields[fieldPublishedText])),
			URL:       str(m.Fields[fieldURL]),
			People:    ls.labelsOf(search.People, strs(m.Fields[fieldPeople])),
			Orgs:      ls.labelsOf(search.Orgs, strs(m.Fields[fieldOrgs])),
			Places:    ls.labelsOf(search.Places, strs(m.Fields[fieldPlaces])),
		}
		out = append(out, h)
	}
	return out
}

// emptyCounts has empty, not nil, lists: JSON shows [] rather than null.
func emptyCounts() search.Counts {
	return search.Counts{
		People:    []search.FacetValue{},
		Orgs:      []search.FacetValue{},
		Places:    []search.FacetValue{},
		Sources:   []search.FacetValue{},
		Published: []search.DateBucket{},
	}
}

// facetValues lists the top n values of facet f counted in c, then any
// selected value not among them, marking selected ones. Values are
// compared by key and shown by label, each key once; a selected value
// whose key the generation does not know is shown as given.
func (g *generation) facetValues(c *tally, f search.Facet, n int, selected []string) []search.FacetValue {
	out := []search.FacetValue{}
	i := fieldIndex(f)
	sel := map[string]bool{}
	for _, k := range keys(selected) {
		sel[k] = true
	}
	seen := map[string]bool{}
	add := func(key, label string, n int) {
		if !seen[key] {
			seen[key] = true
			out = append(out, search.FacetValue{Value: label, Count: n, Selected: sel[key]})
		}
	}
	for _, t := range g.table.top(c, i, n) {
		add(t.term, g.label(f, t.term), t.count)
	}
	for _, v := range cleanAll(selected) {
		if k := entity.Key(v); k != "" {
			l, known := g.labels[f][k]
			if !known {
				l = v
			}
			add(k, l, g.table.countOf(c, i, k))
		}
	}
	return out
}
