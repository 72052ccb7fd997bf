package newsindex

// Publish protocol
//
// An index root holds whole Bleve indexes side by side, one per generation,
// and a pointer to the one to serve:
//
//	root/LOCK                  flocked by the one Builder at work (never by readers)
//	root/CURRENT               one line: the name of the served generation
//	root/gen-20261121T222459.123456789Z/   a complete Bleve index
//	root/gen-.../              the previous generation, kept for rollback
//	root/tmp-3f9a0c.../        a generation being built
//
// A Builder takes LOCK, removes tmp-* directories left by a crashed run, and
// builds the new generation in a fresh tmp-* directory. Publish then:
//
//  1. writes the last batch and closes the Bleve index, so every segment
//     is on disk and nothing holds the directory;
//  2. fsyncs every file and directory of the build;
//  3. renames tmp-XXXX to gen-<UTC timestamp> and fsyncs root, so the
//     generation exists under its final name before anything points at it;
//  4. writes CURRENT.tmp with the generation's name, fsyncs it, renames it
//     over CURRENT (rename is atomic) and fsyncs root again;
//  5. prunes generations other than the new one and the previous one, but
//     never one that a reader has open (see inUse);
//  6. releases LOCK.
//
// A crash before step 4's rename leaves CURRENT naming the old generation,
// complete and untouched, and a tmp-* or unreferenced gen-* directory that
// the next run removes. A crash after it leaves the new generation served.
// Readers (Open, Reload) only ever open what CURRENT names, read-only, so a
// reader never sees a half-written index and never blocks the builder,
// which writes a different directory. The Hook option names the points
// between these steps ("written" after 1, "synced" after 2, "renamed"
// after 3, "published" after 4) so that a test can kill a build there.
//
// Rollback takes LOCK too and points CURRENT, by the same atomic rename,
// at the newest generation older than the served one: the one Publish
// kept. The generation rolled back from stays on disk until the next
// Publish prunes it; a reader swaps back as it would after a publish.
//
// Generation names sort by time: a fixed-width UTC timestamp with
// nanoseconds, bumped if needed so that a new name sorts after every
// existing one even if the clock went back.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

const (
	lockName    = "LOCK"
	currentName = "CURRENT"
	tmpPrefix   = "tmp-"
	genPrefix   = "gen-"
	genLayout   = "20060102T150405.000000000Z"
)

// Publish writes what is left, closes the new generation, makes it the
// served one atomically, prunes old generations and releases the lock. It
// returns the generation's name. On error the served generation is
// unchanged and the Builder is finished (Abort does nothing more).
func (b *Builder) Publish() (gen string, err error) {
	if b.done {
		return "", errors.New("newsindex: Publish after Publish or Abort")
	}
	defer func() {
		if err != nil {
			b.Abort()
		}
	}()
	if err := b.tables.write(b.batch); err != nil {
		return "", err
	}
	if err := b.flush(); err != nil {
		return "", err
	}
	err = b.idx.Close()
	b.idx = nil
	if err != nil {
		return "", fmt.Errorf("close new index: %w", err)
	}
	b.reached("written")
	if err := syncTree(b.tmp); err != nil {
		return "", fmt.Errorf("sync new index: %w", err)
	}
	b.reached("synced")
	prev, _ := readCurrent(b.root) // none yet, or damaged: replaced below
	if gen, err = b.rename(); err != nil {
		return "", err
	}
	b.reached("renamed")
	if err := writeCurrent(b.root, gen); err != nil {
		return "", err
	}
	b.done = true
	b.reached("published")
	pruneErr := prune(b.root, gen, prev)
	b.release()
	if pruneErr != nil {
		return gen, fmt.Errorf("published %s, but: %w", gen, pruneErr)
	}
	return gen, nil
}

// ErrNoPrevious is returned by Rollback when no older generation is left.
var ErrNoPrevious = errors.New("no previous generation to roll back to")

