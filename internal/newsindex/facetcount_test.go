package newsindex

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsfts/newsfts/internal/search"
)

// openUpdated publishes synthetic articles in several segments, then an
// update that deletes and replaces some, so that the served generation
// has deleted documents, which must not be counted.
func openUpdated(t *testing.T) *Index {
	t.Helper()
	arts := synthetic(400)
	root := t.TempDir()
	b, err := Create(root, BatchSize(50))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts[:300] {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	if b, err = Update(root, BatchSize(20)); err != nil {
		t.Fatal(err)
	}
	for i, a := range arts[:300] {
		if i%7 == 0 {
			b.Delete(a.ID)
		}
	}
	for _, a := range append(arts[300:], arts[1:40]...) { // new ones, and changed ones again
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestFacetTableAgreesWithBleve(t *testing.T) {
	ix := openUpdated(t)
	g := ix.cur
	if slots := uint64(len(g.table.docStart) - 1); slots <= g.docs {
		t.Fatalf("%d document numbers for %d documents: no deleted document to skip", slots, g.docs)
	}
	from := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    *search.Request
	}{
		{"all", &search.Request{}},
		{"word", &search.Request{Query: q(word("storm"))}},
		{"two words", &search.Request{Query: q(word("storm"), word("battery"))}},
		{"filter", &search.Request{Filters: map[search.Facet][]string{search.People: {"Person 1", "Person 2"}}}},
		{"word and filter", &search.Request{Query: q(word("election")), Filters: map[search.Facet][]string{search.Sources: {"Source 3"}}}},
		{"exclusion", &search.Request{Exclude: map[search.Facet][]string{search.Places: {"Place 0"}}}},
		{"filter and exclusion", &search.Request{Filters: map[search.Facet][]string{search.Orgs: {"Org 0", "Org 3"}}, Exclude: map[search.Facet][]string{search.People: {"Person 0"}}}},
		{"word and exclusion", &search.Request{Query: q(word("battery")), Exclude: map[search.Facet][]string{search.Sources: {"Source 1"}}}},
		{"dates", &search.Request{From: from, To: from.AddDate(0, 3, 0)}},
		{"nothing", &search.Request{Query: q(word("zeppelin"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, err := translator{g.idx.Mapping()}.query(tt.r.Query)
			if err != nil {
				t.Fatal(err)
			}
			qq := combine(user, filterQuery(tt.r, ""), excludeQuery(tt.r))
			c := walkCounts(t, g, tt.r).main
			want := bleveCounts(t, g, qq)
			for i, field := range countedFields {
				got := map[string]int{}
				for _, tc := range g.table.top(c, i, 1<<30) {
					got[tc.term] = tc.count
				}
				if !maps.Equal(got, want[field]) {
					t.Errorf("%s: counts %v, Bleve's term facet %v", field, got, want[field])
				}
				if tt.name != "nothing" && len(got) == 0 {
					t.Errorf("%s: nothing counted", field)
				}
			}
			checkTop(t, g, c)
		})
	}
}

// bleveCounts counts every term of every counted field over the matches
// of q with Bleve's own term facets.
func bleveCounts(t *testing.T, g *generation, q query.Query) map[string]map[string]int {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	for _, f := range countedFields {
		req.AddFacet(f, bleve.NewFacetRequest(f, 1<<20))
	}
	res, err := g.idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int{}
	for _, f := range countedFields {
		out[f] = map[string]int{}
		for _, tf := range res.Facets[f].Terms.Terms() {
			out[f][tf.Term] = tf.Count
		}
	}
	return out
}

// checkTop checks that the top values come by count, then A–Z, and are
// the first of the full list.
func checkTop(t *testing.T, g *generation, c *tally) {
	t.Helper()
	for i, field := range countedFields[:dayField] {
		full := g.table.top(c, i, 1<<30)
		ordered := slices.IsSortedFunc(full, func(a, b termCount) int {
			if a.count != b.count {
				return b.count - a.count
			}
			return strings.Compare(a.term, b.term)
		})
		if !ordered {
			t.Errorf("%s: top values out of order: %v", field, full)
		}
		if got, want := g.table.top(c, i, 3), full[:min(3, len(full))]; !slices.Equal(got, want) {
			t.Errorf("%s: top 3 = %v, want %v", field, got, want)
		}
	}
}

// TestDayHistogramAgreesWithBleve checks the date buckets made from the
// table's days against those made from Bleve's term facet of the day
// field, over every article and over the matches of a search.
func TestDayHistogramAgreesWithBleve(t *testing.T) {
	ix := openUpdated(t)
	g := ix.cur
	for _, r := range []*search.Request{
		{},
		{Query: q(word("storm"))},
		{Query: q(word("battery")), Filters: map[search.Facet][]string{search.People: {"Person 1"}}},
	} {
		user, err := translator{g.idx.Mapping()}.query(r.Query)
		if err != nil {
			t.Fatal(err)
		}
		var c *tally // every article
		if !r.Query.Empty() || len(r.Filters) > 0 {
			c = walkCounts(t, g, r).main
		}
		var tcs []termCount
		for term, n := range bleveCounts(t, g, combine(user, filterQuery(r, ""), excludeQuery(r)))[fieldPublishedDay] {
			tcs = append(tcs, termCount{term, n})
		}
		got, want := daysHistogram(g.table.dayCounts(c)), dayHistogram(tcs)
		if !slices.Equal(got, want) || len(want) < 2 {
			t.Errorf("%v: buckets\n%v\nfrom Bleve's day counts\n%v", r.Query, got, want)
		}
	}
}
