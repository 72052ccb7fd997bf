package newsindex

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

func TestSimilar(t *testing.T) {
	ix := openCorpus(t)
	tests := []struct {
		id    string
		first string // the best match
		never string // an article sharing nothing with id
	}{
		{"a2", "a5", "a3"}, // MIT and battery words: the other battery article
		{"a5", "a2", "a1"},
		{"a1", "a4", "a3"}, // Erdoğan and Türkiye
		{"a3", "a8", "a2"}, // Istanbul, harbour and ports
	}
	for _, tt := range tests {
		got, err := ix.Similar(context.Background(), tt.id, 3)
		if err != nil {
			t.Fatalf("Similar(%s): %v", tt.id, err)
		}
		var ids []string
		for _, h := range got {
			ids = append(ids, h.ID)
		}
		if len(ids) == 0 || ids[0] != tt.first || slices.Contains(ids, tt.id) || slices.Contains(ids, tt.never) {
			t.Errorf("Similar(%s) = %v, want %s first, without %s and %s", tt.id, ids, tt.first, tt.id, tt.never)
		}
		if len(ids) > 3 {
			t.Errorf("Similar(%s, 3) gave %d hits", tt.id, len(ids))
		}
	}
	if _, err := ix.Similar(context.Background(), "nope", 3); !errors.Is(err, search.ErrNotFound) {
		t.Errorf("Similar(nope) error = %v, want ErrNotFound", err)
	}
}

// TestSimilarKept checks that a repeated Similar answers from the
// generation's cache with the same hits, unchanged by what a caller did
// to the first answer.
func TestSimilarKept(t *testing.T) {
	ix := openCorpus(t)
	first, err := ix.Similar(t.Context(), "a1", 3)
	if err != nil || len(first) == 0 {
		t.Fatalf("similar: %v, %d hits", err, len(first))
	}
	want := copyHits(first)
	if _, ok := ix.cur.similar.get("3 a1"); !ok {
		t.Error("the answer was not kept")
	}
	first[0].Title = "changed by a caller"
	again, err := ix.Similar(t.Context(), "a1", 3)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("second answer %+v (%v), want %+v", again, err, want)
	}
}
