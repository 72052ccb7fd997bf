package newsindex

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

func TestUpdate(t *testing.T) {
	arts := corpus()
	root := t.TempDir()

	b, err := Update(root)
	if err != nil {
		t.Fatal(err)
	}
	if b.Base() != "" {
		t.Errorf("Base of a first build = %q, want empty", b.Base())
	}
	for _, a := range arts[:4] {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	b.SetState("manifest", []byte("v1"))
	g1, err := b.Publish()
	if err != nil {
		t.Fatal(err)
	}

	ix, err := Open(root) // a reader of g1 while Update copies it
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b, err = Update(root, BatchSize(1))
	if err != nil {
		t.Fatal(err)
	}
	if b.Base() != g1 {
		t.Errorf("Base = %q, want %q", b.Base(), g1)
	}
	if v, err := b.State("manifest"); err != nil || string(v) != "v1" {
		t.Errorf("State = %q, %v; want v1", v, err)
	}
	if v, err := b.State("never set"); v != nil || err != nil {
		t.Errorf("State of an unknown key = %q, %v; want nil, nil", v, err)
	}
	b.Delete("a1")
	b.Delete("no such id")
	b.Add(arts[4])
	b.SetState("manifest", []byte("v2"))
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}

	if _, err := ix.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := sorted(ids(mustSearch(t, ix, &search.Request{}))); !slices.Equal(got, []string{"a2", "a3", "a4", "a5"}) {
		t.Errorf("after update: %v", got)
	}
	if _, err := ix.Doc(t.Context(), "a1"); !errors.Is(err, search.ErrNotFound) {
		t.Errorf("deleted a1: err = %v", err)
	}
	b, err = Update(root)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if v, _ := b.State("manifest"); string(v) != "v2" {
		t.Errorf("State after the second publish = %q, want v2", v)
	}
}

func TestUpdateOtherMappingVersion(t *testing.T) {
	root := t.TempDir()
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	b.Add(corpus()[0])
	b.SetState("manifest", []byte("old"))
	if err := b.idx.SetInternal([]byte(versionKey), []byte("0")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	b, err = Update(root)
	if err != nil {
		t.Fatal(err)
	}
	if b.Base() != "" {
		t.Errorf("Base = %q, want a fresh build", b.Base())
	}
	if v, err := b.State("manifest"); v != nil || err != nil {
		t.Errorf("State = %q, %v; want nothing", v, err)
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := ix.Stats().Docs; n != 0 {
		t.Errorf("docs %d, want 0", n)
	}
}

// TestSegmentCap checks that a published generation, built whole or
// updated from a copy, bounds its segments at MaxSegmentDocs: Bleve reads
// the merge options from the index's meta file (padded with NULs).
func TestSegmentCap(t *testing.T) {
	root := t.TempDir()
	for i, arts := range [][]*article.Article{corpus()[:2], corpus()[2:4]} {
		gen := publishWith(t, Update, root, arts)
		raw, err := os.ReadFile(filepath.Join(root, gen, "index_meta.json"))
		if err != nil {
			t.Fatal(err)
		}
		var meta struct {
			Config struct {
				Plan struct{ MaxSegmentSize int } `json:"scorchMergePlanOptions"`
			} `json:"config"`
		}
		if err := json.Unmarshal(bytes.TrimRight(raw, "\x00 "), &meta); err != nil || meta.Config.Plan.MaxSegmentSize != MaxSegmentDocs {
			t.Errorf("build %d: index_meta.json %s (%v), want MaxSegmentSize %d", i, raw, err, MaxSegmentDocs)
		}
	}
}
