package web

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

func TestSearchPageLinks(t *testing.T) {
	tests := []struct {
		target string
		text   string // link text to look for
		key    string // and an attribute it must have ("" for none)
		val    string
		path   string     // where the link must point
		want   url.Values // and with these parameters
	}{
		// Toggling a facet value adds or removes it, keeps the rest, resets the page.
		{"/?q=strike&person=Mira+Holt&page=2", "Mira Holt", "aria-current", "true", "/", url.Values{"q": {"strike"}}},
		{"/?q=strike&person=Mira+Holt&page=2", "Jon Ek", "", "", "/", url.Values{"q": {"strike"}, "person": {"Mira Holt", "Jon Ek"}}},
		{"/?q=strike&person=Mira+Holt", "Dock Union", "", "", "/", url.Values{"q": {"strike"}, "person": {"Mira Holt"}, "org": {"Dock Union"}}},
		{"/?source=Coast+Times&org=Dock+Union", "Coast Times", "aria-current", "true", "/", url.Values{"org": {"Dock Union"}}},
		// A selected value the counts left out is still listed and removable.
		{"/?place=Tromsø&place=Bergen", "Tromsø", "aria-current", "true", "/", url.Values{"place": {"Bergen"}}},
		// Excluding a value unselects it; an exclusion has a remove link.
		{"/?person=Mira+Holt&page=3", "exclude", "aria-label", "Exclude Jon Ek", "/", url.Values{"person": {"Mira Holt"}, "not_person": {"Jon Ek"}}},
		{"/?person=Mira+Holt", "exclude", "aria-label", "Exclude Mira Holt", "/", url.Values{"not_person": {"Mira Holt"}}},
		{"/?q=x&not_org=Dock+Union&not_org=Port+Board", "Dock Union", "aria-label", "Stop excluding Dock Union", "/", url.Values{"q": {"x"}, "not_org": {"Port Board"}}},
		// Including an excluded value lifts its exclusion.
		{"/?not_person=Jon+Ek", "☐ Jon Ek", "", "", "/", url.Values{"person": {"Jon Ek"}}},
		// Date buckets link to an inclusive range: the day before the bucket's end.
		{"/?q=x&page=2", "2024-02-01 to 2024-02-29", "", "", "/", url.Values{"q": {"x"}, "from": {"2024-02-01"}, "to": {"2024-02-29"}}},
		{"/?from=2024-01-01&to=2024-01-31", "2024-01-01 to 2024-01-31", "aria-current", "true", "/", url.Values{"from": {"2024-01-01"}, "to": {"2024-01-31"}}},
		{"/?q=x&from=2024-01-01&to=2024-01-31", "Any date", "", "", "/", url.Values{"q": {"x"}}},
		// Pages: 25 hits of 10 a page.
		{"/?q=x&page=2", "Previous", "rel", "prev", "/", url.Values{"q": {"x"}}},
		{"/?q=x&page=2", "Next", "rel", "next", "/", url.Values{"q": {"x"}, "page": {"3"}}},
		{"/?q=x&page=2", "2", "aria-current", "page", "/", url.Values{"q": {"x"}, "page": {"2"}}},
		{"/?q=x&page=2", "3", "", "", "/", url.Values{"q": {"x"}, "page": {"3"}}},
		// The same search as JSON, and results linking to their article.
		{"/?q=x&person=Jon+Ek&page=2", "as JSON", "", "", "/api/search", url.Values{"q": {"x"}, "person": {"Jon Ek"}, "page": {"2"}}},
		{"/?q=x", "Harbour strike ends", "", "", "/doc/a1", url.Values{}},
		{"/?q=x", "Ferry routes cut", "", "", "/doc/a%2F2", url.Values{}},
	}
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse()}, 0)
	for _, tt := range tests {
		w := get(h, "GET", tt.target)
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", tt.target, w.Code, w.Body)
		}
		a, ok := findLink(anchors(t, w.Body.String()), tt.text, tt.key, tt.val)
		if !ok {
			t.Errorf("%s: no link %q with %s=%q", tt.target, tt.text, tt.key, tt.val)
			continue
		}
		u, err := url.Parse(a.Href)
		if err != nil || u.EscapedPath() != tt.path || !reflect.DeepEqual(u.Query(), tt.want) {
			t.Errorf("%s: link %q = %q, want %s?%s", tt.target, tt.text, a.Href, tt.path, tt.want.Encode())
		}
	}
}

