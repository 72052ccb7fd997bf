package web

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
	"github.com/newsfts/newsfts/internal/story"
)

// storyFake is a fakeSearcher whose articles are grouped into stories.
type storyFake struct {
	*fakeSearcher
	storyOf map[string]string // id -> story; absent: its own
}

func (f *storyFake) StoryOf(id string) string {
	if s, ok := f.storyOf[id]; ok {
		return s
	}
	return id
}

func (f *storyFake) Copies(ctx context.Context, id string) ([]story.Copy, error) {
	st := f.StoryOf(id)
	var out []story.Copy
	for _, c := range []string{"w1", "w2", "w3"} {
		if f.StoryOf(c) == st {
			out = append(out, story.Copy{ID: c, Source: map[string]string{"w1": "Wire", "w2": "Daily", "w3": "daily "}[c],
				Published: time.Date(2024, 2, 3, 8+len(out), 0, 0, 0, time.UTC), First: len(out) == 0})
		}
	}
	if len(out) < 2 {
		return nil, nil
	}
	return out, nil
}

// Search collapses as the real Searcher does when asked: the first hit
// of each story, then the page of those.
func (f *storyFake) Search(ctx context.Context, r *search.Request) (*search.Response, error) {
	resp, err := f.fakeSearcher.Search(ctx, r)
	if err != nil || !r.Collapse {
		return resp, err
	}
	out := *resp
	out.Hits = nil
	seen := map[string]bool{}
	for _, h := range resp.Hits {
		if st := f.StoryOf(h.ID); !seen[st] {
			seen[st] = true
			out.Hits = append(out.Hits, h)
		}
	}
	from := min((max(r.Page, 1)-1)*r.Size, len(out.Hits))
	out.Hits = out.Hits[from:min(from+r.Size, len(out.Hits))]
	return &out, nil
}

func newStoryFake() *storyFake {
	hit := func(id string) search.Hit { return search.Hit{ID: id, Title: "T " + id} }
	f := &fakeSearcher{
		resp: &search.Response{Total: 5, Hits: []search.Hit{hit("w2"), hit("x"), hit("w1"), hit("y"), hit("w3")}},
		docs: map[string]*article.Article{
			"w1": {ID: "w1", Title: "Strike", Source: "Wire", Body: "Dockers struck.\n\nShips waited.\n\nThe union spoke."},
			"w2": {ID: "w2", Title: "Strike", Source: "Daily", Body: "Ships waited.\n\nDOCKERS   struck.\n\nA minister was asked."},
			"w3": {ID: "w3", Title: "Strike", Source: "daily ", Body: "Dockers struck.\n\nShips waited.\n\nThe union spoke."},
		},
	}
	return &storyFake{fakeSearcher: f, storyOf: map[string]string{"w1": "w1", "w2": "w1", "w3": "w1"}}
}

func TestCollapseStory(t *testing.T) {
	f := newStoryFake()
	h, err := New(f, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target  string
		code    int
		hits    []string // ids, in order
		outlets []int
		param   string // of the error
	}{
		{"/api/search?q=strike&collapse=story", http.StatusOK, []string{"w2", "x", "y"}, []int{2, 1, 1}, ""},
		{"/api/search?q=strike&collapse=story&size=2&page=2", http.StatusOK, []string{"y"}, []int{1}, ""},
		{"/api/search?q=strike&collapse=story&page=5", http.StatusOK, []string{}, []int{}, ""},
		{"/api/search?q=strike&collapse=source", http.StatusBadRequest, nil, nil, "collapse"},
		{"/api/search?q=strike&count=people", http.StatusBadRequest, nil, nil, "count"},
		{"/api/search?q=strike&collapse=story&bogus=1", http.StatusBadRequest, nil, nil, "bogus"},
	} {
		w := get(h, "GET", tc.target)
		if w.Code != tc.code {
			t.Errorf("%s: status %d, want %d: %s", tc.target, w.Code, tc.code, w.Body)
			continue
		}
		if tc.code != http.StatusOK {
			var e struct{ Error search.Error }
			json.Unmarshal(w.Body.Bytes(), &e)
			if e.Error.Param != tc.param {
				t.Errorf("%s: error param %q, want %q", tc.target, e.Error.Param, tc.param)
			}
			continue
		}
		var got storyResponse
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v", tc.target, err)
		}
		var ids []string
		var outs []int
		for _, hit := range got.Hits {
			ids, outs = append(ids, hit.ID), append(outs, hit.Outlets)
		}
		if !slices.Equal(ids, tc.hits) || !slices.Equal(outs, tc.outlets) {
			t.Errorf("%s: hits %q outlets %v, want %q %v", tc.target, ids, outs, tc.hits, tc.outlets)
		}
		if !f.last.Collapse {
			t.Errorf("%s: the search was not asked to collapse", tc.target)
		}
	}
}

