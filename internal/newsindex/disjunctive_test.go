package newsindex

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// TestDisjunctiveCounts checks both ways of counting a request with
// selections against Bleve's term facets over the matches of each facet's
// disjunctive query.
func TestDisjunctiveCounts(t *testing.T) {
	ix := openUpdated(t)
	g := ix.cur
	from := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	people := map[search.Facet][]string{search.People: {"Person 1", "Person 4"}}
	three := map[search.Facet][]string{search.People: {"Person 0"}, search.Places: {"Place 1", "Place 2"}, search.Sources: {"Source 2", "Source 5"}}
	tests := []struct {
		name string
		r    *search.Request
	}{
		{"one facet", &search.Request{Query: q(word("storm")), Filters: people}},
		{"three facets", &search.Request{Query: q(word("storm")), Filters: three}},
		{"three facets, dates, exclusion", &search.Request{Query: q(word("election")), Filters: three, From: from,
			Exclude: map[search.Facet][]string{search.Orgs: {"Org 0"}}}},
		{"unknown value", &search.Request{Query: q(word("storm")), Filters: map[search.Facet][]string{
			search.People: {"Nobody Known"}, search.Places: {"Place 0"}}}},
		{"no words", &search.Request{Filters: three}},
		{"two facets, words excluded", &search.Request{Query: q(word("storm"), not(word("battery"))),
			Filters: map[search.Facet][]string{search.Orgs: {"Org 1"}, search.Places: {"Place 0", "Place 3"}}}},
	}
	type way struct {
		name  string
		count func(*search.Request) (*tallies, error)
	}
	for _, tt := range tests {
		user, err := translator{g.idx.Mapping()}.query(tt.r.Query)
		if err != nil {
			t.Fatal(err)
		}
		exclude := excludeQuery(tt.r)
		for _, w := range []way{
			{"apart", func(r *search.Request) (*tallies, error) { return g.countApart(context.Background(), r, user, exclude) }},
			{"together", func(r *search.Request) (*tallies, error) {
				return g.countTogether(context.Background(), r, countQuery(user, nearlyAll(r), exclude))
			}},
		} {
			t.Run(tt.name+"/"+w.name, func(t *testing.T) {
				ts, err := w.count(tt.r)
				if err != nil {
					t.Fatal(err)
				}
				defer g.table.releaseAll(ts)
				checkTally(t, g, "main", ts.main, bleveCounts(t, g, combine(user, filterQuery(tt.r, ""), exclude)))
				for i, f := range search.Facets {
					want := bleveCounts(t, g, combine(user, filterQuery(tt.r, f), exclude))
					checkTally(t, g, string(f), ts.of[i], map[string]map[string]int{string(f): want[string(f)]})
				}
			})
		}
	}
}

// checkTally compares the counts of c with want, field by field.
func checkTally(t *testing.T, g *generation, name string, c *tally, want map[string]map[string]int) {
	t.Helper()
	for i, field := range countedFields {
		w, ok := want[field]
		if !ok {
			continue
		}
		got := map[string]int{}
		for _, tc := range g.table.top(c, i, 1<<30) {
			got[tc.term] = tc.count
		}
		if !maps.Equal(got, w) {
			t.Errorf("%s, %s: counts %v, Bleve's term facet %v", name, field, got, w)
		}
	}
}
