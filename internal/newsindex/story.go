package newsindex

// Stories.
//
// The indexer groups near-copies of one story (package story) and keeps the
// grouping in the generation's state under StoriesKey, beside its manifest:
// signatures, story ids, sources and dates of every article. The grouping
// is not in the documents themselves: a story id can then change (an
// incremental run removes or adds copies) without writing the unchanged
// documents again. searchd reads the state once when it opens a
// generation and answers "which story is this article in, and what are its
// other copies" from memory, keeping only the stories that have copies and
// none of the signatures (story.Groups).

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/newsfts/newsfts/internal/story"
)

// StoriesKey names the grouping of articles into stories in a
// generation's state (Builder.SetState).
const StoriesKey = "stories"

// readStories returns the grouping stored in idx, or nil when there is
// none or it cannot be read: an index without stories still serves, each
// article its own story.
func readStories(dir string, idx bleve.Index) *story.Groups {
	var s *story.Groups
	err := mapState(dir, StoriesKey, func(b []byte) (err error) {
		s, err = story.DecodeGroups(b)
		return err
	})
	if err == nil {
		return s
	}
	b, err := readState(dir, idx, StoriesKey) // an older generation's, or a file that would not map
	if err != nil || len(b) == 0 {
		return nil
	}
	if s, err = story.DecodeGroups(b); err != nil {
		return nil
	}
	return s
}

// Copies returns the articles of article id's story, itself included,
// earliest-published first (marked First); nil when it has no other copy
// or the index holds no stories.
func (ix *Index) Copies(ctx context.Context, id string) ([]story.Copy, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, fmt.Errorf("copies: %w", ErrClosed)
	}
	if ix.cur.stories == nil {
		return nil, nil
	}
	return ix.cur.stories.CopiesOf(id), nil
}

// StoryOf returns the story id of article id: the id of its story's
// founder, or id itself when the index holds no story for it.
func (ix *Index) StoryOf(id string) string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil || ix.cur.stories == nil {
		return id
	}
	if s := ix.cur.stories.Story(id); s != "" {
		return s
	}
	return id
}

// ownCopies returns id and the ids of its story's other copies: what more
// like this leaves out.
func (g *generation) ownCopies(id string) []string {
	ids := []string{id}
	if g.stories == nil {
		return ids
	}
	for _, c := range g.stories.CopiesOf(id) {
		if c.ID != id {
			ids = append(ids, c.ID)
		}
	}
	return ids
}
