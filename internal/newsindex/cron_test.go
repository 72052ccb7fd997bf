package newsindex

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// treeSums maps every file under dir to the SHA-256 of its content.
func treeSums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		sums[path] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// TestUpdateLinksSegmentsAndLeavesThemAlone checks that Update shares the
// served generation's segments by hard links and that adding, deleting
// and publishing never changes a byte of the served generation.
func TestUpdateLinksSegmentsAndLeavesThemAlone(t *testing.T) {
	arts := corpus()
	root := publishCorpus(t, arts[:3])
	g1 := current(t, root)
	before := treeSums(t, filepath.Join(root, g1))

	b, err := Update(root, BatchSize(1))
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for path := range before {
		if filepath.Ext(path) != ".zap" {
			continue
		}
		a, errA := os.Stat(path)
		c, errC := os.Stat(filepath.Join(b.tmp, "store", filepath.Base(path)))
		if errA == nil && errC == nil && os.SameFile(a, c) {
			linked++
		}
	}
	if linked == 0 {
		t.Error("no segment of the served generation is hard-linked into the build")
	}
	b.Delete(arts[0].ID)
	for _, a := range arts[3:] {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := b.DocCount(); err != nil || n != uint64(len(arts)-1) {
		t.Errorf("DocCount = %d, %v; want %d", n, err, len(arts)-1)
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	after := treeSums(t, filepath.Join(root, g1))
	for path, sum := range before {
		if after[path] != sum {
			t.Errorf("%s changed while a later generation was built", path)
		}
	}
}

func TestServed(t *testing.T) {
	root := t.TempDir()
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if gen, n := b.Served(); gen != "" || n != 0 {
		t.Errorf("Served of an empty root = %q, %d", gen, n)
	}
	b.Abort()
	g1 := publish(t, root, corpus()[:2])
	b, err = Create(root)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if gen, n := b.Served(); gen != g1 || n != 2 {
		t.Errorf("Served = %q, %d; want %q, 2", gen, n, g1)
	}
}

func TestHookPoints(t *testing.T) {
	var got []string
	b, err := Create(t.TempDir(), Hook(func(p string) { got = append(got, p) }))
	if err != nil {
		t.Fatal(err)
	}
	b.Add(corpus()[0])
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"written", "synced", "renamed", "published"}; !slices.Equal(got, want) {
		t.Errorf("hook points %v, want %v", got, want)
	}
}

func TestRollback(t *testing.T) {
	root := t.TempDir()
	if _, _, err := Rollback(root); err == nil {
		t.Error("Rollback with nothing published succeeded")
	}
	g1 := publish(t, root, corpus()[:1])
	if _, _, err := Rollback(root); !errors.Is(err, ErrNoPrevious) {
		t.Errorf("Rollback with one generation: %v, want ErrNoPrevious", err)
	}
	g2 := publish(t, root, corpus())
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Rollback(root); !errors.Is(err, ErrLocked) {
		t.Errorf("Rollback while building: %v, want ErrLocked", err)
	}
	b.Abort()

	from, to, err := Rollback(root)
	if err != nil || from != g2 || to != g1 || current(t, root) != g1 {
		t.Fatalf("Rollback = %q, %q, %v; CURRENT %q; want %q -> %q", from, to, err, current(t, root), g2, g1)
	}
	if swapped, err := ix.Reload(); !swapped || err != nil || ix.Stats().Docs != 1 {
		t.Errorf("reader after rollback: swapped %v, %v, %d docs", swapped, err, ix.Stats().Docs)
	}
	if _, _, err := Rollback(root); !errors.Is(err, ErrNoPrevious) {
		t.Errorf("second Rollback: %v, want ErrNoPrevious", err)
	}
	g3 := publish(t, root, corpus()[:2]) // prunes g2, keeps g1 (served before)
	if got := dirs(t, root, genPrefix); !slices.Equal(got, []string{g1, g3}) {
		t.Errorf("after publishing past a rollback: %v, want [%s %s]", got, g1, g3)
	}
}

// TestWatchNoticesCurrent checks the directory watch alone: the rescan
// interval is far longer than the test may take.
func TestWatchNoticesCurrent(t *testing.T) {
	root := publishCorpus(t, corpus()[:1])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { ix.Watch(ctx, time.Hour, nil); close(done) }()
	defer func() { cancel(); <-done }()
	gen := publish(t, root, corpus())
	giveUp := time.After(30 * time.Second)
	for ix.Stats().Generation != gen {
		select {
		case <-giveUp:
			t.Fatal("the directory watch did not reload the new generation")
		case <-time.After(200 * time.Millisecond):
			// The watch may have been set up after the publish: rewrite
			// CURRENT, as a publish does, until it is seen.
			if err := writeCurrent(root, gen); err != nil {
				t.Fatal(err)
			}
		}
	}
	if swaps, failures := ix.Reloads(); swaps != 1 || failures != 0 {
		t.Errorf("Reloads = %d swaps, %d failures; want 1, 0", swaps, failures)
	}
}

func TestServedStateAndBusy(t *testing.T) {
	root := t.TempDir()
	if gen, v, n, err := ServedState(root, "manifest"); gen != "" || v != nil || n != 0 || err != nil {
		t.Errorf("ServedState of an empty root = %q, %q, %d, %v", gen, v, n, err)
	}
	if Busy(root) {
		t.Error("Busy with no lock file")
	}
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if !Busy(root) {
		t.Error("not Busy while a Builder holds the lock")
	}
	for _, a := range corpus()[:2] {
		b.Add(a)
	}
	b.SetState("manifest", []byte("m1"))
	gen, err := b.Publish()
	if err != nil {
		t.Fatal(err)
	}
	if Busy(root) {
		t.Error("Busy after Publish")
	}
	if g, v, n, err := ServedState(root, "manifest"); g != gen || string(v) != "m1" || n != 2 || err != nil {
		t.Errorf("ServedState = %q, %q, %d, %v; want %q, m1, 2", g, v, n, err, gen)
	}
}
