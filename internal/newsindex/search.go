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
	after      []string // sort values to search after (from the cursor)
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
	start := time.Now()
	if r == nil {
		r = &search.Request{}
	}
	p := paramsOf(r)
	var err error
	if p.after, err = readCursor(r, p); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, fmt.Errorf("search: %w", ErrClosed)
	}
	user, err := translator{ix.cur.idx.Mapping()}.query(r.Query)
	if err != nil {
		return nil, err
	}
	exclude := excludeQuery(r)
	q := combine(user, filterQuery(r, ""), exclude)
	main, err := mainRequest(q, r, p)
	if err != nil {
		return nil, err
	}
	res, err := ix.alias.SearchInContext(ctx, main)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	page, next := res.Hits, ""
	if len(page) > p.size {
		page, next = page[:p.size], nextCursor(r, p, page[p.size-1])
	}
	resp := &search.Response{
		Total:      res.Total,
		TotalExact: res.TotalRelation != bleve.TotalRelationGte,
		Hits:       hits(page, ix.cur.labelSet),
		NextCursor: next,
		Facets:     emptyCounts(),
	}
	if r.HitsOnly {
		resp.TookMS = float64(time.Since(start).Microseconds()) / 1000
		return resp, nil
	}
	if err := ix.snippets(ctx, q, page, resp.Hits); err != nil {
		return nil, err
	}
	if err := ix.facets(ctx, r, p, user, exclude, resp); err != nil {
		return nil, err
	}
	if resp.Total == 0 {
		if resp.EmptyBecause, err = ix.explainEmpty(ctx, r); err != nil {
			return nil, err
		}
	}
	resp.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return resp, nil
}

// facets fills in resp's counts (facetcount.go, disjunctive.go). The
// counts of a search without query words are kept per generation
// (facetcache.go).
func (ix *Index) facets(ctx context.Context, r *search.Request, p params, user, exclude query.Query, resp *search.Response) error {
	g := ix.cur
	key, cacheable := countsKey(r, p)
	if cacheable {
		if c, ok := g.cache.get(key); ok {
			resp.Facets = c
			return nil
		}
	}
	ts, err := g.countAll(ctx, r, user, exclude)
	if err != nil {
		return err
	}
	defer g.table.releaseAll(ts)
	for i, f := range search.Facets {
		values := g.facetValues(ts.of[i], f, p.facetSize[f], r.Filters[f])
		if r.FacetSort == search.ByName {
			sortByName(values)
		}
		*resp.Facets.Of(f) = values
	}
	resp.Facets.Published = dayHistogram(g.table.days(ts.main))
	if cacheable {
		g.cache.put(key, resp.Facets)
	}
	return nil
}

// countQuery matches what combine(user, filter, exclude) matches, for a
// counting pass that scores nothing. combine makes the filter a Bleve
// filter clause, which Bleve applies by walking every match of the query
// words (or, without words, every document of the index) and checking
// each against the filter; here the filter and the words are a
// conjunction, which skips ahead along the rarer of the two.
func countQuery(user, filter, exclude query.Query) query.Query {
	if filter == nil {
		return combine(user, nil, exclude)
	}
	if _, all := user.(*query.MatchAllQuery); user != nil && !all {
		filter = bleve.NewConjunctionQuery(user, filter)
	}
	if exclude == nil {
		return filter
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(filter)
	bq.AddMustNot(exclude)
	return bq
}

// countPass counts the facet terms of the articles q matches; a nil
// tally stands for all articles, whose counts the table holds.
func (g *generation) countPass(ctx context.Context, q query.Query) (*tally, error) {
	if _, all := q.(*query.MatchAllQuery); all {
		return nil, nil
	}
	return g.table.count(ctx, g.idx, q)
}

// sortByName orders values A–Z, ignoring case and diacritics.
func sortByName(values []search.FacetValue) {
	slices.SortStableFunc(values, func(a, b search.FacetValue) int {
		return cmp.Or(strings.Compare(entity.Key(a.Value), entity.Key(b.Value)), strings.Compare(a.Value, b.Value))
	})
}

// mainRequest asks for the page of hits; facets are counted apart, and
// snippets are made for the page alone.
func mainRequest(q query.Query, r *search.Request, p params) (*bleve.SearchRequest, error) {
	// One hit more than the page shows says whether a next page exists.
	req := bleve.NewSearchRequestOptions(q, p.size+1, (p.page-1)*p.size, false)
	order, err := sortOrder(p.sort)
	if err != nil {
		return nil, err
	}
	req.SortByCustom(order)
	if p.sort != search.Relevance {
		req.Score = bleve.ScoreNone // sorted by date: scores would go unused
	}
	req.Fields = hitFields
	if p.after != nil {
		req.From = 0
		req.SetSearchAfter(p.after)
	}
	return req, nil
}

// snippets sets the snippet of each hit of the page, in order of ms. Bleve
// highlights from the term locations its search collects; asked in the
// main search, it collects them for every match, which for a frequent word
// costs more than the rest of the search. Here a second search, of q
// restricted to the page's ids, collects them for the page alone.
func (ix *Index) snippets(ctx context.Context, q query.Query, ms bsearch.DocumentMatchCollection, hs []search.Hit) error {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	req.Highlight.AddField(fieldBody)
	res, err := ix.alias.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("search: snippets: %w", err)
	}
	frags := make(map[string]string, len(res.Hits))
	for _, m := range res.Hits {
		if f := m.Fragments[fieldBody]; len(f) > 0 {
			frags[m.ID] = f[0]
		}
	}
	for i := range hs {
		hs[i].Snippet = frags[hs[i].ID]
	}
	return nil
}

// sortOrder is the Bleve order for s. Every order ends in the document
// id, so that pages never overlap or skip between equal keys. Articles
// without a date sort last by date either way.
//
// The date is sorted as a string, by its smallest indexed term: Bleve
// indexes a date as prefix-coded terms of several precisions, and the
// full-precision one (shift 0) sorts first. It orders exactly as a date
// sort does, but its sort values, including the marker of a missing date,
// can be handed back to SearchAfter unchanged (cursor.go).
func sortOrder(s search.Sort) (bsearch.SortOrder, error) {
	date := func(desc bool) *bsearch.SortField {
		return &bsearch.SortField{Field: fieldPublished, Type: bsearch.SortFieldAsString, Mode: bsearch.SortFieldMin,
			Desc: desc, Missing: bsearch.SortFieldMissingLast}
	}
	switch s {
	case search.Relevance, "":
		return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, date(true), &bsearch.SortDocID{}}, nil
	case search.Newest:
		return bsearch.SortOrder{date(true), &bsearch.SortDocID{}}, nil
	case search.Oldest:
		return bsearch.SortOrder{date(false), &bsearch.SortDocID{}}, nil
	}
	return nil, &search.Error{Message: fmt.Sprintf("unknown sort %q; use relevance, newest or oldest", s), Param: "sort"}
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
