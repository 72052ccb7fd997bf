package newsindex

import (
	"os"
	"strconv"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// BenchmarkFacets compares facet-heavy searches with the same searches
// without facets. "facets" asks for 100 values of every facet and the
// date histogram; "selected/facets" also selects two values in each of
// people, places and sources, so that three more disjunctive counting
// searches run. "plain" is the same query and filters as a HitsOnly
// request, which also skips the snippets, so the ratio between them is an
// upper bound on what facets cost.
//
// "browse" without query words is answered from the generation's counts
// cache after its first run; "browse-nocache" counts it every time.
//
// The corpus is NEWSFTS_BENCH_DOCS synthetic articles (default 20,000),
// or the published index at NEWSFTS_BENCH_INDEX (for instance the Reuters
// corpus replicated and indexed with `indexer -index DIR`). The selected
// values are the top two people, then the top two places among their
// articles, then the top two sources among those, whatever the corpus, so
// that the selection matches some articles (a search that finds nothing
// would also measure the explanation of why).
func BenchmarkFacets(b *testing.B) {
	ix := benchIndex(b)
	sel := selection(b, ix)
	for _, c := range []struct{ name, q string }{{"browse", ""}, {"browse-nocache", ""}, {"word", "said"}, {"two words", "oil prices"}, {"storm", "storm"}} {
		query, _ := search.Parse(c.q)
		for _, r := range []struct {
			kind string
			req  *search.Request
		}{
			{"facets", &search.Request{Query: query, FacetSize: search.MaxFacetSize}},
			{"plain", &search.Request{Query: query, HitsOnly: true}},
			{"selected/facets", &search.Request{Query: query, Filters: sel, FacetSize: search.MaxFacetSize}},
			{"selected/plain", &search.Request{Query: query, Filters: sel, HitsOnly: true}},
		} {
			b.Run(c.name+"/"+r.kind, func(b *testing.B) {
				if c.name == "browse-nocache" {
					cache := ix.cur.cache
					ix.cur.cache = nil
					defer func() { ix.cur.cache = cache }()
				}
				for b.Loop() {
					mustSearchB(b, ix, r.req)
				}
			})
		}
	}
}

// selection picks two values of people, places and sources in turn, each
// among the articles the values before select.
func selection(b *testing.B, ix *Index) map[search.Facet][]string {
	sel := map[search.Facet][]string{}
	for _, f := range []search.Facet{search.People, search.Places, search.Sources} {
		top := mustSearchB(b, ix, &search.Request{Filters: sel, FacetSize: 2})
		for _, v := range *top.Facets.Of(f) {
			sel[f] = append(sel[f], v.Value)
		}
	}
	top := mustSearchB(b, ix, &search.Request{Filters: sel, HitsOnly: true})
	b.Logf("selection %v matches %d articles", sel, top.Total)
	return sel
}

func benchIndex(b *testing.B) *Index {
	root := os.Getenv("NEWSFTS_BENCH_INDEX")
	if root == "" {
		n, err := strconv.Atoi(os.Getenv("NEWSFTS_BENCH_DOCS"))
		if err != nil || n <= 0 {
			n = 20000
		}
		root = b.TempDir()
		bl, err := Create(root)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range synthetic(n) {
			if err := bl.Add(a); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := bl.Publish(); err != nil {
			b.Fatal(err)
		}
	}
	ix, err := Open(root)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	b.Logf("%d articles", ix.Stats().Docs)
	return ix
}

func mustSearchB(b *testing.B, ix *Index, r *search.Request) *search.Response {
	resp, err := ix.Search(b.Context(), r)
	if err != nil {
		b.Fatal(err)
	}
	return resp
}

// BenchmarkFacetCountsAll measures facet counts over all articles as a
// browse gets them (the counts taken when the generation is opened).
func BenchmarkFacetCountsAll(b *testing.B) {
	ix := benchIndex(b)
	g := ix.cur
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			for _, f := range search.Facets {
				g.facetValues(nil, f, search.DefaultFacet, nil)
			}
			daysHistogram(g.table.dayCounts(nil))
		}
	})
}

// BenchmarkFacetTable measures building the facet table, which opening a
// generation does once.
func BenchmarkFacetTable(b *testing.B) {
	ix := benchIndex(b)
	for b.Loop() {
		r, err := ix.cur.reader()
		if err != nil {
			b.Fatal(err)
		}
		_, err = buildFacetTable(b.Context(), r)
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColumns measures reading the sort columns, which opening a
// generation does once.
func BenchmarkColumns(b *testing.B) {
	ix := benchIndex(b)
	for b.Loop() {
		r, err := ix.cur.reader()
		if err != nil {
			b.Fatal(err)
		}
		_, err = readColumns(b.Context(), r)
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
