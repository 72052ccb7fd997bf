package newsindex

import (
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// TestComplementCounts checks which searches count their facets by what
// they do not match, and that their counts are Bleve's term facets over
// what they match, walked whole or in halves, with deleted documents
// among the ones skipped.
func TestComplementCounts(t *testing.T) {
	ix := openUpdated(t)
	g := ix.cur
	if slots := uint64(len(g.table.docStart) - 1); slots <= g.docs {
		t.Fatalf("%d document numbers for %d documents: no deleted document to skip", slots, g.docs)
	}
	src := map[search.Facet][]string{search.Sources: {"Source 3"}}
	tests := []struct {
		name string
		r    *search.Request
		comp bool
	}{
		{"frequent word", &search.Request{Query: q(word("storm"))}, true},
		{"frequent word, newest first", &search.Request{Query: q(word("storm")), Sort: search.Newest}, true},
		{"group with a frequent word", &search.Request{Query: q(or(word("wb08"), word("storm")))}, true},
		{"frequent word, collapsed", &search.Request{Query: q(word("storm")), Collapse: true}, true},
		{"rarer word", &search.Request{Query: q(word("wb08"))}, false},
		{"frequent word and a filter", &search.Request{Query: q(word("storm")), Filters: src}, false},
		{"frequent word and an exclusion", &search.Request{Query: q(word("storm")), Exclude: src}, false},
		{"frequent word but one", &search.Request{Query: q(word("storm"), not(word("election")))}, false},
		{"frequent word and another", &search.Request{Query: q(word("storm"), word("battery"))}, false},
		{"stories counted", &search.Request{Query: q(word("storm")), CountStories: true}, false},
	}
	defer func(n uint64) { splitAt = n }(splitAt)
	for _, tt := range tests {
		for _, at := range []uint64{1 << 62, 0} {
			splitAt = at
			w := testWalk(t, g, tt.r)
			if w.comp != tt.comp {
				t.Errorf("%s: counted by complement %t, want %t", tt.name, w.comp, tt.comp)
			}
			if tt.r.CountStories {
				continue
			}
			user, err := translator{g.idx.Mapping()}.query(tt.r.Query)
			if err != nil {
				t.Fatal(err)
			}
			checkTally(t, g, tt.name, w.ts.main, bleveCounts(t, g, combine(user, filterQuery(tt.r, ""), excludeQuery(tt.r))))
		}
	}
}