// Rollback makes the generation published before the served one the
// served one again, atomically and under the root's lock (an error
// wrapping ErrLocked if an indexer is at work). It returns the generation
// served before and after.
func Rollback(root string) (from, to string, err error) {
	lock, err := lockRoot(root)
	if err != nil {
		return "", "", err
	}
	defer lock.Close()
	if from, err = readCurrent(root); err != nil {
		return "", "", fmt.Errorf("rollback: %w", err)
	}
	gens, err := generations(root)
	if err != nil {
		return "", "", err
	}
	for _, g := range gens {
		if g < from && complete(filepath.Join(root, g)) {
			to = g // the newest older one wins: gens are sorted
		}
	}
	if to == "" {
		return from, "", fmt.Errorf("rollback from %s: %w", from, ErrNoPrevious)
	}
	if err := writeCurrent(root, to); err != nil {
		return from, "", fmt.Errorf("rollback: %w", err)
	}
	return from, to, nil
}

// complete reports whether dir looks like a whole Bleve index.
func complete(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// rename moves the finished build to its generation name.
func (b *Builder) rename() (string, error) {
	gen, err := nextGen(b.root, time.Now())
	if err != nil {
		return "", err
	}
	if err := os.Rename(b.tmp, filepath.Join(b.root, gen)); err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	b.tmp = ""
	if err := syncDir(b.root); err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	return gen, nil
}

// nextGen names a generation for time now that sorts after every
// generation in root.
func nextGen(root string, now time.Time) (string, error) {
	gens, err := generations(root)
	if err != nil {
		return "", err
	}
	t := now.UTC()
	if len(gens) > 0 {
		last, _ := genTime(gens[len(gens)-1])
		if !t.After(last) {
			t = last.Add(time.Nanosecond)
		}
	}
	return genPrefix + t.Format(genLayout), nil
}

// genTime is when generation gen was published.
func genTime(gen string) (time.Time, bool) {
	t, err := time.Parse(genLayout, strings.TrimPrefix(gen, genPrefix))
	return t, err == nil
}

// generations lists root's gen-* directories, oldest first.
func generations(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("read index root: %w", err)
	}
	var gens []string
	for _, e := range entries {
		if _, ok := genTime(e.Name()); ok && e.IsDir() {
			gens = append(gens, e.Name())
		}
	}
	sort.Strings(gens)
	return gens, nil
}

// readCurrent returns the generation CURRENT names. The error wraps
// fs.ErrNotExist when nothing was ever published.
func readCurrent(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, currentName))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", currentName, err)
	}
	gen := strings.TrimSpace(string(b))
	if _, ok := genTime(gen); !ok {
		return "", fmt.Errorf("%s in %s names %q, which is not a generation", currentName, root, gen)
	}
	return gen, nil
}

// writeCurrent points CURRENT at gen atomically.
func writeCurrent(root, gen string) error {
	tmp := filepath.Join(root, currentName+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", currentName, err)
	}
	_, err = f.WriteString(gen + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(root, currentName))
	}
	if err == nil {
		err = syncDir(root)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", currentName, err)
	}
	return nil
}

// prune removes generations other than keep ones, skipping any in use.
func prune(root string, keep ...string) error {
	gens, err := generations(root)
	if err != nil {
		return err
	}
	var errs []error
	for _, g := range gens {
		dir := filepath.Join(root, g)
		if contains(keep, g) || inUse(dir) {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, fmt.Errorf("prune %s: %w", g, err))
		}
	}
	return errors.Join(errs...)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// inUse reports whether a reader has generation dir open. Bleve's scorch
// store opens its root.bolt with bbolt, which holds a shared flock on it
// while open read-only; an exclusive non-blocking flock then fails. When
// in doubt (the file cannot be opened), the generation is kept.
func inUse(dir string) bool {
	f, err := os.Open(filepath.Join(dir, "store", "root.bolt"))
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if err != nil {
		return true
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}

// syncTree fsyncs every file and directory under dir.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return syncPath(path)
	})
}

// syncDir fsyncs a directory, so that the names in it are durable.
func syncDir(dir string) error { return syncPath(dir) }

// syncPath fsyncs one file or directory.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
