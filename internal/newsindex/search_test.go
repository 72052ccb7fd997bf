package newsindex

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

func word(text string) *search.Term        { return &search.Term{Text: text} }
func phrase(text string) *search.Term      { return &search.Term{Text: text, Phrase: true} }
func field(f, text string) *search.Term    { return &search.Term{Field: f, Text: text} }
func or(nodes ...search.Node) *search.Or   { return &search.Or{Any: nodes} }
func not(n search.Node) *search.Not        { return &search.Not{Node: n} }
func q(nodes ...search.Node) *search.Query { return &search.Query{All: nodes} }

func TestQueryShapes(t *testing.T) {
	ix := openCorpus(t)
	all := []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"}
	tests := []struct {
		name  string
		query *search.Query
		want  []string
	}{
		{"nil query matches all", nil, all},
		{"empty query matches all", q(), all},
		{"word, stemmed", q(word("batteries")), []string{"a2", "a5"}},
		{"all words must match", q(word("battery"), word("prices")), []string{"a5"}},
		{"word in title or body", q(word("storm")), []string{"a3"}},
		{"phrase", q(phrase("cheaper battery")), []string{"a2"}},
		{"phrase words apart do not match", q(phrase("battery cheaper")), []string{}},
		{"or", q(or(word("storm"), word("election"))), []string{"a3", "a4"}},
		{"or and word", q(or(word("storm"), word("election")), word("sunday")), []string{"a4"}},
		{"exclusion", q(word("battery"), not(word("tesla"))), []string{"a2"}},
		{"only exclusion", q(not(word("battery"))), []string{"a1", "a3", "a4", "a6", "a7", "a8"}},
		{"or with an exclusion", q(or(word("storm"), not(word("harbour")))), []string{"a1", "a2", "a3", "a4", "a5", "a7"}},
		{"excluded phrase", q(word("harbour"), not(phrase("harbour wall"))), []string{"a6"}},
		{"group", q(word("battery"), q(not(word("sodium")))), []string{"a5"}},
		{"folded word", q(word("goren")), []string{"a2", "a7"}},
		{"word with diacritics", q(word("Gören")), []string{"a2", "a7"}},
		{"dotted capital I folds", q(word("istanbul")), []string{"a3", "a8"}},
		{"dotless i folds", q(word("kilicdaroglu")), []string{"a4"}},
		{"person:erdogan", q(field("person", "erdogan")), []string{"a1", "a4"}},
		{"person full name", q(field("person", "recep tayyip erdoğan")), []string{"a1", "a4"}},
		{"place:turkiye", q(field("place", "turkiye")), []string{"a1", "a4"}},
		{"org:mit", q(field("org", "mit")), []string{"a2", "a5"}},
		{"source:guardian", q(field("source", "guardian")), []string{"a3", "a6", "a8"}},
		{"title:battery", q(field("title", "battery")), []string{"a2", "a5"}},
		{"body:title only in body", q(field("body", "title")), []string{"a7"}},
		{"lone punctuation is ignored", q(word("—"), word("storm")), []string{"a3"}},
		{"unknown word", q(word("zeppelin")), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := mustSearch(t, ix, &search.Request{Query: tt.query, Size: 20})
			if got := sorted(ids(resp)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if resp.Total != uint64(len(tt.want)) || !resp.TotalExact {
				t.Errorf("total %d (exact %v), want %d", resp.Total, resp.TotalExact, len(tt.want))
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name  string
		req   *search.Request
		param string
	}{
		{"unknown field", &search.Request{Query: q(field("author", "x"))}, "q"},
		{"unknown sort", &search.Request{Sort: "random"}, "sort"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(t.Context(), tt.req)
			var se *search.Error
			if !errors.As(err, &se) || se.Param != tt.param {
				t.Errorf("err = %v, want a *search.Error for %q", err, tt.param)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name string
		req  search.Request
		want []string
	}{
		{"one value", search.Request{Filters: map[search.Facet][]string{search.Sources: {"Harbor Times"}}},
			[]string{"a2", "a5", "a7"}},
		{"two values of one facet OR", search.Request{Filters: map[search.Facet][]string{search.Sources: {"Harbor Times", "The Daily Ledger"}}},
			[]string{"a1", "a2", "a4", "a5", "a7"}},
		{"two facets AND", search.Request{Filters: map[search.Facet][]string{
			search.Sources: {"The Daily Ledger"}, search.People: {"Kemal Kılıçdaroğlu"}}},
			[]string{"a4"}},
		{"filter matches by key", search.Request{Filters: map[search.Facet][]string{search.People: {"recep tayyip erdogan"}}},
			[]string{"a1", "a4"}},
		{"filter is not a word search", search.Request{Filters: map[search.Facet][]string{search.People: {"Erdoğan"}}},
			[]string{}},
		{"filter and query", search.Request{Query: q(word("battery")), Filters: map[search.Facet][]string{search.Orgs: {"Tesla"}}},
			[]string{"a5"}},
		{"exclusion", search.Request{Exclude: map[search.Facet][]string{search.Sources: {"Harbor Times"}}},
			[]string{"a1", "a3", "a4", "a6", "a8"}},
		{"only-exclusion query and filter", search.Request{Query: q(not(word("battery"))),
			Filters: map[search.Facet][]string{search.Sources: {"Harbor Times"}}},
			[]string{"a7"}},
		{"exclusion and filter", search.Request{
			Filters: map[search.Facet][]string{search.Places: {"Türkiye", "Istanbul"}},
			Exclude: map[search.Facet][]string{search.People: {"Kemal Kılıçdaroğlu"}}},
			[]string{"a1", "a3", "a8"}},
		{"date range, To exclusive", search.Request{From: date("2024-03-01T00:00:00Z"), To: date("2024-04-02T18:00:00Z")},
			[]string{"a1", "a2", "a7"}},
		{"date from only", search.Request{From: date("2024-05-14T12:00:00Z")},
			[]string{"a4", "a5", "a8"}},
		{"date to only", search.Request{To: date("2024-03-21T00:00:00Z")},
			[]string{"a1", "a2"}},
		{"dates beyond Bleve's range are open", search.Request{From: time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), To: time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]string{"a1", "a2", "a3", "a4", "a5", "a7", "a8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Size = 20
			resp := mustSearch(t, ix, &tt.req)
			if got := sorted(ids(resp)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSort(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name string
		req  search.Request
		want []string
	}{
		{"newest, undated last", search.Request{Sort: search.Newest}, []string{"a8", "a5", "a4", "a3", "a7", "a2", "a1", "a6"}},
		{"oldest, undated last", search.Request{Sort: search.Oldest}, []string{"a1", "a2", "a7", "a3", "a4", "a5", "a8", "a6"}},
		{"relevance ties break by newest", search.Request{}, []string{"a8", "a5", "a4", "a3", "a7", "a2", "a1", "a6"}},
		{"relevance: title match first", search.Request{Query: q(word("harbour"))}, []string{"a8", "a6"}},
		{"relevance: title and body above title only", search.Request{Query: q(word("battery"))}, []string{"a2", "a5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Size = 20
			if got := ids(mustSearch(t, ix, &tt.req)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPaging(t *testing.T) {
	ix := openCorpus(t)
	for _, sort := range []search.Sort{search.Relevance, search.Newest, search.Oldest} {
		full := ids(mustSearch(t, ix, &search.Request{Sort: sort, Size: 20}))
		var paged []string
		for page := 1; page <= 4; page++ {
			resp := mustSearch(t, ix, &search.Request{Sort: sort, Page: page, Size: 3})
			if resp.Total != 8 {
				t.Errorf("%s page %d: total %d, want 8", sort, page, resp.Total)
			}
			paged = append(paged, ids(resp)...)
		}
		if !slices.Equal(paged, full) {
			t.Errorf("%s: pages %v, want %v", sort, paged, full)
		}
	}
}

func TestFacetCounts(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name  string
		req   search.Request
		facet search.Facet
		want  []search.FacetValue
	}{
		{"no selection", search.Request{}, search.Sources, []search.FacetValue{
			{Value: "Harbor Times", Count: 3}, {Value: "The Sunday Guardian", Count: 3}, {Value: "The Daily Ledger", Count: 2}}},
		{"counts follow the query", search.Request{Query: q(word("battery"))}, search.Orgs, []search.FacetValue{
			{Value: "MIT", Count: 2}, {Value: "Tesla", Count: 1}}},
		{"selected facet keeps counts of unselected values", search.Request{
			Filters: map[search.Facet][]string{search.Sources: {"Harbor Times"}}}, search.Sources, []search.FacetValue{
			{Value: "Harbor Times", Count: 3, Selected: true}, {Value: "The Sunday Guardian", Count: 3}, {Value: "The Daily Ledger", Count: 2}}},
		{"other facets count within the selection", search.Request{
			Filters: map[search.Facet][]string{search.Sources: {"Harbor Times"}}}, search.People, []search.FacetValue{
			{Value: "Jane Gören", Count: 2}}},
		{"selected facet counts with the other facets' filters", search.Request{
			Filters: map[search.Facet][]string{search.Sources: {"The Daily Ledger"}, search.People: {"Kemal Kılıçdaroğlu"}}},
			search.People, []search.FacetValue{
				{Value: "Recep Tayyip Erdoğan", Count: 2}, {Value: "Kemal Kılıçdaroğlu", Count: 1, Selected: true}}},
		{"selected value outside the top N is listed", search.Request{FacetSize: 1,
			Filters: map[search.Facet][]string{search.People: {"Kemal Kılıçdaroğlu"}}}, search.People, []search.FacetValue{
			{Value: "Jane Gören", Count: 2}, {Value: "Kemal Kılıçdaroğlu", Count: 1, Selected: true}}},
		{"selected value with no match is listed with 0", search.Request{Query: q(word("battery")),
			Filters: map[search.Facet][]string{search.Places: {"Ankara"}}}, search.Places, []search.FacetValue{
			{Value: "Boston", Count: 1}, {Value: "Ankara", Count: 0, Selected: true}}},
		{"excluded value is not counted", search.Request{
			Exclude: map[search.Facet][]string{search.Orgs: {"Tesla"}}}, search.Orgs, []search.FacetValue{
			{Value: "MIT", Count: 1}, {Value: "NATO", Count: 1}, {Value: "Supreme Election Council", Count: 1}}},
		{"facet size", search.Request{FacetSize: 1}, search.Places, []search.FacetValue{
			{Value: "Istanbul", Count: 2}}},
		{"one facet's own size", search.Request{FacetSize: 1, FacetSizes: map[search.Facet]int{search.Sources: 2}}, search.Sources, []search.FacetValue{
			{Value: "Harbor Times", Count: 3}, {Value: "The Sunday Guardian", Count: 3}}},
		{"other facets keep the common size", search.Request{FacetSize: 1, FacetSizes: map[search.Facet]int{search.Sources: 2}}, search.Places, []search.FacetValue{
			{Value: "Istanbul", Count: 2}}},
		{"sorted by name", search.Request{FacetSort: search.ByName}, search.Orgs, []search.FacetValue{
			{Value: "MIT", Count: 2}, {Value: "NATO", Count: 1}, {Value: "Supreme Election Council", Count: 1}, {Value: "Tesla", Count: 1}}},
		{"sorted by name: the top values by count, A–Z", search.Request{FacetSort: search.ByName, FacetSize: 2}, search.Sources, []search.FacetValue{
			{Value: "Harbor Times", Count: 3}, {Value: "The Sunday Guardian", Count: 3}}},
		{"sorted by name with a selection outside the top", search.Request{FacetSort: search.ByName, FacetSize: 1,
			Filters: map[search.Facet][]string{search.Sources: {"The Daily Ledger"}}}, search.Sources, []search.FacetValue{
			{Value: "Harbor Times", Count: 3}, {Value: "The Daily Ledger", Count: 2, Selected: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := mustSearch(t, ix, &tt.req)
			if got := *resp.Facets.Of(tt.facet); !slices.Equal(got, tt.want) {
				t.Errorf("%s = %+v\nwant %+v", tt.facet, got, tt.want)
			}
		})
	}
}

func TestDateHistogram(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name      string
		req       search.Request
		n         int               // buckets
		first     search.DateBucket // first bucket
		total     int               // sum of counts
		nonZeroes int
	}{
		{"all: months, zero-filled", search.Request{}, 11,
			search.DateBucket{From: "2024-03-01", To: "2024-04-01", Count: 3}, 7, 5},
		{"March: days", search.Request{From: date("2024-03-01T00:00:00Z"), To: date("2024-04-01T00:00:00Z")}, 17,
			search.DateBucket{From: "2024-03-05", To: "2024-03-06", Count: 1}, 3, 3},
		{"spring: weeks from Monday", search.Request{To: date("2024-06-01T00:00:00Z")}, 11,
			search.DateBucket{From: "2024-03-04", To: "2024-03-11", Count: 1}, 5, 4},
		{"undated only: none", search.Request{Query: q(word("undated"))}, 0, search.DateBucket{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustSearch(t, ix, &tt.req).Facets.Published
			if len(got) != tt.n {
				t.Fatalf("%d buckets, want %d: %+v", len(got), tt.n, got)
			}
			total, nonZero := 0, 0
			for i, b := range got {
				total += b.Count
				if b.Count > 0 {
					nonZero++
				}
				if i > 0 && got[i-1].To != b.From {
					t.Errorf("bucket %d starts %s, previous ends %s", i, b.From, got[i-1].To)
				}
			}
			if tt.n > 0 && got[0] != tt.first {
				t.Errorf("first bucket %+v, want %+v", got[0], tt.first)
			}
			if total != tt.total || nonZero != tt.nonZeroes {
				t.Errorf("total %d in %d non-empty buckets, want %d in %d", total, nonZero, tt.total, tt.nonZeroes)
			}
		})
	}
}

func TestHitsAndSnippets(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		name   string
		query  *search.Query
		id     string
		has    []string
		hasNot []string
		prefix string
		suffix string
	}{
		{"match marked, markup escaped", q(word("storm")), "a3",
			[]string{"<mark>storm</mark>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
			[]string{"<script"}, "", ""},
		{"folded match marks the original text", q(word("istanbul")), "a3",
			[]string{"<mark>İSTANBUL</mark>"}, nil, "", ""},
		{"stemmed match", q(word("battery")), "a2",
			[]string{"<mark>batteries</mark>"}, nil, "", ""},
		{"match deep in the body: cut before, at a word", q(word("railways")), "a1",
			[]string{"<mark>railways</mark>"}, []string{"\n\nOfficials"}, "…Officials", "…"},
		{"no body match: start of body, cut at a word", q(field("title", "erdoğan")), "a1",
			[]string{"President Recep Tayyip Erdoğan hosted"}, []string{"<mark>"}, "President", "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := mustSearch(t, ix, &search.Request{Query: tt.query, Size: 20})
			i := slices.IndexFunc(resp.Hits, func(h search.Hit) bool { return h.ID == tt.id })
			if i < 0 {
				t.Fatalf("%s not found in %v", tt.id, ids(resp))
			}
			s := resp.Hits[i].Snippet
			for _, sub := range tt.has {
				if !strings.Contains(s, sub) {
					t.Errorf("snippet %q lacks %q", s, sub)
				}
			}
			for _, sub := range tt.hasNot {
				if strings.Contains(s, sub) {
					t.Errorf("snippet %q has %q", s, sub)
				}
			}
			if !strings.HasPrefix(s, tt.prefix) || !strings.HasSuffix(s, tt.suffix) {
				t.Errorf("snippet %q should start with %q and end with %q", s, tt.prefix, tt.suffix)
			}
		})
	}
}

func TestHitFields(t *testing.T) {
	ix := openCorpus(t)
	resp := mustSearch(t, ix, &search.Request{Query: q(field("person", "erdogan")), Sort: search.Oldest})
	if len(resp.Hits) != 2 {
		t.Fatalf("hits %v", ids(resp))
	}
	h := resp.Hits[0]
	want := corpus()[0]
	if h.ID != want.ID || h.Title != want.Title || h.Source != want.Source || h.URL != want.URL ||
		!h.Published.Equal(want.Published) || !slices.Equal(h.People, want.People) ||
		!slices.Equal(h.Orgs, want.Orgs) || !slices.Equal(h.Places, want.Places) {
		t.Errorf("hit %+v does not match article %+v", h, want)
	}
	if resp.Hits[1].Places == nil || len(resp.Hits[1].Orgs) != 1 {
		t.Errorf("second hit lists %+v", resp.Hits[1])
	}
}

func TestEmptyResponseJSON(t *testing.T) {
	ix := openCorpus(t)
	resp := mustSearch(t, ix, &search.Request{Query: q(word("zeppelin"))})
	b, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"total":0`, `"hits":[]`, `"people":[]`, `"sources":[]`, `"published":[]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
}

func TestDoc(t *testing.T) {
	ix := openCorpus(t)
	for _, want := range corpus() {
		got, err := ix.Doc(t.Context(), want.ID)
		if err != nil {
			t.Fatalf("Doc(%s): %v", want.ID, err)
		}
		if !got.Published.Equal(want.Published) ||
			got.Published.Format(time.RFC3339Nano) != want.Published.Format(time.RFC3339Nano) {
			t.Errorf("%s: published %v, want %v", want.ID, got.Published, want.Published)
		}
		got.Published = want.Published
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("Doc(%s) =\n%s\nwant\n%s", want.ID, g, w)
		}
	}
	if _, err := ix.Doc(t.Context(), "nope"); !errors.Is(err, search.ErrNotFound) {
		t.Errorf("unknown id: err = %v, want ErrNotFound", err)
	}
}

// mustJSON renders an article with nil and empty lists alike.
func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "null", "[]")
}
