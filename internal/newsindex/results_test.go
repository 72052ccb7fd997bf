package newsindex

import (
	"reflect"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// TestResultsKept checks that a repeated search is answered from the
// generation's cache with the same response, that changing a response
// does not change the cache, and that every parameter that shapes a
// response keys it.
func TestResultsKept(t *testing.T) {
	ix := openCorpus(t)
	base := search.Request{Query: q(word("storm")), Filters: map[search.Facet][]string{search.Places: {"Istanbul"}}}
	first := mustSearch(t, ix, &base)
	if first.Cached {
		t.Fatal("the first search came from the cache")
	}
	want := copyResponse(first)
	first.Hits[0].Title = "changed by a caller"
	first.Facets.Places[0].Count = -1
	again := mustSearch(t, ix, &base)
	if !again.Cached {
		t.Fatal("the repeated search was not answered from the cache")
	}
	again.Cached, again.TookMS, want.TookMS = false, 0, 0
	if !reflect.DeepEqual(again, want) {
		t.Errorf("cached response\n%+v\nwant\n%+v", again, want)
	}
	differ := []search.Request{
		{Query: q(word("storm"))},
		{Query: base.Query, Filters: base.Filters, Page: 2, Size: 1},
		{Query: base.Query, Filters: base.Filters, Size: 1},
		{Query: base.Query, Filters: base.Filters, FacetSize: 1},
		{Query: base.Query, Filters: base.Filters, FacetSort: search.ByName},
		{Query: base.Query, Filters: base.Filters, Sort: search.Newest},
		{Query: base.Query, Filters: base.Filters, Collapse: true},
		{Query: base.Query, Filters: base.Filters, CountStories: true},
	}
	for i := range differ {
		if mustSearch(t, ix, &differ[i]).Cached {
			t.Errorf("%+v: answered from the cache of another search", differ[i])
		}
	}
	export := base
	export.HitsOnly = true
	mustSearch(t, ix, &export)
	if mustSearch(t, ix, &export).Cached {
		t.Error("an export page was kept")
	}
	ix.KeepResults(0)
	mustSearch(t, ix, &base)
	if mustSearch(t, ix, &base).Cached {
		t.Error("kept a response with the cache off")
	}
}

// TestReloadWarms checks that a new generation, once swapped in, already
// holds the searches the old one answered last, with the new articles'
// answers.
func TestReloadWarms(t *testing.T) {
	arts := corpus()
	root := publishCorpus(t, arts[:2])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	browse := &search.Request{}
	storm := &search.Request{Query: q(word("storm"))}
	for _, r := range []*search.Request{browse, storm} {
		mustSearch(t, ix, r)
	}
	before := mustSearch(t, ix, browse).Total
	publish(t, root, arts)
	if swapped, err := ix.Reload(); !swapped || err != nil {
		t.Fatalf("Reload = %v, %v", swapped, err)
	}
	if ix.Warmed() != 2 {
		t.Errorf("warmed %d searches, want 2", ix.Warmed())
	}
	for _, r := range []*search.Request{browse, storm} {
		resp := mustSearch(t, ix, r)
		if !resp.Cached {
			t.Errorf("%v: not answered from the warmed cache", r.Query)
		}
		if resp.Total == 0 {
			t.Errorf("%v: warmed with no hit", r.Query)
		}
	}
	if after := mustSearch(t, ix, browse).Total; after != uint64(len(arts)) || after == before {
		t.Errorf("browse after reload: %d articles, want %d (was %d)", after, len(arts), before)
	}
}
