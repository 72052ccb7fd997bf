package newsindex

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// dirs lists root's entries whose names start with prefix.
func dirs(t *testing.T, root, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

func current(t *testing.T, root string) string {
	t.Helper()
	gen, err := readCurrent(root)
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

func TestCreateLocks(t *testing.T) {
	root := t.TempDir()
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(root); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Create: err = %v, want ErrLocked", err)
	}
	if err := b.Abort(); err != nil {
		t.Fatal(err)
	}
	b, err = Create(root)
	if err != nil {
		t.Fatalf("Create after Abort: %v", err)
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	b, err = Create(root)
	if err != nil {
		t.Fatalf("Create after Publish: %v", err)
	}
	b.Abort()
}

func TestCreateRemovesLeftovers(t *testing.T) {
	root := t.TempDir()
	left := filepath.Join(root, "tmp-crashed", "store")
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if got := dirs(t, root, "tmp-"); len(got) != 1 || got[0] == "tmp-crashed" {
		t.Errorf("tmp dirs after Create: %v, want only the new build", got)
	}
}

func TestAbortKeepsCurrent(t *testing.T) {
	root := publishCorpus(t, corpus()[:2])
	gen := current(t, root)
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add(corpus()[2]); err != nil {
		t.Fatal(err)
	}
	if err := b.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := current(t, root); got != gen {
		t.Errorf("CURRENT = %s after Abort, want %s", got, gen)
	}
	if got := dirs(t, root, "tmp-"); len(got) != 0 {
		t.Errorf("tmp dirs after Abort: %v", got)
	}
	if err := b.Add(corpus()[3]); err == nil {
		t.Error("Add after Abort succeeded")
	}
}

func TestAddRejects(t *testing.T) {
	b, err := Create(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	for _, a := range []*article.Article{nil, {}, {ID: "  ", Title: "no id"}} {
		if err := b.Add(a); err == nil {
			t.Errorf("Add(%+v) succeeded", a)
		}
	}
}

func TestOpenWithoutPublish(t *testing.T) {
	_, err := Open(t.TempDir())
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of an empty root: err = %v, want ErrNotExist", err)
	}
}

// TestReloadDuringSearches publishes a new generation and swaps it in
// while searches run: none may fail, and afterwards all see the new one.
func TestReloadDuringSearches(t *testing.T) {
	arts := corpus()
	root := publishCorpus(t, arts[:4])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	first := ix.Stats()
	if first.Docs != 4 {
		t.Fatalf("docs %d, want 4", first.Docs)
	}

	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				r := &search.Request{Query: q(word("the")), Filters: map[search.Facet][]string{search.Sources: {"Harbor Times"}}}
				if _, err := ix.Search(ctx, r); err != nil && ctx.Err() == nil {
					errs <- err
					return
				}
			}
		}()
	}

	gen := publish(t, root, arts) // the reader does not block the builder
	swapped, err := ix.Reload()
	if err != nil || !swapped {
		t.Fatalf("Reload = %v, %v; want true, nil", swapped, err)
	}
	time.Sleep(10 * time.Millisecond) // let searches run on the new generation too
	stop()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("search during reload: %v", err)
	}

	st := ix.Stats()
	if st.Generation != gen || st.Docs != uint64(len(arts)) || !st.Published.After(first.Published) {
		t.Errorf("stats after reload %+v, want generation %s with %d docs, later than %v", st, gen, len(arts), first.Published)
	}
	resp := mustSearch(t, ix, &search.Request{Query: q(word("harbour"))})
	if got := sorted(ids(resp)); !slices.Equal(got, []string{"a6", "a8"}) {
		t.Errorf("after reload: %v", got)
	}
	if swapped, err := ix.Reload(); swapped || err != nil {
		t.Errorf("second Reload = %v, %v; want false, nil", swapped, err)
	}
}

// TestPruneKeepsServedAndPrevious publishes generations while a reader
// serves an old one: the served one and the previous one survive.
func TestPruneKeepsServedAndPrevious(t *testing.T) {
	arts := corpus()
	root := t.TempDir()
	g1 := publish(t, root, arts[:1])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	g2 := publish(t, root, arts[:2])
	g3 := publish(t, root, arts[:3])
	if got, want := dirs(t, root, "gen-"), []string{g1, g2, g3}; !slices.Equal(got, want) {
		t.Fatalf("generations %v, want %v (g1 served, g2 previous)", got, want)
	}
	if _, err := ix.Reload(); err != nil {
		t.Fatal(err)
	}
	g4 := publish(t, root, arts[:4])
	if got, want := dirs(t, root, "gen-"), []string{g3, g4}; !slices.Equal(got, want) {
		t.Errorf("generations %v, want %v", got, want)
	}
	if got := current(t, root); got != g4 {
		t.Errorf("CURRENT = %s, want %s", got, g4)
	}
}

func TestTwoReadersShareAGeneration(t *testing.T) {
	root := publishCorpus(t, corpus())
	var readers []*Index
	for range 2 {
		ix, err := Open(root)
		if err != nil {
			t.Fatalf("Open while another reader has it open: %v", err)
		}
		defer ix.Close()
		readers = append(readers, ix)
	}
	for i, ix := range readers {
		if resp := mustSearch(t, ix, &search.Request{}); resp.Total != 8 {
			t.Errorf("reader %d: total %d, want 8", i, resp.Total)
		}
	}
}

func TestNextGenSortsAfterExisting(t *testing.T) {
	root := t.TempDir()
	later := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Mkdir(filepath.Join(root, genPrefix+later.Format(genLayout)), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []time.Time{later.Add(-time.Hour), later, later.Add(time.Hour)}
	for _, now := range tests {
		gen, err := nextGen(root, now)
		if err != nil {
			t.Fatal(err)
		}
		if gen <= genPrefix+later.Format(genLayout) {
			t.Errorf("nextGen at %v = %s, not after the existing generation", now, gen)
		}
	}
}

func TestWatchReloads(t *testing.T) {
	root := publishCorpus(t, corpus()[:1])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	gen := publish(t, root, corpus())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { ix.Watch(ctx, time.Millisecond, nil); close(done) }()
	giveUp := time.After(30 * time.Second)
	for ix.Stats().Generation != gen {
		select {
		case <-giveUp:
			t.Fatal("Watch did not reload the new generation")
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	<-done
}

func TestPublishRepairsDamagedCurrent(t *testing.T) {
	root := publishCorpus(t, corpus()[:1])
	if err := os.WriteFile(filepath.Join(root, currentName), []byte("garbage\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(root); err == nil {
		t.Fatal("Open with a damaged CURRENT succeeded")
	}
	gen := publish(t, root, corpus())
	if got := current(t, root); got != gen {
		t.Errorf("CURRENT = %s, want %s", got, gen)
	}
}
