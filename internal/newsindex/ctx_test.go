package newsindex

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

func TestSearchCancelled(t *testing.T) {
	ix := openCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ix.Search(ctx, &search.Request{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestClosed(t *testing.T) {
	ix, err := Open(publishCorpus(t, corpus()))
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(t.Context(), &search.Request{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Search after Close: %v", err)
	}
	if _, err := ix.Doc(t.Context(), "a1"); !errors.Is(err, ErrClosed) {
		t.Errorf("Doc after Close: %v", err)
	}
	if _, err := ix.Reload(); !errors.Is(err, ErrClosed) {
		t.Errorf("Reload after Close: %v", err)
	}
	ix.Watch(t.Context(), time.Millisecond, nil) // returns at once: closed
	if err := ix.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
