package newsindex

// Faceted search.
//
// One Bleve search finds the page of hits, its total, the term facets of
// every facet that has no selection, and the day counts behind the date
// histogram. Facets are disjunctive: the counts of a facet with selected
// values are computed with every filter except its own, so choosing one
// source still shows how many articles the other sources would add. Each
// such facet costs one more search of size 0 that counts it alone. Its
// selected values are always listed, even outside the top FacetSize: a
// second term facet on the same field, restricted by a pattern to exactly
// the selected values, counts them in the same search.
//
// Exclusions (not_person=...) apply to every count: an excluded value is
// never counted, so it does not appear among the values.
//
// Each facet lists its own number of values (Request.SizeOf), the top ones
// by count; sorted by name, the same values are listed A–Z. Counts are
// exact: the index is one Bleve index, whose term facets count every
// matching document. Deep paging goes by cursor (cursor.go), and a search
// that finds nothing says why (empty.go). A HitsOnly request, the pages of
// an export, skips facets, snippets and the explanation.

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
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

// selectedSuffix names the facet request that counts selected values.
const selectedSuffix = ".selected"

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
	main, err := mainRequest(combine(user, filterQuery(r, ""), exclude), r, p)
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
	if err := ix.facets(ctx, r, p, user, exclude, res.Facets, resp); err != nil {
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

// facets fills in resp's counts: from the main search's results fr, and
// by one more search per facet with a selection.
func (ix *Index) facets(ctx context.Context, r *search.Request, p params, user, exclude query.Query, main bsearch.FacetResults, resp *search.Response) error {
	var err error
	for _, f := range search.Facets {
		fr := main
		if len(r.Filters[f]) > 0 {
			q := combine(user, filterQuery(r, f), exclude)
			if fr, err = ix.countFacet(ctx, q, f, r.Filters[f], p); err != nil {
				return err
			}
		}
		values := ix.cur.facetValues(fr, f, r.Filters[f])
		if r.FacetSort == search.ByName {
			sortByName(values)
		}
		*resp.Facets.Of(f) = values
	}
	resp.Facets.Published = histogram(main[fieldPublishedDay])
	return nil
}

// sortByName orders values A–Z, ignoring case and diacritics.
func sortByName(values []search.FacetValue) {
	slices.SortStableFunc(values, func(a, b search.FacetValue) int {
		return cmp.Or(strings.Compare(entity.Key(a.Value), entity.Key(b.Value)), strings.Compare(a.Value, b.Value))
	})
}

// countFacet counts facet f over the articles q matches: its top values
// and its selected ones.
func (ix *Index) countFacet(ctx context.Context, q query.Query, f search.Facet, selected []string, p params) (bsearch.FacetResults, error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.Score = bleve.ScoreNone // counts only: no hit is ranked
	req.AddFacet(string(f), bleve.NewFacetRequest(string(f), p.facetSize[f]))
	ks := keys(selected)
	sel := bleve.NewFacetRequest(string(f), max(len(ks), 1))
	sel.SetRegexFilter(exactly(ks))
	req.AddFacet(string(f)+selectedSuffix, sel)
	res, err := ix.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %s counts: %w", f, err)
	}
	return res.Facets, nil
}

// mainRequest asks for the page of hits and every count that its own
// query gives: facets without a selection and the day histogram.
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
	if r.HitsOnly {
		return req, nil
	}
	req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	req.Highlight.AddField(fieldBody)
	for _, f := range search.Facets {
		if len(r.Filters[f]) == 0 {
			req.AddFacet(string(f), bleve.NewFacetRequest(string(f), p.facetSize[f]))
		}
	}
	req.AddFacet(fieldPublishedDay, bleve.NewFacetRequest(fieldPublishedDay, maxDays))
	return req, nil
}

// exactly is a pattern matching exactly the given terms.
func exactly(terms []string) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = regexp.QuoteMeta(t)
	}
	return "^(?:" + strings.Join(quoted, "|") + ")$"
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
		if frags := m.Fragments[fieldBody]; len(frags) > 0 {
			h.Snippet = frags[0]
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

// facetValues lists the top values of facet f from results fr, then any
// selected value not among them, marking selected ones. Values are
// compared by key and shown by label, each key once; a selected value
// whose key the generation does not know is shown as given.
func (ls labelSet) facetValues(fr bsearch.FacetResults, f search.Facet, selected []string) []search.FacetValue {
	out := []search.FacetValue{}
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
	if top := fr[string(f)]; top != nil {
		for _, t := range top.Terms.Terms() {
			add(t.Term, ls.label(f, t.Term), t.Count)
		}
	}
	counts := map[string]int{}
	if st := fr[string(f)+selectedSuffix]; st != nil {
		for _, t := range st.Terms.Terms() {
			counts[t.Term] = t.Count
		}
	}
	for _, v := range cleanAll(selected) {
		if k := entity.Key(v); k != "" {
			l, known := ls.labels[f][k]
			if !known {
				l = v
			}
			add(k, l, counts[k])
		}
	}
	return out
}