// TestCollapseCopiesJSON checks the JSON shape of a collapsed hit.
func TestCollapseCopiesJSON(t *testing.T) {
	f := newStoryFake()
	h, _ := New(f, Options{Now: func() time.Time { return testNow }})
	body := get(h, "GET", "/api/search?collapse=story").Body.String()
	for _, want := range []string{`"collapse":"story"`, `"story":"w1"`, `"outlets":2`,
		`"copies":[{"id":"w1","source":"Wire","published":"2024-02-03T08:00:00Z","first":true},{"id":"w2"`, `"copies":[]`} {
		if !strings.Contains(body, want) {
			t.Errorf("response lacks %s:\n%s", want, body)
		}
	}
	doc := get(h, "GET", "/api/doc/w3").Body.String()
	if !strings.Contains(doc, `"copies":[{"id":"w1"`) || !strings.Contains(doc, `"title":"Strike"`) {
		t.Errorf("/api/doc/w3 lacks its copies or its fields: %s", doc)
	}
}

func TestDocPageCopies(t *testing.T) {
	f := newStoryFake()
	h, _ := New(f, Options{Now: func() time.Time { return testNow }})
	page := get(h, "GET", "/doc/w1").Body.String()
	for _, want := range []string{
		"Other copies of this story", "<strong>this article</strong>", "first seen",
		`href="/doc/w2"`, "1 paragraph not in this article, 1 of this article's not in it", "A minister was asked.",
		"same paragraphs",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/doc/w1 lacks %q", want)
		}
	}
	f.docs["w3"] = &article.Article{ID: "w3", Source: "daily ", Body: "Dockers struck."}
	if page := get(h, "GET", "/doc/w1").Body.String(); !strings.Contains(page, "nothing this article lacks; 2 of its paragraphs not in it") {
		t.Error("a shorter copy is not described")
	}
	f.storyOf = map[string]string{"w2": "w2", "w3": "w3"}
	if page := get(h, "GET", "/doc/w1").Body.String(); strings.Contains(page, "Other copies") {
		t.Error("an article without copies lists copies")
	}
}

func TestDiffParagraphs(t *testing.T) {
	for _, tc := range []struct {
		mine, other []string
		extra       []string
		lacks       int
	}{
		{[]string{"A b.", "C d."}, []string{"c  D.", "a b."}, nil, 0},
		{[]string{"A b.", "C d."}, []string{"A b.", "E f."}, []string{"E f."}, 1},
		{nil, []string{"x"}, []string{"x"}, 0},
		{[]string{"x", "y"}, nil, nil, 2},
	} {
		extra, lacks := diffParagraphs(paragraphSet(tc.mine), tc.other)
		if !slices.Equal(extra, tc.extra) || lacks != tc.lacks {
			t.Errorf("diff(%q, %q) = %q, %d; want %q, %d", tc.mine, tc.other, extra, lacks, tc.extra, tc.lacks)
		}
	}
}

