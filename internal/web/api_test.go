package web_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

func apiGet(t *testing.T, h http.Handler, query string) (*httptest.ResponseRecorder, *search.Response) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?"+query, nil))
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		return w, nil
	}
	var resp search.Response
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return w, &resp
}

func counts(values []search.FacetValue) map[string]int {
	out := map[string]int{}
	for _, v := range values {
		out[v.Value] = v.Count
	}
	return out
}

func selected(values []search.FacetValue) []string {
	var out []string
	for _, v := range values {
		if v.Selected {
			out = append(out, v.Value)
		}
	}
	return out
}

func oslo(a *article.Article) bool   { return has(a.Places, "Oslo") }
func bergen(a *article.Article) bool { return has(a.Places, "Bergen") }
func ada(a *article.Article) bool    { return has(a.People, "Ada Lind") }
func per(a *article.Article) bool    { return has(a.People, "Per Holm") }

// TestFacetRules checks each facet rule against counts made by hand from
// the corpus: multi-select ORs within a facet and ANDs across facets,
// each facet is counted without its own filter, exclusions, selected
// values listed outside the top N, per-facet sizes and A–Z order.
func TestFacetRules(t *testing.T) {
	h := corpusHandler(t)
	and := func(fs ...func(*article.Article) bool) func(*article.Article) bool {
		return func(a *article.Article) bool {
			for _, f := range fs {
				if !f(a) {
					return false
				}
			}
			return true
		}
	}
	not := func(f func(*article.Article) bool) func(*article.Article) bool {
		return func(a *article.Article) bool { return !f(a) }
	}
	either := func(f, g func(*article.Article) bool) func(*article.Article) bool {
		return func(a *article.Article) bool { return f(a) || g(a) }
	}
	tests := []struct {
		query    string
		total    int
		facet    search.Facet
		want     map[string]int // counts of the facet's values
		selected []string
	}{
		{"", corpusSize, search.Places, map[string]int{"Oslo": count(oslo), "Bergen": count(bergen)}, nil},
		{"place=Oslo&place=Bergen", count(either(oslo, bergen)), search.Places,
			map[string]int{"Oslo": 30, "Bergen": 12}, []string{"Oslo", "Bergen"}},
		{"place=Oslo&place=Bergen", count(either(oslo, bergen)), search.People,
			map[string]int{"Ada Lind": count(and(ada, either(oslo, bergen))), "Per Holm": count(and(per, either(oslo, bergen)))}, nil},
		{"place=Bergen&person=Ada+Lind", count(and(bergen, ada)), search.People,
			map[string]int{"Ada Lind": count(and(ada, bergen)), "Per Holm": count(and(per, bergen))}, []string{"Ada Lind"}},
		{"place=Bergen&person=Ada+Lind", count(and(bergen, ada)), search.Places,
			map[string]int{"Oslo": count(and(oslo, ada)), "Bergen": count(and(bergen, ada))}, []string{"Bergen"}},
		{"not_place=Oslo", count(not(oslo)), search.Places, map[string]int{"Bergen": count(and(bergen, not(oslo)))}, nil},
		{"not_place=Bergen&not_person=Ada+Lind", count(and(not(bergen), not(ada))), search.People,
			map[string]int{"Per Holm": count(and(per, not(bergen), not(ada)))}, nil},
		{"facet_size=1&person=Per+Holm", count(per), search.People, map[string]int{"Ada Lind": 15, "Per Holm": 10}, []string{"Per Holm"}},
		{"facet_size=1&facet_size.sources=3", corpusSize, search.Sources, map[string]int{"North Gazette": 20, "River Post": 20, "Hill Courier": 20}, nil},
		{"facet_size=1&facet_size.sources=3", corpusSize, search.Places, map[string]int{"Oslo": 30}, nil},
	}
	for _, tt := range tests {
		w, resp := apiGet(t, h, tt.query)
		if resp == nil {
			t.Fatalf("%s: HTTP %d %s", tt.query, w.Code, w.Body)
		}
		values := *resp.Facets.Of(tt.facet)
		if resp.Total != uint64(tt.total) || !resp.TotalExact {
			t.Errorf("%s: total %d (exact %v), want %d exact", tt.query, resp.Total, resp.TotalExact, tt.total)
		}
		if got := counts(values); !mapsEqual(got, tt.want) {
			t.Errorf("%s: %s = %v, want %v", tt.query, tt.facet, got, tt.want)
		}
		if got := selected(values); !slices.Equal(got, tt.selected) {
			t.Errorf("%s: %s selected %v, want %v", tt.query, tt.facet, got, tt.selected)
		}
	}
	_, resp := apiGet(t, h, "facet_sort=name")
	var names []string
	for _, v := range resp.Facets.Sources {
		names = append(names, v.Value)
	}
	if !slices.Equal(names, []string{"Hill Courier", "North Gazette", "River Post"}) {
		t.Errorf("facet_sort=name: sources %v", names)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if n, ok := b[k]; !ok || n != v {
			return false
		}
	}
	return true
}