func TestSearchPageText(t *testing.T) {
	tests := []struct {
		target string
		total  uint64 // overrides the canned total when not 0
		noHits bool
		want   []string
		absent []string
	}{
		{target: "/?q=dock+%22strike+vote%22&person=Mira+Holt&sort=oldest&page=2", want: []string{
			`<html lang="en">`,
			`<label for="q">`,
			`value="dock &#34;strike vote&#34;"`,
			`<option value="oldest" selected>`,
			`<input type="hidden" name="person" value="Mira Holt">`,
			`25 articles for “dock &#34;strike vote&#34;”`,
			`Showing 11–12.`,
			`dockers <mark>strike</mark> over`,
			`<time datetime="2024-02-03">3 February 2024</time>`,
		}, absent: []string{`name="page"`, `name="sort" value`}},
		{target: "/", want: []string{`<option value="" selected>Relevance</option>`, "<title>Search · newsfts</title>"}},
		{target: "/?sort=relevance", want: []string{`<option value="" selected>Relevance</option>`}},
		{target: "/?q=x", total: 1, want: []string{"1 article for"}},
		{target: "/?q=x", total: 1234567, want: []string{"1,234,567 articles"}},
		{target: "/?q=zzz", noHits: true, want: []string{"0 articles", "No article matches"}, absent: []string{`rel="next"`}},
		{target: "/?q=x&page=7", total: 12, noHits: true, want: []string{"past the last result", `href="/?q=x"`}, absent: []string{"No article matches"}},
		{target: "/?q=x&page=100", total: 5000, want: []string{`rel="prev"`, `aria-current="page">100<`}, absent: []string{`rel="next"`, ">101<"}},
	}
	for _, tt := range tests {
		resp := cannedResponse()
		if tt.total > 0 {
			resp.Total = tt.total
		}
		if tt.noHits {
			resp = &search.Response{Total: tt.total, TotalExact: true}
		}
		body := get(newTestHandler(t, &fakeSearcher{resp: resp}, 0), "GET", tt.target).Body.String()
		for _, want := range tt.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: page lacks %s", tt.target, want)
			}
		}
		for _, bad := range tt.absent {
			if strings.Contains(body, bad) {
				t.Errorf("%s: page has %s", tt.target, bad)
			}
		}
	}
}

func TestSearchPageBadParameter(t *testing.T) {
	f := &fakeSearcher{resp: cannedResponse()}
	h := newTestHandler(t, f, 0)
	w := get(h, "GET", "/?q=ferry&sort=best&person=Jon+Ek")
	body := w.Body.String()
	if w.Code != 400 || f.last != nil {
		t.Fatalf("status %d, searched %v; want 400 and no search", w.Code, f.last)
	}
	for _, want := range []string{`role="alert"`, "unknown sort", `value="ferry"`, `name="person" value="Jon Ek"`} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %s", want)
		}
	}
	if strings.Contains(body, `name="sort" value`) {
		t.Error("the bad parameter is carried on by the form")
	}
}

func TestHead(t *testing.T) {
	h := newTestHandler(t, &fakeSearcher{resp: cannedResponse()}, 0)
	for _, target := range []string{"/", "/api/search", "/healthz", "/static/style.css"} {
		if w := get(h, "HEAD", target); w.Code != 200 {
			t.Errorf("HEAD %s: %d", target, w.Code)
		}
	}
}

// hostile is text meant to break out of its context in a page.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"onmouseover="alert(1)`,
	`'><img src=x onerror=alert(1)>`,
	`<svg onload=alert(1)>`,
}

func TestHostileSearchPage(t *testing.T) {
	resp := cannedResponse()
	resp.Hits = nil
	for _, s := range hostile {
		resp.Hits = append(resp.Hits, search.Hit{ID: s, Title: s, Source: s, URL: "javascript:alert(1)",
			Snippet: "a <mark>" + s + "</mark> b " + s})
		resp.Facets.People = append(resp.Facets.People, search.FacetValue{Value: s, Count: 1})
	}
	h := newTestHandler(t, &fakeSearcher{resp: resp}, 0)
	target := "/?q=" + url.QueryEscape(hostile[1]) + "&person=" + url.QueryEscape(hostile[0]) +
		"&not_org=" + url.QueryEscape(hostile[3])
	checkInert(t, "search page", get(h, "GET", target).Body.String())
}

