package main

// The end-to-end test: index the repository's seeds/ (and a hostile
// document) through the real pipeline into a temp dir, publish, open it as
// searchd does, and drive the real handlers through httptest.

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/search"
	"github.com/newsfts/newsfts/internal/web"
)

// server indexes seeds/ and testdata/hostile.jsonl and serves them.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	root := t.TempDir()
	ents, err := entity.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	proc := &ingest.Processor{Entities: ents}
	b, err := newsindex.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	b.SetAliases(search.People, ents.Aliases(entity.Person)) // as the indexer does
	b.SetAliases(search.Orgs, ents.Aliases(entity.Org))
	b.SetAliases(search.Places, ents.Aliases(entity.Place))
	r := &article.Reader{
		Visit: func(raw article.RawDoc) {
			a, err := proc.Article(raw)
			if err != nil {
				t.Errorf("%s: %v", raw.Origin, err)
				return
			}
			if err := b.Add(a); err != nil {
				t.Fatal(err)
			}
		},
		Skip: func(s article.Skip) { t.Errorf("skipped %s: %v", s.Origin, s.Err) },
	}
	r.Paths([]string{filepath.Join("..", "seeds"), filepath.Join("testdata", "hostile.jsonl")})
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	ix, err := newsindex.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := web.New(ix, web.Options{RequestTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// api runs a search through /api/search and decodes the response.
func api(t *testing.T, srv *httptest.Server, params url.Values) *search.Response {
	t.Helper()
	code, body := get(t, srv, "/api/search?"+params.Encode())
	if code != http.StatusOK {
		t.Fatalf("/api/search?%s: HTTP %d: %s", params.Encode(), code, body)
	}
	var r search.Response
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return &r
}

func ids(hits []search.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// label finds the facet label whose folded key is key, so that the test
// does not depend on which spelling the gazetteer chose as canonical.
func label(t *testing.T, values []search.FacetValue, keys ...string) string {
	t.Helper()
	for _, v := range values {
		if slices.Contains(keys, entity.Key(v.Value)) {
			return v.Value
		}
	}
	t.Fatalf("no facet value with key in %q among %v", keys, values)
	return ""
}

func TestEndToEnd(t *testing.T) {
	srv := server(t)
	all := api(t, srv, url.Values{"size": {"100"}, "facet_size": {"100"}})
	if all.Total < 16 || int(all.Total) != len(all.Hits) {
		t.Fatalf("browse all: total %d, %d hits", all.Total, len(all.Hits))
	}
	turkey := label(t, all.Facets.Places, "turkey", "turkiye")
	mit := label(t, all.Facets.Orgs, "mit", "national intelligence organization", "national intelligence organization (mit)")
	erdogan := label(t, all.Facets.People, "recep tayyip erdogan")

	t.Run("query and facet filter", func(t *testing.T) {
		r := api(t, srv, url.Values{"q": {"intelligence"}, "place": {turkey}})
		if r.Total == 0 || r.Total >= all.Total {
			t.Fatalf("q=intelligence place=%s: total %d of %d", turkey, r.Total, all.Total)
		}
		for _, h := range r.Hits {
			if !slices.Contains(h.Places, turkey) {
				t.Errorf("%s lacks place %s: %v", h.ID, turkey, h.Places)
			}
		}
		var sel *search.FacetValue
		for i, v := range r.Facets.Places {
			if v.Value == turkey {
				sel = &r.Facets.Places[i]
			}
		}
		if sel == nil || !sel.Selected || sel.Count != int(r.Total) {
			t.Errorf("selected facet value = %+v, want selected with count %d", sel, r.Total)
		}
	})

	t.Run("one value per entity, typed names canonical", func(t *testing.T) {
		var gorens []search.FacetValue
		for _, v := range all.Facets.People {
			if entity.Key(v.Value) == "mehmet goren" {
				gorens = append(gorens, v)
			}
		}
		if len(gorens) != 1 || gorens[0].Value != "Mehmet Gören" || gorens[0].Count != 2 {
			t.Errorf("people facet has %+v for Mehmet Gören, want one value with count 2", gorens)
		}
		tests := []struct{ param, value, want string }{
			{"place", "Turkey", "Türkiye"},
			{"place", "turkiye", "Türkiye"},
			{"org", "mit", "National Intelligence Organization (MİT)"},
			{"org", "MIT", "National Intelligence Organization (MİT)"},
			{"person", "mehmet goren", "Mehmet Gören"},
		}
		for _, tt := range tests {
			r := api(t, srv, url.Values{"q": {"intelligence"}, tt.param: {tt.value}})
			exact := api(t, srv, url.Values{"q": {"intelligence"}, tt.param: {tt.want}})
			if r.Total == 0 || r.Total != exact.Total {
				t.Errorf("%s=%s: total %d, %s=%s gives %d", tt.param, tt.value, r.Total, tt.param, tt.want, exact.Total)
			}
			var selected []string
			for _, f := range search.Facets {
				for _, v := range *r.Facets.Of(f) {
					if v.Selected {
						selected = append(selected, v.Value)
					}
				}
			}
			if !slices.Equal(selected, []string{tt.want}) {
				t.Errorf("%s=%s: selected %q, want %q", tt.param, tt.value, selected, tt.want)
			}
			not := api(t, srv, url.Values{"q": {"intelligence"}, "not_" + tt.param: {tt.value}})
			if not.Total+r.Total != api(t, srv, url.Values{"q": {"intelligence"}}).Total {
				t.Errorf("not_%s=%s: total %d does not complement %d", tt.param, tt.value, not.Total, r.Total)
			}
		}
		_, page := get(t, srv, "/?place=Turkey")
		if !strings.Contains(string(page), "place=T%C3%BCrkiye") {
			t.Errorf("the search page for place=Turkey links no Türkiye")
		}
		if strings.Contains(string(page), "place=Turkey") {
			t.Errorf("the search page for place=Turkey still links the typed name")
		}
	})

	t.Run("two facets AND, repeated values OR", func(t *testing.T) {
		both := api(t, srv, url.Values{"person": {erdogan}, "org": {mit}})
		one := api(t, srv, url.Values{"person": {erdogan}})
		if both.Total == 0 || both.Total > one.Total {
			t.Fatalf("person+org total %d, person alone %d", both.Total, one.Total)
		}
		for _, h := range both.Hits {
			if !slices.Contains(h.People, erdogan) || !slices.Contains(h.Orgs, mit) {
				t.Errorf("%s lacks %s or %s", h.ID, erdogan, mit)
			}
		}
		sources := all.Facets.Sources
		if len(sources) < 2 {
			t.Fatalf("sources facet: %v", sources)
		}
		either := api(t, srv, url.Values{"source": {sources[0].Value, sources[1].Value}})
		if int(either.Total) != sources[0].Count+sources[1].Count {
			t.Errorf("source=%s OR %s: total %d, want %d", sources[0].Value, sources[1].Value,
				either.Total, sources[0].Count+sources[1].Count)
		}
		not := api(t, srv, url.Values{"not_source": {sources[0].Value}})
		if int(not.Total) != int(all.Total)-sources[0].Count {
			t.Errorf("not_source: total %d, want %d", not.Total, int(all.Total)-sources[0].Count)
		}
	})

	t.Run("date range", func(t *testing.T) {
		r := api(t, srv, url.Values{"from": {"2025-10-01"}, "to": {"2025-10-31"}, "size": {"100"}})
		if r.Total == 0 {
			t.Fatal("no article in October 2025")
		}
		lo := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
		hi := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
		for _, h := range r.Hits {
			if h.Published.Before(lo) || !h.Published.Before(hi) {
				t.Errorf("%s published %v, outside October 2025", h.ID, h.Published)
			}
		}
	})

	t.Run("sort orders", func(t *testing.T) {
		newest := api(t, srv, url.Values{"sort": {"newest"}, "size": {"100"}})
		oldest := api(t, srv, url.Values{"sort": {"oldest"}, "size": {"100"}})
		dated := func(hs []search.Hit) []time.Time {
			var out []time.Time
			for _, h := range hs {
				if !h.Published.IsZero() {
					out = append(out, h.Published)
				}
			}
			return out
		}
		n, o := dated(newest.Hits), dated(oldest.Hits)
		if len(n) < 10 || !slices.IsSortedFunc(n, func(a, b time.Time) int { return b.Compare(a) }) {
			t.Errorf("newest not in descending order: %v", n)
		}
		if !slices.IsSortedFunc(o, func(a, b time.Time) int { return a.Compare(b) }) {
			t.Errorf("oldest not in ascending order: %v", o)
		}
		rel := api(t, srv, url.Values{"q": {"volleyball"}, "sort": {"relevance"}})
		if rel.Total == 0 || !strings.Contains(strings.ToLower(rel.Hits[0].Title), "volleyball") {
			t.Errorf("relevance: first hit for volleyball is %v", ids(rel.Hits))
		}
	})

	t.Run("paging", func(t *testing.T) {
		seen := map[string]bool{}
		for page := 1; ; page++ {
			r := api(t, srv, url.Values{"sort": {"oldest"}, "size": {"4"}, "page": {itoa(page)}})
			if len(r.Hits) == 0 {
				break
			}
			for _, id := range ids(r.Hits) {
				if seen[id] {
					t.Errorf("page %d repeats %s", page, id)
				}
				seen[id] = true
			}
		}
		if len(seen) != int(all.Total) {
			t.Errorf("paging saw %d articles, want %d", len(seen), all.Total)
		}
	})

	t.Run("boilerplate never searchable nor a facet", func(t *testing.T) {
		for _, q := range []string{"Jokić", "Nuggets", "NBA", `"weekly news digest"`, `"thanks for subscribing"`, "unlock",
			`"all rights reserved"`, "cookies", "Advertisement", `"most popular"`, `"last updated"`, `"previous article"`} {
			if r := api(t, srv, url.Values{"q": {q}}); r.Total != 0 {
				t.Errorf("q=%s: %d hits %v, want 0", q, r.Total, ids(r.Hits))
			}
		}
		for _, f := range []search.Facet{search.People, search.Orgs, search.Places} {
			for _, v := range *all.Facets.Of(f) {
				for _, bad := range []string{"Jokić", "NBA", "Denver", "Nuggets"} {
					if strings.Contains(v.Value, bad) {
						t.Errorf("facet %s has boilerplate value %q", f, v.Value)
					}
				}
			}
		}
	})

	t.Run("article view", func(t *testing.T) {
		id := all.Hits[0].ID
		code, body := get(t, srv, "/api/doc/"+url.PathEscape(id))
		var a article.Article
		if code != http.StatusOK || json.Unmarshal(body, &a) != nil || a.ID != id || a.Body == "" {
			t.Fatalf("/api/doc/%s: %d %s", id, code, body)
		}
		code, page := get(t, srv, "/doc/"+url.PathEscape(id))
		if code != http.StatusOK || !strings.Contains(string(page), html.EscapeString(a.Title)) {
			t.Errorf("/doc/%s: HTTP %d, title %q missing", id, code, a.Title)
		}
		if code, _ := get(t, srv, "/api/doc/no-such-article"); code != http.StatusNotFound {
			t.Errorf("unknown id: HTTP %d, want 404", code)
		}
	})

	t.Run("malformed query", func(t *testing.T) {
		code, body := get(t, srv, "/api/search?q="+url.QueryEscape(`turkey "national intel`))
		var e struct{ Error search.Error }
		if code != http.StatusBadRequest || json.Unmarshal(body, &e) != nil {
			t.Fatalf("HTTP %d %s, want 400 with a JSON error", code, body)
		}
		if e.Error.Param != "q" || e.Error.Position != 8 || e.Error.Message == "" {
			t.Errorf("error = %+v, want param q at position 8", e.Error)
		}
		if r := api(t, srv, url.Values{"q": {"zzqqxxnothing"}}); r.Total != 0 || r.Hits == nil {
			t.Errorf("zero hits: %+v", r)
		}
	})

	t.Run("hostile document renders inert", func(t *testing.T) {
		for _, path := range []string{"/?q=hostile", "/doc/hostile-1", "/?person=" + url.QueryEscape("<svg onload=alert(8)>")} {
			code, page := get(t, srv, path)
			if code != http.StatusOK {
				t.Fatalf("%s: HTTP %d", path, code)
			}
			assertInert(t, path, page)
			if !strings.Contains(string(page), "Mallory") && path == "/doc/hostile-1" {
				t.Errorf("%s: the byline's text should still be shown", path)
			}
		}
	})
}

// assertInert fails if the page holds a script element, an event-handler
// attribute, or a javascript: URL: the hostile document must show as text.
func assertInert(t *testing.T, path string, page []byte) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(string(page)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "script" || tok.Data == "svg" || tok.Data == "img" && hasAttr(tok, "onerror") {
			t.Errorf("%s: hostile element <%s> rendered", path, tok.Data)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: event handler %s=%q on <%s>", path, a.Key, a.Val, tok.Data)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("%s: javascript: URL in %s", path, a.Key)
			}
		}
	}
}

func hasAttr(tok html.Token, key string) bool {
	for _, a := range tok.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
