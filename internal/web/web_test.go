package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// fakeSearcher records the last Request and answers with canned values.
type fakeSearcher struct {
	last    *search.Request
	resp    *search.Response
	err     error
	docs    map[string]*article.Article
	wait    bool                               // block until the request's deadline
	canon   map[search.Facet]map[string]string // lower-cased typed value -> label
	similar []search.Hit                       // what Similar returns
	stats   *search.Stats                      // what Stats returns, when set
}

func (f *fakeSearcher) Search(ctx context.Context, r *search.Request) (*search.Response, error) {
	f.last = r
	if f.wait {
		<-ctx.Done()
		return nil, fmt.Errorf("search: %w", ctx.Err())
	}
	return f.resp, f.err
}

func (f *fakeSearcher) Doc(ctx context.Context, id string) (*article.Article, error) {
	if a, ok := f.docs[id]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("doc %q: %w", id, search.ErrNotFound)
}

func (f *fakeSearcher) Canonical(facet search.Facet, value string) string {
	if l, ok := f.canon[facet][strings.ToLower(value)]; ok {
		return l
	}
	return value
}

func (f *fakeSearcher) Stats() search.Stats {
	if f.stats != nil {
		return *f.stats
	}
	return search.Stats{Docs: 42, Generation: "gen-0007"}
}

// cannedResponse is a page of two hits with facets and date buckets.
func cannedResponse() *search.Response {
	return &search.Response{
		Total: 25, TotalExact: true, TookMS: 1.5, NextCursor: "next-1",
		Hits: []search.Hit{
			{ID: "a1", Title: "Harbour strike ends", Source: "Coast Times", Published: day(2024, 2, 3),
				URL: "https://example.org/a1", Snippet: "dockers <mark>strike</mark> over", People: []string{"Mira Holt"}},
			{ID: "a/2", Title: "Ferry routes cut", Source: "Bay Herald", Snippet: "the <mark>ferry</mark>"},
		},
		Facets: search.Counts{
			People:  []search.FacetValue{{Value: "Mira Holt", Count: 7}, {Value: "Jon Ek", Count: 2}},
			Orgs:    []search.FacetValue{{Value: "Dock Union", Count: 5}},
			Places:  []search.FacetValue{{Value: "Bergen", Count: 4}},
			Sources: []search.FacetValue{{Value: "Coast Times", Count: 9}},
			Published: []search.DateBucket{
				{From: "2024-01-01", To: "2024-02-01", Count: 3},
				{From: "2024-02-01", To: "2024-03-01", Count: 22},
			},
		},
	}
}