func TestHostileDocPage(t *testing.T) {
	for _, s := range hostile {
		a := &article.Article{ID: "d", Title: s, Byline: s, Source: s, Section: s, URL: "javascript:alert(1)",
			Body: s + "\n\n" + s, People: []string{s}, Orgs: []string{s}, Places: []string{s}}
		h := newTestHandler(t, &fakeSearcher{docs: map[string]*article.Article{"d": a}}, 0)
		body := get(h, "GET", "/doc/d").Body.String()
		checkInert(t, "doc page", body)
		if !strings.Contains(body, "javascript:alert(1)") {
			t.Error("the non-web URL should be shown as text")
		}
	}
}

// checkInert fails if the page holds a script or image, an event handler
// attribute, or a javascript: link.
func checkInert(t *testing.T, name, body string) {
	t.Helper()
	for _, bad := range []string{"<script", "<img", "<svg"} {
		if strings.Contains(body, bad) {
			t.Errorf("%s contains %s", name, bad)
		}
	}
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: <%s> has attribute %s", name, n.Data, a.Key)
			}
			if a.Key == "href" && strings.Contains(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("%s: link to %q", name, a.Val)
			}
		}
	}
}

func TestDocPage(t *testing.T) {
	a := &article.Article{
		ID: "k9", Title: "Quay reopens", Byline: "By Ida Vik", Source: "Coast Times", Section: "Local",
		Published: time.Date(2024, 3, 2, 8, 0, 0, 0, time.UTC), URL: "https://example.org/quay",
		Body:   "First paragraph.\n\nSecond & last.",
		People: []string{"Ida Vik"}, Orgs: []string{"Port Board"}, Places: []string{"Tromsø"},
	}
	h := newTestHandler(t, &fakeSearcher{docs: map[string]*article.Article{"k9": a}}, 0)
	w := get(h, "GET", "/doc/k9")
	body := w.Body.String()
	for _, want := range []string{"<h1>Quay reopens</h1>", "By Ida Vik", "Coast Times", "Local",
		`<time datetime="2024-03-02">2 March 2024</time>`, "<p>First paragraph.</p>", "<p>Second &amp; last.</p>"} {
		if !strings.Contains(body, want) {
			t.Errorf("doc page lacks %s", want)
		}
	}
	links := anchors(t, body)
	for _, want := range []struct{ text, href string }{
		{"Original article", "https://example.org/quay"},
		{"Ida Vik", "/?person=Ida+Vik"},
		{"Port Board", "/?org=Port+Board"},
		{"Tromsø", "/?place=Troms%C3%B8"},
	} {
		if l, ok := findLink(links, want.text, "", ""); !ok || l.Href != want.href {
			t.Errorf("link %q = %q, want %q", want.text, l.Href, want.href)
		}
	}
}

func TestSafeSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a <mark>hit</mark> b", "a <mark>hit</mark> b"},
		{"fish &amp; chips &lt;b&gt;", "fish &amp; chips &lt;b&gt;"},
		{"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
		{"<mark onclick=x>a</mark>", "&lt;mark onclick=x&gt;a"},
		{`<b>bold</b> "q" 'a'`, "&lt;b&gt;bold&lt;/b&gt; &#34;q&#34; &#39;a&#39;"},
		{"<mark>open", "<mark>open</mark>"},
		{"close</mark> <mark><mark>x</mark></mark>", "close <mark>x</mark>"},
		{"<MARK>x</MARK>", "&lt;MARK&gt;x&lt;/MARK&gt;"},
		{"a &lt;script&gt; b", "a &lt;script&gt; b"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(safeSnippet(tt.in)); got != tt.want {
			t.Errorf("safeSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWebURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a?b=c", "https://example.org/a?b=c"},
		{"HTTP://example.org/", "http://example.org/"},
		{" https://example.org/x ", "https://example.org/x"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data:text/html,hi", ""},
		{"//example.org/a", ""},
		{"/local/path", ""},
		{"ftp://example.org/f", ""},
		{"http://", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := webURL(tt.in); got != tt.want {
			t.Errorf("webURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTemplates(t *testing.T) {
	good := fstest.MapFS{
		"base.html":   {Data: []byte(`{{define "base"}}{{template "main" .}}{{end}}`)},
		"search.html": {Data: []byte(`{{define "main"}}s{{end}}`)},
		"doc.html":    {Data: []byte(`{{define "main"}}d{{end}}`)},
		"error.html":  {Data: []byte(`{{define "main"}}e{{end}}`)},
	}
	if _, err := parseTemplates(good); err != nil {
		t.Errorf("good templates: %v", err)
	}
	broken := fstest.MapFS{}
	for name, f := range good {
		broken[name] = f
	}
	broken["doc.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Title}`)}
	if _, err := parseTemplates(broken); err == nil || !strings.Contains(err.Error(), "doc") {
		t.Errorf("broken doc.html: error %v, want one naming doc", err)
	}
	missing := fstest.MapFS{"base.html": good["base.html"]}
	if _, err := parseTemplates(missing); err == nil {
		t.Error("missing page templates: no error")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[uint64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestCanonicalValues checks that facet values typed by users become the
// labels they stand for before the search, and in every link of the page.
func TestCanonicalValues(t *testing.T) {
	resp := cannedResponse()
	resp.Facets.Places = []search.FacetValue{{Value: "Türkiye", Count: 3}, {Value: "Bergen", Count: 2}}
	f := &fakeSearcher{resp: resp, canon: map[search.Facet]map[string]string{
		search.Places: {"turkey": "Türkiye", "türkiye": "Türkiye", "turkiye": "Türkiye"},
		search.Orgs:   {"mit": "National Intelligence Organization (MİT)"},
	}}
	h := newTestHandler(t, f, 0)
	tests := []struct {
		target  string
		filters map[search.Facet][]string // what the Searcher must be given
		exclude map[search.Facet][]string
		text    string // a link
		key     string // and an attribute it must have
		val     string
		path    string
		want    url.Values // the link's parameters
	}{
		// The toggle of the selected value removes it, whatever name was typed.
		{"/?q=x&place=Turkey", map[search.Facet][]string{search.Places: {"Türkiye"}}, nil,
			"Türkiye", "aria-current", "true", "/", url.Values{"q": {"x"}}},
		{"/?place=turkiye&place=Turkey&place=Bergen", map[search.Facet][]string{search.Places: {"Türkiye", "Bergen"}}, nil,
			"Türkiye", "aria-current", "true", "/", url.Values{"place": {"Bergen"}}},
		// Other links carry the label, once.
		{"/?place=Turkey&place=turkiye", map[search.Facet][]string{search.Places: {"Türkiye"}}, nil,
			"Dock Union", "", "", "/", url.Values{"place": {"Türkiye"}, "org": {"Dock Union"}}},
		{"/?place=Turkey", map[search.Facet][]string{search.Places: {"Türkiye"}}, nil,
			"as JSON", "", "", "/api/search", url.Values{"place": {"Türkiye"}}},
		// A selected value that the counts left out is listed by its label.
		{"/?org=mit", map[search.Facet][]string{search.Orgs: {"National Intelligence Organization (MİT)"}}, nil,
			"National Intelligence Organization (MİT)", "aria-current", "true", "/", url.Values{}},
		// An exclusion typed by alias is shown and removed by its label.
		{"/?q=x&not_place=TURKEY", nil, map[search.Facet][]string{search.Places: {"Türkiye"}},
			"Türkiye", "aria-label", "Stop excluding Türkiye", "/", url.Values{"q": {"x"}}},
	}
	for _, tt := range tests {
		w := get(h, "GET", tt.target)
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", tt.target, w.Code, w.Body)
		}
		if !reflect.DeepEqual(nonEmpty(f.last.Filters), nonEmpty(tt.filters)) || !reflect.DeepEqual(nonEmpty(f.last.Exclude), nonEmpty(tt.exclude)) {
			t.Errorf("%s: searcher got filters %q, exclude %q; want %q, %q", tt.target, f.last.Filters, f.last.Exclude, tt.filters, tt.exclude)
		}
		a, ok := findLink(anchors(t, w.Body.String()), tt.text, tt.key, tt.val)
		if !ok {
			t.Errorf("%s: no link %q with %s=%q", tt.target, tt.text, tt.key, tt.val)
			continue
		}
		u, err := url.Parse(a.Href)
		if err != nil || u.EscapedPath() != tt.path || !reflect.DeepEqual(u.Query(), tt.want) {
			t.Errorf("%s: link %q = %q, want %s?%s", tt.target, tt.text, a.Href, tt.path, tt.want.Encode())
		}
	}
}

// nonEmpty drops the empty entries of m, so that nil and empty maps compare equal.
func nonEmpty(m map[search.Facet][]string) map[search.Facet][]string {
	out := map[search.Facet][]string{}
	for f, vs := range m {
		if len(vs) > 0 {
			out[f] = vs
		}
	}
	return out
}
