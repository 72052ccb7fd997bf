package web

// Stories: near-copies of one article grouped by the indexer.
//
// A Searcher that also implements storySearcher (newsindex.Index does)
// knows which story each article belongs to. Three things use it:
//
//   - collapse=story on /api/search: one hit per story, the best-ranked
//     copy among the matches, with the story's id, the number of outlets
//     that carried it and every copy (id, source, date; the first seen
//     marked). Bleve cannot collapse, so the search fetches the first
//     collapseWindow best-ranked articles and groups them: a page of
//     stories beyond what that window holds comes back short. "total"
//     still counts articles.
//   - the article page lists the other copies, which paragraphs each one
//     has that this one lacks, and how many of this one's it lacks.
//   - /api/doc adds "copies" to the article.
//
// count=stories (facet counts per story rather than per article) is not
// implemented: it is refused with a message that says so.

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/search"
	"github.com/newsfts/newsfts/internal/story"
)

// storySearcher is what a Searcher offers when its index groups articles
// into stories.
type storySearcher interface {
	// Copies returns the articles of id's story, itself included,
	// earliest-published first (marked First); nil if it has no copy.
	Copies(ctx context.Context, id string) ([]story.Copy, error)
	// StoryOf returns the id of article id's story (id itself if none).
	StoryOf(id string) string
}

// collapseWindow is how many best-ranked articles a collapsed search
// groups into stories.
const collapseWindow = search.MaxSize

// storyHit is a search hit standing for its story.
type storyHit struct {
	search.Hit
	Story   string       `json:"story"`
	Outlets int          `json:"outlets"` // distinct sources among the copies
	Copies  []story.Copy `json:"copies"`  // every copy, the hit's own included; [] if it has none
}

// storyResponse is a search.Response whose hits are stories.
type storyResponse struct {
	search.Response
	Collapse string     `json:"collapse"`
	Hits     []storyHit `json:"hits"`
}

// storyParams removes the story parameters from v and returns whether the
// search is collapsed; an error names a value it cannot serve.
func storyParams(v url.Values) (bool, error) {
	c, n := v.Get("collapse"), v.Get("count")
	collapse := v.Has("collapse")
	v.Del("collapse")
	v.Del("count")
	switch {
	case collapse && c != "story":
		return false, badParam("collapse", "unknown collapse %q: use collapse=story", clip(c))
	case n == "stories":
		return false, badParam("count", "count=stories is not available yet: facet counts are per article")
	case n != "":
		return false, badParam("count", "unknown count %q", clip(n))
	}
	return collapse, nil
}

// apiSearchStories serves /api/search with collapse=story.
func (s *server) apiSearchStories(w http.ResponseWriter, r *http.Request) error {
	_, _, out, err := s.searchStories(r)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, out)
}

// searchPageStories serves / with collapse=story: the search page with
// one hit per story, each saying how many outlets carried it.
func (s *server) searchPageStories(w http.ResponseWriter, r *http.Request) error {
	v, req, out, err := s.searchStories(r)
	var bad *search.Error
	if errors.As(err, &bad) {
		return s.writeHTML(w, http.StatusBadRequest, "search", badSearchPage(r.URL.Query(), bad))
	}
	if err != nil {
		return err
	}
	resp := out.Response
	resp.Hits = make([]search.Hit, len(out.Hits))
	for i, h := range out.Hits {
		resp.Hits[i] = h.Hit
	}
	p := newSearchPage(canonicalParams(v, req), req, &resp, s.leads(r.Context(), resp.Hits))
	for i := range p.Hits {
		p.Hits[i].Story = newStoryNote(out.Hits[i])
	}
	return s.writeHTML(w, http.StatusOK, "search", p)
}

// searchStories runs the collapsed search that r describes. It returns
// r's parameters, the request as the user gave it (page and size of
// stories) and the page of stories.
func (s *server) searchStories(r *http.Request) (url.Values, *search.Request, *storyResponse, error) {
	ss, ok := s.searcher.(storySearcher)
	if !ok {
		return nil, nil, nil, badParam("collapse", "this index does not group articles into stories")
	}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, nil, nil, &search.Error{Message: "the address's parameters are malformed: " + err.Error()}
	}
	rest := url.Values{}
	for k, vals := range v {
		rest[k] = vals
	}
	if _, err := storyParams(rest); err != nil {
		return nil, nil, nil, err
	}
	req, err := ParseRequest(rest, s.now())
	if err != nil {
		return nil, nil, nil, err
	}
	s.canonical(req)
	window := *req
	window.Page, window.Size, window.Cursor = 1, collapseWindow, ""
	resp, err := s.searcher.Search(r.Context(), &window)
	if err != nil {
		return nil, nil, nil, err
	}
	if resp == nil {
		resp = &search.Response{}
	}
	complete(resp, req)
	out := &storyResponse{Response: *resp, Collapse: "story", Hits: []storyHit{}}
	out.NextCursor = ""
	groups := collapse(resp.Hits, ss.StoryOf)
	from := min((req.Page-1)*req.Size, len(groups))
	for _, h := range groups[from:min(from+req.Size, len(groups))] {
		out.Hits = append(out.Hits, s.storyHitOf(r.Context(), ss, h))
	}
	return v, req, out, nil
}

// storyNote is what the search page says of a hit's story.
type storyNote struct {
	Outlets int        // distinct sources that carried it
	Copies  []copyLink // its other copies
}

// copyLink is another copy of a hit's story.
type copyLink struct {
	Href, Source string
	Published    time.Time
	First        bool
}

// newStoryNote describes h's story; nil when h has no other copy.
func newStoryNote(h storyHit) *storyNote {
	if len(h.Copies) < 2 {
		return nil
	}
	n := &storyNote{Outlets: h.Outlets}
	for _, c := range h.Copies {
		if c.ID != h.ID {
			n.Copies = append(n.Copies, copyLink{Href: docURL(c.ID), Source: c.Source, Published: c.Published, First: c.First})
		}
	}
	return n
}

// collapse keeps the first (best-ranked) hit of each story, in order.
func collapse(hits []search.Hit, storyOf func(string) string) []search.Hit {
	seen := map[string]bool{}
	var out []search.Hit
	for _, h := range hits {
		st := storyOf(h.ID)
		if !seen[st] {
			seen[st] = true
			out = append(out, h)
		}
	}
	return out
}

// storyHitOf is hit h with its story's copies.
func (s *server) storyHitOf(ctx context.Context, ss storySearcher, h search.Hit) storyHit {
	sh := storyHit{Hit: h, Story: ss.StoryOf(h.ID), Outlets: 1, Copies: []story.Copy{}}
	cs, err := ss.Copies(ctx, h.ID)
	if err != nil {
		s.log.Warn("copies failed", "id", h.ID, "err", err)
		return sh
	}
	if len(cs) > 0 {
		sh.Copies, sh.Outlets = cs, outlets(cs)
	}
	return sh
}

// outlets counts the distinct sources of cs (case folded; an unnamed
// source counts once).
func outlets(cs []story.Copy) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[strings.ToLower(strings.TrimSpace(c.Source))] = true
	}
	return len(seen)
}