// TestSearchPageStories checks the HTML search page with collapse=story:
// one hit per story, the outlets and the other copies, and links that keep
// collapsing.
func TestSearchPageStories(t *testing.T) {
	f := newStoryFake()
	h, _ := New(f, Options{Now: func() time.Time { return testNow }})
	w := get(h, "GET", "/?q=strike&collapse=story")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	page := w.Body.String()
	for _, want := range []string{"carried by 2 outlets", `<a href="/doc/w1">Wire</a>`, "(first seen)", `href="/doc/x"`, "collapse=story"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Count(page, `<h2><a href="/doc/w`) != 1 {
		t.Errorf("page shows %d hits of story w1, want 1", strings.Count(page, `<h2><a href="/doc/w`))
	}
	if w := get(h, "GET", "/?q=strike&collapse=nope"); w.Code != http.StatusBadRequest {
		t.Errorf("collapse=nope: status %d, want 400", w.Code)
	}
	plain := get(h, "GET", "/?q=strike").Body.String()
	if strings.Contains(plain, "carried by") || strings.Count(plain, `<h2><a href="/doc/w`) != 3 {
		t.Error("without collapse the page groups hits")
	}
	for _, tc := range []struct{ page, want string }{
		{plain, `<a href="/?collapse=story&amp;q=strike">Show one result per story</a>`},
		{plain, `<a href="/?count=stories&amp;q=strike">count stories</a>`},
		{page, `<a href="/?q=strike">show every copy</a>`},
		{get(h, "GET", "/?q=strike&count=stories&page=2").Body.String(), `Counts are of stories (<a href="/?q=strike">count articles</a>)`},
	} {
		if !strings.Contains(tc.page, tc.want) {
			t.Errorf("page lacks the switch %s", tc.want)
		}
	}
}

// TestNoStories checks a Searcher without stories: collapse is refused,
// pages show no copies.
func TestNoStories(t *testing.T) {
	f := newStoryFake().fakeSearcher
	h, _ := New(f, Options{Now: func() time.Time { return testNow }})
	if w := get(h, "GET", "/api/search?collapse=story"); w.Code != http.StatusBadRequest {
		t.Errorf("collapse without stories: status %d, want 400", w.Code)
	}
	if page := get(h, "GET", "/doc/w1").Body.String(); strings.Contains(page, "Other copies") {
		t.Error("page lists copies without stories")
	}
}

// TestStoryExportsAndCounts checks that count=stories reaches the
// Searcher and that a collapsed export writes one row per story with its
// story columns, in CSV and NDJSON.
func TestStoryExportsAndCounts(t *testing.T) {
	f := newStoryFake()
	h, err := New(f, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if w := get(h, "GET", "/api/search?q=strike&count=stories"); w.Code != http.StatusOK || !f.last.CountStories {
		t.Errorf("count=stories: status %d, CountStories %v", w.Code, f.last.CountStories)
	}
	if w := get(h, "GET", "/api/search?q=strike&count=articles"); w.Code != http.StatusOK || f.last.CountStories {
		t.Errorf("count=articles: status %d, CountStories %v", w.Code, f.last.CountStories)
	}
	csvBody := get(h, "GET", "/api/search?q=strike&collapse=story&format=csv").Body.String()
	lines := strings.Split(strings.TrimSpace(csvBody), "\n")
	wantCSV := []string{
		"id,title,source,published,url,people,orgs,places,story,outlets,copies",
		"w2,T w2,,,,,,,w1,2,3",
		"x,T x,,,,,,,x,1,1",
		"y,T y,,,,,,,y,1,1",
	}
	if !slices.Equal(lines, wantCSV) {
		t.Errorf("collapsed CSV:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(wantCSV, "\n"))
	}
	nd := get(h, "GET", "/api/search?q=strike&collapse=story&format=ndjson").Body.String()
	var first exportRow
	if err := json.Unmarshal([]byte(strings.SplitN(nd, "\n", 2)[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.ID != "w2" || first.Story != "w1" || first.Outlets != 2 || first.Copies != 3 {
		t.Errorf("first NDJSON row %+v, want w2 of story w1 with 2 outlets and 3 copies", first)
	}
	plain := get(h, "GET", "/api/search?q=strike&format=csv").Body.String()
	if strings.Contains(strings.SplitN(plain, "\n", 2)[0], "story") {
		t.Error("an export without collapse has story columns")
	}
}
