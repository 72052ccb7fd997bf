package newsindex

import (
	"context"
	"slices"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/story"
)

// publishStories publishes arts with a grouping made from their bodies,
// as the indexer does.
func publishStories(t *testing.T, arts []*article.Article) *Index {
	t.Helper()
	root := t.TempDir()
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	set := story.New(story.DefaultThreshold)
	for _, a := range arts {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
		sig, n := story.SignArticle(a.Title, a.Body)
		set.Add(story.Member{ID: a.ID, Source: a.Source, Published: a.Published, Sig: &sig, Shingles: n})
	}
	set.Assign()
	state, err := set.Encode()
	if err == nil {
		err = b.SetState(StoriesKey, state)
	}
	if err == nil {
		_, err = b.Publish()
	}
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestSimilarLeavesOutCopies checks that more like this never offers a
// copy of the article itself, and that StoryOf and Copies read the
// grouping.
func TestSimilarLeavesOutCopies(t *testing.T) {
	arts := corpus()
	var copy1 *article.Article
	for _, a := range arts {
		if a.ID == "a2" {
			c := *a
			c.ID, c.Source = "a2-copy", "Another Outlet"
			copy1 = &c
		}
	}
	if copy1 == nil {
		t.Fatal("corpus has no a2")
	}
	ix := publishStories(t, append(arts, copy1))
	got, err := ix.Similar(context.Background(), "a2", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range got {
		if h.ID == "a2-copy" || h.ID == "a2" {
			t.Errorf("Similar(a2) offers %s", h.ID)
		}
	}
	if len(got) == 0 {
		t.Error("Similar(a2) found nothing")
	}
	for _, tc := range []struct {
		id, story string
		copies    []string
	}{
		{"a2-copy", "a2", []string{"a2", "a2-copy"}},
		{"a3", "a3", nil},
		{"nope", "nope", nil},
	} {
		if s := ix.StoryOf(tc.id); s != tc.story {
			t.Errorf("StoryOf(%s) = %q, want %q", tc.id, s, tc.story)
		}
		cs, err := ix.Copies(context.Background(), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(ids, tc.copies) {
			t.Errorf("Copies(%s) = %q, want %q", tc.id, ids, tc.copies)
		}
	}
}
