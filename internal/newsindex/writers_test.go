package newsindex

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
)

// TestWriters builds with several batches written at once: every article
// arrives, and an id added again after Wait keeps its later copy even when
// the earlier one sits in a batch still being written.
func TestWriters(t *testing.T) {
	tests := []struct {
		writers, batch, n int
	}{
		{1, 1, 40},
		{2, 3, 40},
		{4, 1, 40},
		{8, 7, 100},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("writers %d batch %d", tt.writers, tt.batch), func(t *testing.T) {
			root := t.TempDir()
			b, err := Create(root, Writers(tt.writers), BatchSize(tt.batch))
			if err != nil {
				t.Fatal(err)
			}
			for i := range tt.n {
				if err := b.Add(testArticle(fmt.Sprintf("a%d", i), "first copy")); err != nil {
					t.Fatal(err)
				}
				if i%3 != 0 {
					continue
				}
				// Again at once, as the indexer does for a duplicate id: the
				// first copy's batch may still be being written.
				if err := b.Wait(); err != nil {
					t.Fatal(err)
				}
				if err := b.Add(testArticle(fmt.Sprintf("a%d", i), "second copy")); err != nil {
					t.Fatal(err)
				}
			}
			if n, err := b.DocCount(); err != nil || n != uint64(tt.n) {
				t.Fatalf("DocCount = %d, %v; want %d", n, err, tt.n)
			}
			if _, err := b.Publish(); err != nil {
				t.Fatal(err)
			}
			ix, err := Open(root)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			for i := range tt.n {
				a, err := ix.Doc(context.Background(), fmt.Sprintf("a%d", i))
				want := "first copy"
				if i%3 == 0 {
					want = "second copy"
				}
				if err != nil || a.Title != want {
					t.Fatalf("a%d: %v, title %q, want %q", i, err, a.Title, want)
				}
			}
		})
	}
}

// testArticle returns a small article with the given id and title.
func testArticle(id, title string) *article.Article {
	return &article.Article{ID: id, Title: title, Body: "The river ferry at Kestrel Point resumed service on Friday."}
}
