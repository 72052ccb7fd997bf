package newsindex

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

func TestCountsCacheServesBrowse(t *testing.T) {
	ix := openCorpus(t)
	ix.KeepResults(0) // or the second search would be answered whole
	sel := map[search.Facet][]string{search.Sources: {"The Guardian"}}
	tests := []struct {
		name   string
		r      *search.Request
		cached bool
	}{
		{"filters alone", &search.Request{Filters: sel}, true},
		{"exclusion alone", &search.Request{Exclude: sel}, true},
		{"by name", &search.Request{Filters: sel, FacetSort: search.ByName}, true},
		{"with words", &search.Request{Query: q(word("storm")), Filters: sel}, false},
		{"all articles", &search.Request{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, cacheable := countsKey(tt.r, paramsOf(tt.r))
			if cacheable != tt.cached {
				t.Fatalf("cacheable = %t, want %t", cacheable, tt.cached)
			}
			uncached := ix.cur.cache
			ix.cur.cache = nil
			want := mustSearch(t, ix, tt.r).Facets
			ix.cur.cache = uncached
			first := mustSearch(t, ix, tt.r).Facets
			if _, ok := ix.cur.cache.get(key); ok != tt.cached {
				t.Errorf("kept in the cache: %t, want %t", ok, tt.cached)
			}
			if len(first.Sources) > 0 {
				first.Sources[0].Count = -1 // a caller changing its response
			}
			if got := mustSearch(t, ix, tt.r).Facets; !reflect.DeepEqual(got, want) {
				t.Errorf("counts %+v, want %+v", got, want)
			}
		})
	}
}

func TestCountsCacheKeys(t *testing.T) {
	base := &search.Request{Filters: map[search.Facet][]string{search.People: {"A"}}}
	key := func(r *search.Request) string { k, _ := countsKey(r, paramsOf(r)); return k }
	differ := []*search.Request{
		{},
		{Filters: map[search.Facet][]string{search.Orgs: {"A"}}},
		{Filters: map[search.Facet][]string{search.People: {"A", "B"}}},
		{Filters: base.Filters, Exclude: map[search.Facet][]string{search.People: {"B"}}},
		{Filters: base.Filters, FacetSize: 3},
		{Filters: base.Filters, FacetSizes: map[search.Facet]int{search.Places: 3}},
		{Filters: base.Filters, FacetSort: search.ByName},
		{Filters: base.Filters, From: date("2024-01-01T00:00:00Z")},
		{Filters: base.Filters, To: date("2024-01-01T00:00:00Z")},
	}
	for i, r := range differ {
		if key(r) == key(base) {
			t.Errorf("request %d has the key of a different request: %q", i, key(r))
		}
	}
	if same := (&search.Request{Filters: base.Filters, Sort: search.Newest, Page: 3}); key(same) != key(base) {
		t.Errorf("sort and page change the key: %q, %q", key(same), key(base))
	}
}

func TestCountsCacheEvicts(t *testing.T) {
	c := newCountsCache()
	for i := range countsCacheSize + 1 {
		c.put(fmt.Sprint(i), search.Counts{Sources: []search.FacetValue{{Value: fmt.Sprint(i), Count: i}}})
	}
	if _, ok := c.get("0"); ok {
		t.Error("the least recently used entry is kept beyond the size")
	}
	for _, k := range []string{"1", fmt.Sprint(countsCacheSize)} {
		if got, ok := c.get(k); !ok || got.Sources[0].Value != k {
			t.Errorf("get(%s) = %+v, %t", k, got, ok)
		}
	}
	var none *countsCache
	none.put("x", search.Counts{})
	if _, ok := none.get("x"); ok {
		t.Error("a nil cache keeps counts")
	}
}
