package newsindex

// Incremental builds.
//
// Create starts a generation from nothing. Update starts it as a copy of
// the served generation, so that a cron run only adds the articles of
// changed inputs and deletes those of removed ones; the publish protocol
// is the same. The served generation is only read, never opened for
// writing.
//
// The copy is cheap: scorch segment files (store/*.zap) are immutable once
// written, so they are hard-linked into the new tmp-* directory, and only
// the rest (root.bolt, which bbolt rewrites in place, and index_meta.json)
// is copied. Linking is safe because scorch never writes into an existing
// segment file: a new segment gets the number after the highest *.zap in
// the directory (maxSegmentIDOnDisk), and every *.zap is linked, so new
// names never meet old ones; merges write new files and unlink the old,
// which removes only the new generation's link. Where links are not
// possible (another filesystem) the segment is copied.
//
// The indexer keeps what it needs to decide what changed (for example a
// content hash per input file and the article ids it produced) as named
// state inside the generation (SetState, State; files, state.go). State
// travels with the copy and is published atomically with the articles it
// describes, so it can never disagree with the index.
//
// A generation records the version of the mapping it was built with. If
// the served generation has another version, Update starts from nothing
// instead, and Base reports "": the caller then adds every article.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// mappingVersion changes whenever newMapping changes in a way that needs
// a full rebuild.
const mappingVersion = "2" // 2: facet fields hold keys, labels in tables

// Internal keys. State keys are prefixed so they never collide with ours.
const (
	versionKey  = "newsfts/mapping-version"
	statePrefix = "newsfts/state/"
)

// Update is like Create, but the new generation starts as a copy of the
// served one when there is one built with the current mapping.
func Update(root string, opts ...Option) (*Builder, error) {
	b, err := Create(root, opts...)
	if err != nil {
		return nil, err
	}
	if err := b.copyCurrent(); err != nil {
		b.Abort()
		return nil, err
	}
	b.reached("cloned")
	return b, nil
}

// copyCurrent replaces the empty build by a copy of the served generation,
// if it has the current mapping version.
func (b *Builder) copyCurrent() error {
	gen, err := readCurrent(b.root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := b.idx.Close(); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	b.idx = nil
	if err := os.RemoveAll(b.tmp); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	if err := cloneDir(filepath.Join(b.root, gen), b.tmp); err != nil {
		return fmt.Errorf("update: copy %s: %w", gen, err)
	}
	if b.idx, err = bleve.Open(b.tmp); err != nil {
		return fmt.Errorf("update: open copy of %s: %w", gen, err)
	}
	b.batch = b.idx.NewBatch()
	if v, err := b.idx.GetInternal([]byte(versionKey)); err != nil || string(v) != mappingVersion {
		return b.restart() // built by another version: start from nothing
	}
	if b.tables, err = readTables(b.idx); err != nil {
		return fmt.Errorf("update: labels of %s: %w", gen, err)
	}
	b.base = gen
	return nil
}

// restart drops the build and starts an empty one.
func (b *Builder) restart() error {
	if err := b.idx.Close(); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	b.idx = nil
	if err := os.RemoveAll(b.tmp); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	return b.start()
}

// Base names the generation the build started from: "" after Create, or
// after Update when there was none or it had another mapping version.
func (b *Builder) Base() string { return b.base }

// Delete queues the removal of the article with the given id. Deleting an
// id that is not there is not an error.
func (b *Builder) Delete(id string) error {
	if b.done {
		return errors.New("newsindex: Delete after Publish or Abort")
	}
	b.batch.Delete(id)
	if b.batch.Size() >= b.batchSize {
		return b.flush()
	}
	return nil
}

// SetState stores value under key in the new generation.
func (b *Builder) SetState(key string, value []byte) error {
	return b.SetStateFrom(key, func(w io.Writer) error {
		_, err := w.Write(value)
		return err
	})
}

// SetStateFrom is SetState for a value that write writes, so that a large
// one need not be held in memory whole.
func (b *Builder) SetStateFrom(key string, write func(io.Writer) error) error {
	if b.done {
		return errors.New("newsindex: SetState after Publish or Abort")
	}
	if err := writeState(b.tmp, key, write); err != nil { // state.go
		return err
	}
	b.batch.DeleteInternal([]byte(statePrefix + key)) // a copied generation's older form
	return nil
}

// State returns the value stored under key: as set by SetState in this
// build, or as published in the generation Update copied. It returns nil
// and no error for a key never set.
func (b *Builder) State(key string) ([]byte, error) {
	if b.done {
		return nil, errors.New("newsindex: State after Publish or Abort")
	}
	if err := b.flush(); err != nil {
		return nil, err
	}
	return readState(b.tmp, b.idx, key)
}

// cloneDir copies the regular files and directories under src to dst,
// which must not exist, hard-linking segment files (see above).
func cloneDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil || strings.HasPrefix(rel, "..") {
			return fmt.Errorf("copy %s: outside %s", path, src)
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.Mkdir(to, 0o755)
		case d.Type().IsRegular() && filepath.Ext(path) == ".zap":
			if os.Link(path, to) == nil {
				return nil
			}
			return copyFile(path, to)
		case d.Type().IsRegular():
			return copyFile(path, to)
		}
		return nil // Bleve writes no links or devices; skip anything else
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}
