package newsindex

import (
	"reflect"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// TestSplitWalkSame checks that a search walked in two halves answers
// exactly as one walk does: hits, totals, counts, collapsed stories and
// cursor pages.
func TestSplitWalkSame(t *testing.T) {
	synth, stories := openUpdated(t), publishStories(t, storyCorpus())
	synth.KeepResults(0)
	stories.KeepResults(0)
	sel := map[search.Facet][]string{search.People: {"Person 1", "Person 4"}}
	tests := []struct {
		ix *Index
		r  search.Request
	}{
		{synth, search.Request{Query: q(word("storm"))}},
		{synth, search.Request{Query: q(word("election"), not(word("battery"))), Filters: sel, Sort: search.Newest}},
		{synth, search.Request{Query: q(word("storm")), Page: 3, Size: 7}},
		{synth, search.Request{Query: q(word("storm")), Size: 5, Cursor: "next"}},
		{stories, search.Request{Query: q(word("said")), Collapse: true}},
		{stories, search.Request{Query: q(word("the")), Collapse: true, Size: 2, Cursor: "next"}},
	}
	defer func(n uint64) { splitAt = n }(splitAt)
	for _, tt := range tests {
		t.Run(tt.r.Query.String(), func(t *testing.T) {
			run := func(at uint64) []*search.Response {
				splitAt = at
				r := tt.r
				wantNext := r.Cursor == "next"
				r.Cursor = ""
				var out []*search.Response
				for range 20 {
					resp := mustSearch(t, tt.ix, &r)
					resp.TookMS = 0
					out = append(out, resp)
					if !wantNext || resp.NextCursor == "" {
						break
					}
					r.Cursor = resp.NextCursor
				}
				return out
			}
			whole, halves := run(1<<62), run(0)
			if !reflect.DeepEqual(whole, halves) {
				t.Errorf("walked in halves:\n%+v\nin one walk:\n%+v", halves, whole)
			}
			if whole[0].Total == 0 || len(whole[0].Hits) == 0 {
				t.Error("nothing found: the comparison checks nothing")
			}
		})
	}
}
