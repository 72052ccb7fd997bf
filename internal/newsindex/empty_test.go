package newsindex

import (
	"slices"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// TestEmptyBecause checks which parts of a search that finds nothing are
// named, with the number of hits the search would have without each.
func TestEmptyBecause(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name string
		q    string
		req  search.Request
		want []search.Culprit
	}{
		{"one word", "zeppelin", search.Request{}, []search.Culprit{{Param: "q", Value: "zeppelin", HitsWithout: 8}}},
		{"a word among others", "battery zeppelin", search.Request{}, []search.Culprit{{Param: "q", Value: "zeppelin", HitsWithout: 2}}},
		{"words that exclude each other", "storm election", search.Request{}, []search.Culprit{
			{Param: "q", Value: "storm", HitsWithout: 1}, {Param: "q", Value: "election", HitsWithout: 1}}},
		{"a place filter", "battery", search.Request{Filters: map[search.Facet][]string{search.Places: {"Ankara", "Istanbul"}}},
			[]search.Culprit{{Param: "q", Value: "battery", HitsWithout: 3}, {Param: "place", Value: "Ankara OR Istanbul", HitsWithout: 2}}},
		{"an exclusion", "", search.Request{Filters: map[search.Facet][]string{search.Orgs: {"Tesla"}},
			Exclude: map[search.Facet][]string{search.Orgs: {"MIT"}}},
			[]search.Culprit{{Param: "org", Value: "Tesla", HitsWithout: 6}, {Param: "not_org", Value: "MIT", HitsWithout: 1}}},
		{"a date", "harbour", search.Request{From: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)},
			[]search.Culprit{{Param: "from", Value: "2025-06-01T00:00:00Z", HitsWithout: 2}}},
		{"nothing alone", "zeppelin blimp", search.Request{}, nil},
		{"hits", "storm", search.Request{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.req
			if tt.q != "" {
				r.Query, _ = search.Parse(tt.q)
			}
			resp := mustSearch(t, ix, &r)
			if !slices.Equal(resp.EmptyBecause, tt.want) {
				t.Errorf("empty_because = %+v\nwant %+v", resp.EmptyBecause, tt.want)
			}
		})
	}
}
