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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, err := translator{g.idx.Mapping()}.query(tt.r.Query)
			if err != nil {
				t.Fatal(err)
			}
			exclude := excludeQuery(tt.r)
			ts := walkCounts(t, g, tt.r)
			checkTally(t, g, "main", ts.main, bleveCounts(t, g, combine(user, filterQuery(tt.r, ""), exclude)))
			for i, f := range search.Facets {
				want := bleveCounts(t, g, combine(user, filterQuery(tt.r, f), exclude))
				checkTally(t, g, string(f), ts.of[i], map[string]map[string]int{string(f): want[string(f)]})
			}
		})
	}
}

// walkCounts walks r's matches as a search does and returns its tallies,
// released when the test ends.
func walkCounts(t *testing.T, g *generation, r *search.Request) *tallies {
	t.Helper()
	return testWalk(t, g, r).ts
}

// testWalk walks r's matches as a search does, counting the facets, and
// returns the walk; its tallies are released when the test ends.
func testWalk(t *testing.T, g *generation, r *search.Request) *walk {
	t.Helper()
	user, err := translator{g.idx.Mapping()}.query(r.Query)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := g.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	w, err := g.walk(context.Background(), rd, r, paramsOf(r), words(user), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.table.releaseAll(w.ts) })
	return w
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
