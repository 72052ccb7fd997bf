package web

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// TestSuggestedQuery checks that a query that cannot be parsed is shown
// with what was expected and a link to the corrected search.
func TestSuggestedQuery(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse()}, 0)
	w := get(h, "GET", "/?q=persn:holt+strike&place=Bergen&page=2")
	body := w.Body.String()
	if w.Code != 400 || !strings.Contains(body, "Expected: one of the fields") {
		t.Fatalf("status %d, want 400 naming what was expected:\n%s", w.Code, body)
	}
	a, ok := findLink(anchors(t, body), "person:holt strike", "", "")
	if !ok {
		t.Fatalf("no link to the suggested query in\n%s", body)
	}
	if got := params(t, a.Href, "/"); !reflect.DeepEqual(got, url.Values{"q": {"person:holt strike"}, "place": {"Bergen"}}) {
		t.Errorf("suggestion links to %v", got)
	}
	w = get(h, "GET", "/api/search?q=a+(b")
	for _, want := range []string{`"position":3`, `"expected":"a ')' closing this '('"`, `"suggestion":"a (b)"`} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("API error %s lacks %s", w.Body, want)
		}
	}
}

// TestEmptyBecausePage checks that the page names what emptied the
// result, each with the search without it.
func TestEmptyBecausePage(t *testing.T) {
	resp := &search.Response{TotalExact: true, EmptyBecause: []search.Culprit{
		{Param: "q", Value: `"dock strike"`, HitsWithout: 4},
		{Param: "place", Value: "Bergen OR Oslo", HitsWithout: 1},
		{Param: "from", Value: "x", HitsWithout: 9},
	}}
	h := newTestHandler(t, &fakeSearcher{resp: resp}, 0)
	target := `/?q=ferry+"dock+strike"&place=Bergen&place=Oslo&from=now-30d`
	api := get(h, "GET", "/api"+strings.Replace(target, "/?", "/search?", 1)).Body.String()
	if !strings.Contains(api, `{"param":"from","value":"now-30d","hits_without":9}`) {
		t.Errorf("API: the culprit date is not shown as typed: %s", api)
	}
	links := anchors(t, get(h, "GET", target).Body.String())
	tests := []struct {
		text string
		want url.Values
	}{
		{`Drop the words "dock strike"`, url.Values{"q": {"ferry"}, "place": {"Bergen", "Oslo"}, "from": {"now-30d"}}},
		{"Drop Places Bergen OR Oslo", url.Values{"q": {`ferry "dock strike"`}, "from": {"now-30d"}}},
		{"Drop the start date now-30d", url.Values{"q": {`ferry "dock strike"`}, "place": {"Bergen", "Oslo"}}},
	}
	for _, tt := range tests {
		a, ok := findLink(links, tt.text, "", "")
		if !ok {
			t.Errorf("no link %q", tt.text)
			continue
		}
		if got := params(t, a.Href, "/"); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q links to %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestUntitled checks that an article without a title is named by the
// start of its body in HTML, and keeps its empty title in JSON.
func TestUntitled(t *testing.T) {
	body := "The harbour board met on Tuesday and agreed to dredge the northern channel before the autumn storms arrive in force."
	resp := cannedResponse()
	resp.Hits[1].Title = ""
	f := &fakeSearcher{resp: resp, docs: map[string]*article.Article{
		"a/2": {ID: "a/2", Body: body},
		"k1":  {ID: "k1", Title: "Quay reopens", Body: "Text."},
	}}
	f.similar = []search.Hit{{ID: "a/2"}}
	h := newTestHandler(t, f, 0)
	want := "The harbour board met on Tuesday and agreed to dredge the northern channel before the…"
	if _, ok := findLink(anchors(t, get(h, "GET", "/?q=x").Body.String()), want, "", ""); !ok {
		t.Errorf("search page: no link %q", want)
	}
	if api := get(h, "GET", "/api/search?q=x").Body.String(); !strings.Contains(api, `"id":"a/2","title":""`) {
		t.Errorf("API: the empty title was filled in: %s", api)
	}
	doc := get(h, "GET", "/doc/k1").Body.String()
	if l, ok := findLink(anchors(t, doc), want, "", ""); !ok || l.Href != "/doc/a%2F2" || !strings.Contains(doc, "More like this") {
		t.Errorf("article page: no similar article %q linking to /doc/a%%2F2", want)
	}
	if doc := get(h, "GET", "/doc/a%2F2").Body.String(); !strings.Contains(doc, "<h1>"+want+"</h1>") {
		t.Errorf("untitled article page is not headed by its start")
	}
}

// TestExportFromThePage checks that the HTML address with format=csv
// exports as the API address does: the two map one to one.
func TestExportFromThePage(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse()}, 0)
	for _, path := range []string{"/", "/api/search"} {
		w := get(h, "GET", path+"?q=x&format=csv")
		if w.Code != 200 || w.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.HasPrefix(w.Body.String(), "id,title,source,published,url,people,orgs,places\na1,Harbour strike ends,Coast Times,2024-02-03T00:00:00Z,") {
			t.Errorf("%s?format=csv: HTTP %d %q\n%s", path, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
}
