package newsindex

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStateInFiles checks that state is a file of the published
// generation (not a Bleve internal value, which an open index keeps in
// memory), that Update and ServedState read it, that a generation that
// kept state as an internal value is still read, and that a key that is
// no file name is refused.
func TestStateInFiles(t *testing.T) {
	root := t.TempDir()
	b, err := Create(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range corpus()[:2] {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.SetState("manifest", []byte("files v1")); err != nil {
		t.Fatal(err)
	}
	if err := b.SetState("../escape", []byte("x")); err == nil {
		t.Error("a key with a path was accepted")
	}
	gen, err := b.Publish()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(root, gen, stateDir, "manifest")); err != nil || string(got) != "files v1" {
		t.Fatalf("state file: %q, %v", got, err)
	}
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ix.cur.idx.GetInternal([]byte(statePrefix + "manifest")); v != nil {
		t.Errorf("the state is also an internal value: %q", v)
	}
	ix.Close()
	if _, v, _, err := ServedState(root, "manifest"); err != nil || string(v) != "files v1" {
		t.Errorf("ServedState: %q, %v", v, err)
	}

	// A generation of before: the state as an internal value, no file.
	u, err := Update(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(u.tmp, stateDir)); err != nil {
		t.Fatal(err)
	}
	u.batch.SetInternal([]byte(statePrefix+"manifest"), []byte("internal v0"))
	if v, err := u.State("manifest"); err != nil || string(v) != "internal v0" {
		t.Fatalf("State of an older generation: %q, %v", v, err)
	}
	if _, err := u.Publish(); err != nil {
		t.Fatal(err)
	}
	if _, v, _, err := ServedState(root, "manifest"); err != nil || string(v) != "internal v0" {
		t.Errorf("ServedState of an older generation: %q, %v", v, err)
	}

	// Updating it moves the state to a file again.
	u, err = Update(root)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := u.State("manifest"); err != nil || string(v) != "internal v0" {
		t.Fatalf("State copied by Update: %q, %v", v, err)
	}
	if err := u.SetState("manifest", []byte("files v2")); err != nil {
		t.Fatal(err)
	}
	if v, err := u.State("manifest"); err != nil || string(v) != "files v2" {
		t.Fatalf("State after SetState: %q, %v", v, err)
	}
	if _, err := u.Publish(); err != nil {
		t.Fatal(err)
	}
	if _, v, _, err := ServedState(root, "manifest"); err != nil || string(v) != "files v2" {
		t.Errorf("ServedState after the update: %q, %v", v, err)
	}
}
