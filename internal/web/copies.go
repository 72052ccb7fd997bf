package web

import (
	"context"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/story"
)

// maxCopiesShown bounds the copies an article page lists (and reads).
const maxCopiesShown = 20

// copyView is one copy of the article's story on the article page.
type copyView struct {
	Href      string
	Source    string
	Published time.Time
	First     bool     // the story's earliest-published copy
	Self      bool     // the article the page shows
	Extra     []string // its paragraphs the article lacks
	Lacks     int      // the article's paragraphs it lacks
}

// copyViews lists the copies of a's story with how their paragraphs
// differ from a's; nil when the index has no story with other copies.
func (s *server) copyViews(ctx context.Context, a *article.Article) []copyView {
	ss, ok := s.searcher.(storySearcher)
	if !ok {
		return nil
	}
	cs, err := ss.Copies(ctx, a.ID)
	if err != nil {
		s.log.Warn("copies failed", "id", a.ID, "err", err)
		return nil
	}
	mine := paragraphSet(a.Paragraphs())
	var out []copyView
	for _, c := range cs[:min(len(cs), maxCopiesShown)] {
		v := copyView{Href: docURL(c.ID), Source: c.Source, Published: c.Published, First: c.First, Self: c.ID == a.ID}
		if !v.Self {
			if other, err := s.searcher.Doc(ctx, c.ID); err == nil && other != nil {
				v.Extra, v.Lacks = diffParagraphs(mine, other.Paragraphs())
			}
		}
		out = append(out, v)
	}
	return out
}

// paragraphSet holds the paragraphs of an article by their key.
func paragraphSet(ps []string) map[string]bool {
	set := make(map[string]bool, len(ps))
	for _, p := range ps {
		set[paragraphKey(p)] = true
	}
	return set
}

// paragraphKey folds case and spacing, so that a re-wrapped paragraph is
// the same paragraph.
func paragraphKey(p string) string {
	return strings.ToLower(strings.Join(strings.Fields(p), " "))
}

// diffParagraphs returns the paragraphs of other that mine lacks and the
// number of mine that other lacks: a set difference, blind to order.
func diffParagraphs(mine map[string]bool, other []string) (extra []string, lacks int) {
	theirs := paragraphSet(other)
	for _, p := range other {
		if !mine[paragraphKey(p)] {
			extra = append(extra, p)
		}
	}
	for k := range mine {
		if !theirs[k] {
			lacks++
		}
	}
	return extra, lacks
}

// docWithCopies is an article as /api/doc writes it, with its story's
// copies when it has any.
type docWithCopies struct {
	*article.Article
	Copies []story.Copy `json:"copies,omitempty"`
}

// withCopies adds the copies of a's story, if the index knows them.
func (s *server) withCopies(ctx context.Context, a *article.Article) any {
	ss, ok := s.searcher.(storySearcher)
	if !ok {
		return a
	}
	cs, err := ss.Copies(ctx, a.ID)
	if err != nil || len(cs) == 0 {
		return a
	}
	return docWithCopies{Article: a, Copies: cs}
}