func newTestHandler(t *testing.T, f *fakeSearcher, timeout time.Duration) http.Handler {
	t.Helper()
	h, err := New(f, Options{
		Logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		RequestTimeout: timeout,
		Now:            func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func get(h http.Handler, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

func TestAPISearch(t *testing.T) {
	f := &fakeSearcher{resp: cannedResponse()}
	h := newTestHandler(t, f, 0)
	w := get(h, "GET", "/api/search?q=strike&person=Mira+Holt&not_place=Oslo&from=2024-01-01&to=2024-01-31&sort=oldest&page=2&size=5&facet_size=4")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, type %q: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	want := &search.Request{
		Query:     &search.Query{All: []search.Node{&search.Term{Text: "strike", Pos: 1}}},
		Filters:   map[search.Facet][]string{search.People: {"Mira Holt"}},
		Exclude:   map[search.Facet][]string{search.Places: {"Oslo"}},
		From:      day(2024, 1, 1),
		To:        day(2024, 2, 1),
		Sort:      search.Oldest,
		Page:      2,
		Size:      5,
		FacetSize: 4,
	}
	if !sameRequest(f.last, want) {
		t.Errorf("searcher got %+v\nwant %+v", f.last, want)
	}
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"total", "total_exact", "took_ms", "hits", "facets"} {
		if _, ok := got[key]; !ok {
			t.Errorf("response lacks %q: %s", key, w.Body)
		}
	}
	hit := got["hits"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "title", "source", "published", "url", "snippet", "people", "orgs", "places"} {
		if _, ok := hit[key]; !ok {
			t.Errorf("hit lacks %q: %v", key, hit)
		}
	}
	facets := got["facets"].(map[string]any)
	for _, key := range []string{"people", "orgs", "places", "sources", "published"} {
		if _, ok := facets[key]; !ok {
			t.Errorf("facets lack %q", key)
		}
	}
	people := facets["people"].([]any)
	if people[0].(map[string]any)["selected"] != true || people[1].(map[string]any)["selected"] != false {
		t.Errorf("selected flags wrong: %v", people)
	}
}

// sameRequest compares requests, treating nil and empty filter lists alike.
func sameRequest(a, b *search.Request) bool {
	if a == nil || b == nil {
		return a == b
	}
	for _, f := range search.Facets {
		if !reflect.DeepEqual(nonNil(a.Filters[f]), nonNil(b.Filters[f])) ||
			!reflect.DeepEqual(nonNil(a.Exclude[f]), nonNil(b.Exclude[f])) {
			return false
		}
	}
	x, y := *a, *b
	x.Filters, x.Exclude, y.Filters, y.Exclude = nil, nil, nil, nil
	return reflect.DeepEqual(x, y)
}

func TestAPISearchZeroHits(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: &search.Response{TotalExact: true}}, 0)
	w := get(h, "GET", "/api/search?q=nothing")
	want := `{"total":0,"total_exact":true,"took_ms":0,"hits":[],"facets":{"people":[],"orgs":[],"places":[],"sources":[],"published":[]}}` + "\n"
	if w.Code != 200 || w.Body.String() != want {
		t.Errorf("got %d %s\nwant 200 %s", w.Code, w.Body, want)
	}
}

func TestHealthz(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{}, 0)
	w := get(h, "GET", "/healthz")
	want := `{"status":"ok","documents":42,"generation":"gen-0007"}` + "\n"
	if w.Code != 200 || w.Body.String() != want {
		t.Errorf("got %d %s, want 200 %s", w.Code, w.Body, want)
	}
	published := testNow.Add(-90 * time.Second)
	h = newTestHandler(t, &fakeSearcher{stats: &search.Stats{Docs: 3, Generation: "gen-9", Published: published}}, 0)
	w = get(h, "GET", "/healthz")
	want = `{"status":"ok","documents":3,"generation":"gen-9","published":"2024-03-15T10:28:30Z","age_seconds":90}` + "\n"
	if w.Body.String() != want {
		t.Errorf("got %s, want %s", w.Body, want)
	}
}

