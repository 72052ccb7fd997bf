package web

// Stories: near-copies of one article grouped by the indexer.
//
// A Searcher that also implements storySearcher (newsindex.Index does)
// knows which story each article belongs to. Three things use it:
//
//   - collapse=story on /api/search and /: one hit per story, the
//     best-ranked copy among the matches (the Searcher collapses, so pages
//     and cursors go by stories), with the story's id, the number of
//     outlets that carried it and every copy (id, source, date; the first
//     seen marked). "total" still counts articles. Exports collapse too.
//   - the article page lists the other copies, which paragraphs each one
//     has that this one lacks, and how many of this one's it lacks.
//   - /api/doc adds "copies" to the article.
//
// count=stories makes the Searcher count facet values and days once per
// story rather than once per article (count=articles, the default).

import (
	"context"
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

// parseStories sets r's story options from collapse= and count=.
func parseStories(v url.Values, r *search.Request) error {
	if v.Has("collapse") {
		if c := v.Get("collapse"); c != "story" {
			return badParam("collapse", "unknown collapse %q: use collapse=story", clip(c))
		}
		r.Collapse = true
	}
	switch n := v.Get("count"); n {
	case "", "articles":
	case "stories":
		r.CountStories = true
	default:
		return badParam("count", "unknown count %q: use count=stories or count=articles", clip(n))
	}
	return nil
}

// storyParam names the story parameter r uses, for an error.
func storyParam(r *search.Request) string {
	if r.Collapse {
		return "collapse"
	}
	return "count"
}

// storyResponse is resp, collapsed by the Searcher, with each hit's story.
func (s *server) storyResponse(ctx context.Context, resp *search.Response) *storyResponse {
	out := &storyResponse{Response: *resp, Collapse: "story", Hits: []storyHit{}}
	ss, ok := s.searcher.(storySearcher)
	for _, h := range resp.Hits {
		if ok {
			out.Hits = append(out.Hits, s.storyHitOf(ctx, ss, h))
		} else {
			out.Hits = append(out.Hits, storyHit{Hit: h, Story: h.ID, Outlets: 1, Copies: []story.Copy{}})
		}
	}
	return out
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
