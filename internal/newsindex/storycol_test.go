package newsindex

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// storyCorpus is corpus() with copies of two articles carried by other
// outlets, one of them twice, at later times.
func storyCorpus() []*article.Article {
	arts := corpus()
	var out []*article.Article
	for _, a := range arts {
		out = append(out, a)
		copies := map[string]int{"a1": 2, "a2": 1}[a.ID]
		for i := range copies {
			c := *a
			c.ID = fmt.Sprintf("%s-copy%d", a.ID, i)
			c.Source = fmt.Sprintf("Copy Outlet %d", i)
			c.Published = a.Published.Add(time.Duration(i+1) * time.Hour)
			out = append(out, &c)
		}
	}
	return out
}

// TestCollapseAndCountStories compares collapsed searches and story counts
// with what plain loops over the uncollapsed hits give.
func TestCollapseAndCountStories(t *testing.T) {
	ix := publishStories(t, storyCorpus())
	if ix.StoryOf("a1-copy1") != ix.StoryOf("a1") || ix.StoryOf("a2-copy0") != ix.StoryOf("a2") {
		t.Fatal("the copies were not grouped with their originals: the test needs them grouped")
	}
	tests := []*search.Request{
		{},
		{Sort: search.Oldest},
		{Query: q(word("erdogan"))},
		{Query: q(word("said"))},
		{Filters: map[search.Facet][]string{search.Places: {"Türkiye", "Boston"}}},
		{Query: q(word("battery")), Exclude: map[search.Facet][]string{search.Sources: {"Harbor Times"}}},
	}
	for _, r := range tests {
		t.Run(fmt.Sprintf("%v", r), func(t *testing.T) {
			all := *r
			all.Size, all.FacetSize = search.MaxSize, search.MaxFacetSize
			flat := mustSearch(t, ix, &all)
			// Collapsed: the first copy of each story in the flat order.
			var want []string
			seen := map[string]bool{}
			for _, h := range flat.Hits {
				if s := ix.StoryOf(h.ID); !seen[s] {
					seen[s] = true
					want = append(want, h.ID)
				}
			}
			collapsed := all
			collapsed.Collapse = true
			if got := ids(mustSearch(t, ix, &collapsed)); !slices.Equal(got, want) {
				t.Errorf("collapsed hits %v, want %v", got, want)
			}
			paged := collapsed
			paged.Size = 2
			if got := pageThrough(t, ix, &paged); !slices.Equal(got, want) {
				t.Errorf("collapsed hits by cursor %v, want %v", got, want)
			}
			// count=stories: distinct stories per value, over the flat hits.
			counted := all
			counted.CountStories = true
			resp := mustSearch(t, ix, &counted)
			for _, f := range search.Facets {
				stories := map[string]map[string]bool{}
				for _, h := range flat.Hits {
					for _, v := range hitValues(h, f) {
						if stories[v] == nil {
							stories[v] = map[string]bool{}
						}
						stories[v][ix.StoryOf(h.ID)] = true
					}
				}
				wantCounts := map[string]int{}
				for v, s := range stories {
					wantCounts[v] = len(s)
				}
				gotCounts := map[string]int{}
				for _, fv := range *resp.Facets.Of(f) {
					gotCounts[fv.Value] = fv.Count
				}
				if len(r.Filters[f]) == 0 && !maps.Equal(gotCounts, wantCounts) {
					t.Errorf("%s story counts %v, want %v", f, gotCounts, wantCounts)
				}
			}
		})
	}
}

// pageThrough follows next_cursor from r to the end and lists every hit.
func pageThrough(t *testing.T, ix *Index, r *search.Request) []string {
	t.Helper()
	var out []string
	for range 100 {
		resp := mustSearch(t, ix, r)
		out = append(out, ids(resp)...)
		if resp.NextCursor == "" {
			return out
		}
		next := *r
		next.Cursor = resp.NextCursor
		r = &next
	}
	t.Fatal("the cursor never ran out")
	return nil
}

// hitValues are the labels of facet f on hit h.
func hitValues(h search.Hit, f search.Facet) []string {
	switch f {
	case search.People:
		return h.People
	case search.Orgs:
		return h.Orgs
	case search.Places:
		return h.Places
	}
	if h.Source == "" {
		return nil
	}
	return []string{h.Source}
}