// TestHistogramBuckets checks the monthly buckets of the corpus's 295
// days: every article is in one, January holds articles 0 to 6, and a
// bucket's range finds exactly its count.
func TestHistogramBuckets(t *testing.T) {
	h := corpusHandler(t)
	_, resp := apiGet(t, h, "")
	b := resp.Facets.Published
	if len(b) != 10 || b[0] != (search.DateBucket{From: "2024-01-01", To: "2024-02-01", Count: 7}) {
		t.Fatalf("buckets %+v, want 10 months starting with January 2024 counting 7", b)
	}
	sum := 0
	for _, x := range b {
		sum += x.Count
	}
	if sum != corpusSize {
		t.Errorf("buckets count %d articles, want %d", sum, corpusSize)
	}
	_, in := apiGet(t, h, "from=2024-03-01&to=2024-03-31")
	if int(in.Total) != b[2].Count || b[2].From != "2024-03-01" {
		t.Errorf("March: range finds %d, bucket %+v", in.Total, b[2])
	}
}

// TestCursorOverHTTP pages through every article by cursor: no gap, no
// repeat, the same order as one big page; a cursor of another search is
// a 400 about the cursor.
func TestCursorOverHTTP(t *testing.T) {
	h := corpusHandler(t)
	for _, q := range []string{"sort=newest", "q=harbour+ferry", "q=harbour&sort=oldest&place=Oslo"} {
		_, all := apiGet(t, h, q+"&size=100")
		var walked []string
		next := ""
		for range 100 {
			query := q + "&size=7"
			if next != "" {
				query += "&cursor=" + url.QueryEscape(next)
			}
			w, resp := apiGet(t, h, query)
			if resp == nil {
				t.Fatalf("%s: HTTP %d %s", query, w.Code, w.Body)
			}
			for _, hit := range resp.Hits {
				walked = append(walked, hit.ID)
			}
			if next = resp.NextCursor; next == "" {
				break
			}
		}
		var want []string
		for _, hit := range all.Hits {
			want = append(want, hit.ID)
		}
		if len(want) < 20 || !slices.Equal(walked, want) {
			t.Errorf("%s: cursor pages %v\nwant %v", q, walked, want)
		}
	}
	_, first := apiGet(t, h, "q=harbour&size=5")
	for _, other := range []string{"q=ferry", "q=harbour&place=Oslo", "q=harbour&sort=newest", "q=harbour&page=2"} {
		w, _ := apiGet(t, h, other+"&cursor="+url.QueryEscape(first.NextCursor))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `"param":"cursor"`) {
			t.Errorf("%s with the cursor of q=harbour: HTTP %d %s, want 400 about cursor", other, w.Code, w.Body)
		}
	}
}

