package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// jsonError decodes the body of an error response.
func jsonError(t *testing.T, body []byte) *search.Error {
	t.Helper()
	var e struct {
		Error *search.Error `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error == nil || e.Error.Message == "" {
		t.Errorf("not a JSON error (%v): %.200s", err, body)
		return &search.Error{}
	}
	return e.Error
}

// TestHostileBounds checks that each bound on a search is a 400 with a
// JSON error naming the parameter, and that the bounds that are lowered
// instead reach the searcher lowered.
func TestHostileBounds(t *testing.T) {
	long := strings.Repeat("a", search.MaxQueryRunes+1)
	many := strings.TrimSpace(strings.Repeat("w ", search.MaxQueryClauses+1))
	deep := strings.Repeat("(", 200) + "x" + strings.Repeat(")", 200)
	tests := []struct {
		name, query string
		param       string // the parameter the 400 names; "" when the request passes
		check       func(*search.Request) bool
	}{
		{"query length", "q=" + long, "q", nil},
		{"clauses", "q=" + url.QueryEscape(many), "q", nil},
		{"nesting", "q=" + url.QueryEscape(deep), "q", nil},
		{"page depth", "page=" + strconv.Itoa(search.MaxPage+1), "page", nil},
		{"huge page", "page=99999999999999999999", "page", nil},
		{"negative size", "size=-1", "size", nil},
		{"all parameters too long", manyValues("person", 20, 250) + "&" + manyValues("org", 20, 250), "", nil},
		{"too many values", manyValues("person", 21, 5), "person", nil},
		{"value too long", "place=" + strings.Repeat("x", 300), "place", nil},
		{"unknown parameter", "query=x", "query", nil},
		{"control character", "q=a%00b", "q", nil},
		{"invalid utf-8", "q=%ff%fe", "q", nil},
		{"page size lowered", "size=100000", "", func(r *search.Request) bool { return r.Size == search.MaxSize }},
		{"facet size lowered", "facet_size=100000", "", func(r *search.Request) bool { return r.FacetSize == search.MaxFacetSize }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeSearcher{resp: cannedResponse()}
			w := get(newTestHandler(t, f, 0), "GET", "/api/search?"+tt.query)
			if tt.check == nil {
				if w.Code != http.StatusBadRequest {
					t.Fatalf("status %d, want 400: %.200s", w.Code, w.Body)
				}
				if e := jsonError(t, w.Body.Bytes()); tt.param != "" && e.Param != tt.param {
					t.Errorf("error names %q, want %q: %s", e.Param, tt.param, e.Message)
				}
				if f.last != nil {
					t.Error("a refused request reached the searcher")
				}
				return
			}
			if w.Code != 200 || f.last == nil || !tt.check(f.last) {
				t.Errorf("status %d, request %+v", w.Code, f.last)
			}
		})
	}
}

// manyValues is n distinct values of param, each size bytes long.
func manyValues(param string, n, size int) string {
	var vs []string
	for i := range n {
		v := strconv.Itoa(i)
		vs = append(vs, param+"="+v+strings.Repeat("v", size-len(v)))
	}
	return strings.Join(vs, "&")
}

// TestNoExpansion checks that wildcard, fuzzy and regular expression
// syntax reaches the searcher as literal words: the query language has no
// operator that expands one term into many.
func TestNoExpansion(t *testing.T) {
	for _, q := range []string{"harb*", "*", "ferry~2", "/.*/", "/h[a-z]+r/", "title:f*", "?erry", `"*"`} {
		f := &fakeSearcher{resp: cannedResponse()}
		w := get(newTestHandler(t, f, 0), "GET", "/api/search?q="+url.QueryEscape(q))
		if w.Code != 200 && w.Code != 400 {
			t.Errorf("q=%s: status %d", q, w.Code)
		}
		if f.last == nil {
			continue
		}
		var walk func(search.Node)
		walk = func(n search.Node) {
			switch n := n.(type) {
			case *search.Term:
			case *search.Or:
				for _, m := range n.Any {
					walk(m)
				}
			case *search.Not:
				walk(n.Node)
			case *search.Query:
				for _, m := range n.All {
					walk(m)
				}
			default:
				t.Errorf("q=%s: node %T", q, n)
			}
		}
		walk(f.last.Query)
	}
}

// TestHostileExportSize checks that an export never asks for more than
// search.MaxExport rows.
func TestHostileExportSize(t *testing.T) {
	for _, limit := range []string{"100000", "99999999999999999999"} {
		n, err := ExportLimit(url.Values{"limit": {limit}})
		if limit == "100000" && (err != nil || n != search.MaxExport) {
			t.Errorf("limit=%s: %d, %v; want %d", limit, n, err, search.MaxExport)
		}
		if n > search.MaxExport {
			t.Errorf("limit=%s: %d rows", limit, n)
		}
	}
}

// TestHostileSlowSearch checks that a search that never ends is cut at the
// request deadline with a 503 and a JSON error.
func TestHostileSlowSearch(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{wait: true}, 20*time.Millisecond)
	done := make(chan int, 1)
	go func() { done <- get(h, "GET", "/api/search?q=slow").Code }()
	select {
	case code := <-done:
		if code != http.StatusServiceUnavailable {
			t.Errorf("status %d, want 503", code)
		}
	case <-time.After(30 * time.Second): // a hang, not a timing
		t.Fatal("the request did not end at its deadline")
	}
	w := get(h, "GET", "/api/search?q=slow")
	jsonError(t, w.Body.Bytes())
}

// TestHostileMethods checks that only GET and HEAD are served.
func TestHostileMethods(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse(), docs: map[string]*article.Article{"d": {ID: "d"}}}, 0)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		for _, p := range []string{"/", "/api/search", "/api/doc/d", "/doc/d", "/healthz"} {
			w := get(h, m, p)
			if w.Code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", m, p, w.Code)
			}
		}
	}
}

// TestHostileIDs checks that odd document ids are refused or not found,
// and reach the searcher, if at all, as the id given: nothing reads files.
func TestHostileIDs(t *testing.T) {
	for _, id := range []string{"..%2F..%2Fetc%2Fpasswd", "..%2f..%2f..%2f", "%2Fetc%2Fpasswd", "a%00b", "%ff",
		strings.Repeat("x", 300), "..", "%2e%2e", "C:%5Cwindows%5Cwin.ini", "file:%2F%2F%2Fetc%2Fpasswd"} {
		for _, p := range []string{"/doc/", "/api/doc/"} {
			w := get(newTestHandler(t, &fakeSearcher{}, 0), "GET", p+id)
			switch w.Code {
			case 400, 404:
			case 301, 308: // the router cleaning "/doc/.." to a path of its own
				if loc := w.Header().Get("Location"); strings.Contains(loc, "etc") {
					t.Errorf("%s%s: redirected to %s", p, id, loc)
				}
			default:
				t.Errorf("%s%s: status %d", p, id, w.Code)
			}
			if strings.Contains(w.Body.String(), "root:") {
				t.Errorf("%s%s: a file leaked", p, id)
			}
		}
	}
}

// hostileVariants are encoded attempts to run script from a page.
var hostileVariants = []string{
	`<script>alert(1)</script>`, `&lt;script&gt;alert(1)&lt;/script&gt;`, `%3Cscript%3Ealert(1)%3C/script%3E`,
	`"><script>alert(1)</script>`, `' onfocus='alert(1)' autofocus='`, `<a href="javascript&#58;alert(1)">x</a>`,
	`<iframe src="data:text/html,<script>alert(1)</script>">`, `<body onload=alert(1)>`, `</textarea><script>x</script>`,
	`<style>*{x:expression(alert(1))}</style>`, `<math><mtext></p><script>x</script>`,
}

// hostileURLs are links a scraped page may carry.
var hostileURLs = []string{
	"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
	"javascript&#58;alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
	"//evil.example/x", "https://example.org/\"onmouseover=\"alert(1)",
}

func TestHostileEverywhere(t *testing.T) {
	resp := cannedResponse()
	resp.Hits = nil
	docs := map[string]*article.Article{}
	for i, s := range hostileVariants {
		u := hostileURLs[i%len(hostileURLs)]
		resp.Hits = append(resp.Hits, search.Hit{ID: s, Title: s, Source: s, URL: u, Snippet: "<mark>" + s + "</mark>" + s,
			People: []string{s}, Orgs: []string{s}, Places: []string{s}})
		resp.Facets.Sources = append(resp.Facets.Sources, search.FacetValue{Value: s, Count: 2})
		docs[strconv.Itoa(i)] = &article.Article{ID: strconv.Itoa(i), Title: s, Byline: s, Source: s, Section: s, URL: u,
			Body: s + "\n\n" + s, People: []string{s}, Orgs: []string{s}, Places: []string{s}}
	}
	f := &fakeSearcher{resp: resp, docs: docs}
	h := newTestHandler(t, f, 0)
	var pages []string
	for _, s := range append(hostileVariants, hostileURLs...) {
		pages = append(pages, "/?q="+url.QueryEscape(s), "/?source="+url.QueryEscape(s), "/?q="+url.QueryEscape(s)+"&page=101")
	}
	for i := range hostileVariants {
		pages = append(pages, "/doc/"+strconv.Itoa(i))
	}
	pages = append(pages, "/doc/%3Cscript%3E", "/nowhere/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
	for _, p := range pages {
		w := get(h, "GET", p)
		if w.Code >= 500 {
			t.Errorf("%s: status %d", p, w.Code)
		}
		assertInertPage(t, p, w.Body.String())
		checkHeaders(t, p, w.Header())
	}
}

// assertInertPage parses a page and fails on anything that could run
// script: a script, iframe, object or embed element, an event handler
// attribute, or a link or source whose scheme is not http(s) or relative.
func assertInertPage(t *testing.T, name, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script", "iframe", "object", "embed", "img", "base", "meta":
			if n.Data != "meta" || hasKey(n, "http-equiv") {
				t.Errorf("%s: <%s> element", name, n.Data)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcdoc" || a.Key == "autofocus" {
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
			if a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction" {
				if !safeURL(a.Val) && !(n.Data == "link" && a.Val == "data:,") { // the page's empty favicon
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
		}
	}
}

func hasKey(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// safeURL reports whether a (decoded) attribute value is a relative link
// on this site or an http(s) link.
func safeURL(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1 // browsers drop these inside a scheme
		}
		return r
	}, strings.ToLower(v))
	if strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//") || strings.HasPrefix(v, "?") || strings.HasPrefix(v, "#") {
		return true
	}
	return strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")
}

// checkHeaders checks the security headers of one response.
func checkHeaders(t *testing.T, name string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") ||
		!strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("%s: CSP %q", name, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("%s: headers %v", name, h)
	}
}

func TestSafeURL(t *testing.T) {
	for v, want := range map[string]bool{
		"/?q=a": true, "https://x.org": true, "java\nscript:x": false, " JAVASCRIPT:x": false, "data:x": false,
		"//evil.example": false, "?page=2": true,
	} {
		if got := safeURL(v); got != want {
			t.Errorf("safeURL(%q) = %v", v, got)
		}
	}
}
