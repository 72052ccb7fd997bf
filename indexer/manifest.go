package main

// The manifest
//
// An incremental run must know, for every input file it indexed before,
// what its bytes were and which articles it produced. The manifest holds
// that: input path (absolute, so that a run from another directory finds
// the same keys) -> SHA-256 of the file as stored, and the ids of its
// articles. It is kept in the generation itself (Builder.SetState), so it
// is published atomically with the articles it describes and can never
// disagree with them; a full rebuild (-full, or a new mapping version)
// starts from an empty manifest.
//
// A run hashes each file before anything else (article.Reader.Changed):
//
//   - same hash as in the manifest: nothing is read, its articles stay;
//   - new or different hash: it is read, cleaned and indexed again; its
//     old articles that it no longer produces are deleted, unless some of
//     its documents were skipped this run (a broken line, an empty page):
//     then its old articles are kept, since bad input never loses indexed
//     data;
//   - could not be read at all (no hash): its entry and articles stay;
//   - in the manifest but not seen: if it no longer exists, or is no longer
//     under any SOURCE of this run, its articles are removed; if it exists
//     under a SOURCE (an unreadable directory hid it), they stay.
//
// An id that a changed file gave up but another file now produces is of
// course not deleted.
//
// The manifest also records the SHA-256 of the alias file the articles were
// extracted with. When it differs (another -aliases file, or the file was
// edited), every input counts as changed, so that each article is
// extracted again with the new aliases; inputs that went away are still
// removed.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsfts/newsfts/internal/article"
)

// manifestKey is the name of the manifest in the generation's state.
const manifestKey = "manifest"

// manifest maps each input's absolute path to what the index holds of it.
type manifest map[string]entry

// entry is one input file in the manifest.
type entry struct {
	Sum string   `json:"sum"` // hex SHA-256 of the file's bytes as stored
	IDs []string `json:"ids"` // the articles it produced
}

// manifestFile is the stored form, versioned for later changes.
type manifestFile struct {
	Version int      `json:"version"`
	Aliases string   `json:"aliases"` // hex SHA-256 of the alias file, "" for none
	Inputs  manifest `json:"inputs"`
}

// decodeManifest reads a stored manifest made with the alias file whose
// sum is aliases. If it was made with another, every entry loses its sum,
// so that every input is read again.
func decodeManifest(b []byte, aliases string) (manifest, error) {
	if len(b) == 0 {
		return manifest{}, nil
	}
	var f manifestFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if f.Version != 1 || f.Inputs == nil {
		return manifest{}, nil // unknown: index everything again
	}
	if f.Aliases != aliases {
		for path, e := range f.Inputs {
			e.Sum = ""
			f.Inputs[path] = e
		}
	}
	return f.Inputs, nil
}

func (m manifest) encode(aliases string) ([]byte, error) {
	return json.Marshal(manifestFile{Version: 1, Aliases: aliases, Inputs: m})
}

// aliasesSum is the hex SHA-256 of the alias file at path, "" for none.
func aliasesSum(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("aliases: %w", err)
	}
	return hexSum(sha256.Sum256(b)), nil
}

// ids returns the set of every id in m.
func (m manifest) ids() map[string]bool {
	set := map[string]bool{}
	for _, e := range m {
		for _, id := range e.IDs {
			set[id] = true
		}
	}
	return set
}

func hexSum(s article.Sum) string { return hex.EncodeToString(s[:]) }

// absPath makes path absolute, or leaves it as it is if it cannot.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// vanished reports whether the input at path is gone from this run's
// sources: it no longer exists, or it is under none of roots (absolute).
func vanished(path string, roots []string) bool {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return true
	}
	for _, r := range roots {
		if path == r || strings.HasPrefix(path, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

// changes counts what a run changed, by input file.
type changes struct {
	added, modified, removed, unchanged int
}

func (c changes) total() int { return c.added + c.modified + c.removed }

// reconcile compares what the run saw with the old manifest, as described
// at the top of this file. It returns the new manifest, the ids to delete
// and the counts.
func (r *indexRun) reconcile() (manifest, []string, changes) {
	next := manifest{}
	var gone []string
	var c changes
	for path, old := range r.old {
		in := r.inputs[path]
		switch {
		case in == nil && vanished(path, r.roots):
			gone = append(gone, old.IDs...)
			c.removed++
		case in == nil || in.sum == "":
			next[path] = old // not read this run: keep what we have
		case in.sum == old.Sum:
			next[path] = old
			c.unchanged++
		default:
			e := entry{Sum: in.sum, IDs: in.ids}
			if in.skipped > 0 {
				e.IDs = union(e.IDs, old.IDs)
			}
			next[path] = e
			gone = append(gone, old.IDs...)
			c.modified++
		}
	}
	for path, in := range r.inputs {
		if _, known := r.old[path]; !known && in.sum != "" {
			next[path] = entry{Sum: in.sum, IDs: in.ids}
			c.added++
		}
	}
	keep := next.ids()
	var del []string
	for _, id := range gone {
		if !keep[id] {
			keep[id] = true // once
			del = append(del, id)
		}
	}
	return next, del, c
}

// union returns a followed by the elements of b not in a.
func union(a, b []string) []string {
	seen := map[string]bool{}
	for _, s := range a {
		seen[s] = true
	}
	out := a
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