// TestQueryErrorsOverHTTP checks positions, expectations and suggestions.
func TestQueryErrorsOverHTTP(t *testing.T) {
	h := corpusHandler(t)
	tests := []struct {
		q          string
		position   int
		suggestion string
	}{
		{`ferry "tide tables`, 7, `ferry "tide tables"`},
		{"harbour OR", 9, "harbour"},
		{"ferry)", 6, "ferry"},
		{"plaec:Oslo", 1, "place:Oslo"},
	}
	for _, tt := range tests {
		w, _ := apiGet(t, h, "q="+url.QueryEscape(tt.q))
		var e struct{ Error search.Error }
		if w.Code != 400 || json.Unmarshal(w.Body.Bytes(), &e) != nil {
			t.Fatalf("%s: HTTP %d %s", tt.q, w.Code, w.Body)
		}
		if e.Error.Param != "q" || e.Error.Position != tt.position || e.Error.Expected == "" || e.Error.Suggestion != tt.suggestion {
			t.Errorf("%s: %+v, want position %d and suggestion %q", tt.q, e.Error, tt.position, tt.suggestion)
		}
		if _, resp := apiGet(t, h, "q="+url.QueryEscape(e.Error.Suggestion)); resp == nil || resp.Total == 0 {
			t.Errorf("%s: the suggestion %q finds nothing", tt.q, e.Error.Suggestion)
		}
	}
	_, resp := apiGet(t, h, "q=harbour+zeppelin&place=Bergen")
	want := []search.Culprit{{Param: "q", Value: "zeppelin", HitsWithout: 12}}
	if resp.Total != 0 || !slices.Equal(resp.EmptyBecause, want) {
		t.Errorf("zero hits: total %d, empty_because %+v, want %+v", resp.Total, resp.EmptyBecause, want)
	}
}

// TestExports parses both export formats and checks them against the
// JSON search with the same parameters.
func TestExports(t *testing.T) {
	h := corpusHandler(t)
	tests := []struct {
		query string
		rows  int
	}{
		{"place=Bergen&sort=oldest", 12},
		{"q=timetable&not_place=Oslo", count(func(a *article.Article) bool { return strings.Contains(a.Title, "timetable") && !oslo(a) })},
		{"", corpusSize},
		{"limit=5&sort=newest", 5},
		{"q=zeppelin", 0},
	}
	for _, tt := range tests {
		_, resp := apiGet(t, h, strings.Replace(tt.query, "limit=5&", "", 1)+"&size=100")
		csvW, _ := apiGet(t, h, tt.query+"&format=csv")
		ndW, _ := apiGet(t, h, tt.query+"&format=ndjson")
		if csvW.Code != 200 || csvW.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.HasPrefix(csvW.Header().Get("Content-Disposition"), "attachment; filename=") {
			t.Fatalf("%s csv: HTTP %d %v", tt.query, csvW.Code, csvW.Header())
		}
		if ndW.Code != 200 || ndW.Header().Get("Content-Type") != "application/x-ndjson; charset=utf-8" {
			t.Fatalf("%s ndjson: HTTP %d %v", tt.query, ndW.Code, ndW.Header())
		}
		records, err := csv.NewReader(csvW.Body).ReadAll()
		if err != nil || len(records) == 0 || strings.Join(records[0], ",") != "id,title,source,published,url,people,orgs,places" {
			t.Fatalf("%s csv: %v %v", tt.query, err, records)
		}
		var lines []map[string]any
		sc := bufio.NewScanner(bytes.NewReader(ndW.Body.Bytes()))
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("%s ndjson line %q: %v", tt.query, sc.Text(), err)
			}
			lines = append(lines, m)
		}
		if len(records)-1 != tt.rows || len(lines) != tt.rows {
			t.Errorf("%s: %d CSV rows and %d NDJSON lines, want %d", tt.query, len(records)-1, len(lines), tt.rows)
			continue
		}
		for i := range tt.rows {
			hit := resp.Hits[i]
			if records[i+1][0] != hit.ID || lines[i]["id"] != hit.ID || records[i+1][1] != hit.Title || lines[i]["source"] != hit.Source {
				t.Errorf("%s row %d: csv %v ndjson %v, want hit %s", tt.query, i, records[i+1], lines[i], hit.ID)
			}
			if want := strings.Join(hit.Places, "; "); records[i+1][7] != want {
				t.Errorf("%s row %d: places %q, want %q", tt.query, i, records[i+1][7], want)
			}
		}
	}
}