func TestAPIDoc(t *testing.T) {
	a := &article.Article{ID: "x/1", Title: "Quay works", Body: "One.\n\nTwo."}
	h := newTestHandler(t, &fakeSearcher{docs: map[string]*article.Article{"x/1": a}}, 0)
	w := get(h, "GET", "/api/doc/x%2F1")
	want := `{"id":"x/1","title":"Quay works","byline":"","source":"","section":"","url":"","body":"One.\n\nTwo.","people":[],"orgs":[],"places":[]}` + "\n"
	if w.Code != 200 || w.Body.String() != want {
		t.Errorf("got %d %s, want %s", w.Code, w.Body, want)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		method, target string
		searcher       *fakeSearcher
		status         int
		json           bool
		mention        string // in the body
		param          string // of a JSON error
	}{
		{"GET", "/api/search?sort=best", nil, 400, true, "use relevance", "sort"},
		{"GET", "/api/search?q=%22open", nil, 400, true, "phrase", "q"},
		{"GET", "/api/search?format=xml", nil, 400, true, "csv or ndjson", "format"},
		{"GET", "/api/search?format=csv&limit=-1", nil, 400, true, "at least", "limit"},
		{"GET", "/api/search?q=a+OR", nil, 400, true, "remove OR", "q"},
		{"GET", "/api/search?a=%zz", nil, 400, true, "malformed", ""},
		{"GET", "/api/doc/missing", nil, 404, true, "no article", ""},
		{"GET", "/api/doc/" + strings.Repeat("i", 257), nil, 400, true, "too long", "id"},
		{"GET", "/api/doc/a%01b", nil, 400, true, "characters", "id"},
		{"GET", "/api/doc/a%FFb", nil, 400, true, "characters", "id"},
		{"GET", "/api/nothing", nil, 404, true, "no page", ""},
		{"POST", "/api/search", nil, 405, true, "POST is not allowed", ""},
		{"DELETE", "/healthz", nil, 405, true, "not allowed", ""},
		{"POST", "/", nil, 405, false, "POST is not allowed", ""},
		{"PUT", "/doc/a1", nil, 405, false, "not allowed", ""},
		{"GET", "/nothing", nil, 404, false, "no page", ""},
		{"GET", "/doc/missing", nil, 404, false, "no article", ""},
		{"GET", "/static/", nil, 404, false, "no page", ""},
		{"GET", "/static/missing.css", nil, 404, false, "no page", ""},
		{"GET", "/api/search", &fakeSearcher{err: errors.New("segment 7 corrupt at /var/idx")}, 500, true, "internal error", ""},
		{"GET", "/", &fakeSearcher{err: errors.New("segment 7 corrupt at /var/idx")}, 500, false, "internal error", ""},
		{"GET", "/api/search", &fakeSearcher{wait: true}, 503, true, "too long", ""},
		{"GET", "/", &fakeSearcher{wait: true}, 503, false, "too long", ""},
		{"GET", "/api/search", &fakeSearcher{err: fmt.Errorf("search: %w", context.Canceled)}, 503, true, "cancelled", ""},
	}
	for _, tt := range tests {
		f := tt.searcher
		if f == nil {
			f = &fakeSearcher{resp: cannedResponse()}
		}
		w := get(newTestHandler(t, f, time.Millisecond), tt.method, tt.target)
		name := tt.method + " " + tt.target
		body := w.Body.String()
		if w.Code != tt.status || !strings.Contains(body, tt.mention) {
			t.Errorf("%.50s: got %d %s, want %d mentioning %q", name, w.Code, body, tt.status, tt.mention)
		}
		if strings.Contains(body, "segment 7") {
			t.Errorf("%s: internal error leaked: %s", name, body)
		}
		if tt.status == 405 && w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow = %q", name, w.Header().Get("Allow"))
		}
		if !tt.json {
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
				t.Errorf("%s: want an HTML error page, got %q", name, w.Header().Get("Content-Type"))
			}
			continue
		}
		var e struct{ Error search.Error }
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Message == "" || e.Error.Param != tt.param {
			t.Errorf("%.50s: JSON error %s (%v), want param %q", name, body, err, tt.param)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse()}, 0)
	for _, target := range []string{"/", "/api/search", "/healthz", "/doc/none", "/static/style.css", "/nothing", "/api/search?page=0"} {
		for _, method := range []string{"GET", "HEAD", "POST"} {
			w := get(h, method, target)
			csp := w.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
				strings.Contains(csp, "unsafe-inline") {
				t.Errorf("%s %s: Content-Security-Policy %q", method, target, csp)
			}
			if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("%s %s: headers %v", method, target, w.Header())
			}
		}
	}
}

func TestStatic(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{}, 0)
	w := get(h, "GET", "/static/style.css")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") || !strings.Contains(w.Body.String(), "mark") {
		t.Errorf("style.css: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
}

// anchor is a link found in a page.
type anchor struct {
	Href, Text string
	Attr       map[string]string
}

// anchors parses an HTML page and returns its links.
func anchors(t *testing.T, page string) []anchor {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []anchor
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "a" {
			continue
		}
		a := anchor{Attr: map[string]string{}}
		for _, at := range n.Attr {
			a.Attr[at.Key] = at.Val
		}
		a.Href = a.Attr["href"]
		var text strings.Builder
		for c := range n.Descendants() {
			if c.Type == html.TextNode {
				text.WriteString(c.Data)
			}
		}
		a.Text = strings.Join(strings.Fields(text.String()), " ")
		out = append(out, a)
	}
	return out
}

// findLink returns the first link whose text contains text and whose
// attribute key has value val ("" to skip).
func findLink(links []anchor, text, key, val string) (anchor, bool) {
	for _, a := range links {
		if strings.Contains(a.Text, text) && (key == "" || a.Attr[key] == val) {
			return a, true
		}
	}
	return anchor{}, false
}

// params returns the parameters of link href, which must point at path.
func params(t *testing.T, href, path string) url.Values {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil || u.Path != path {
		t.Fatalf("link %q: want path %s (%v)", href, path, err)
	}
	return u.Query()
}

func (f *fakeSearcher) Similar(ctx context.Context, id string, n int) ([]search.Hit, error) {
	if _, ok := f.docs[id]; !ok {
		return nil, fmt.Errorf("similar %q: %w", id, search.ErrNotFound)
	}
	return f.similar, nil
}
