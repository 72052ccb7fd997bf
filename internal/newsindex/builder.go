package newsindex

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/newsfts/newsfts/internal/article"
)

// ErrLocked is returned by Create when another indexer holds the lock on
// the index root.
var ErrLocked = errors.New("another indexer is running on this index (its lock is held); let it finish, or run this one later")

// DefaultBatchSize is how many articles Add gathers before writing them.
const DefaultBatchSize = 2000

// Option configures a Builder.
type Option func(*Builder)

// BatchSize sets how many articles are written to Bleve at a time.
// Values below 1 mean DefaultBatchSize.
func BatchSize(n int) Option {
	return func(b *Builder) {
		if n > 0 {
			b.batchSize = n
		}
	}
}

// Hook sets a function that the Builder calls with the name of each step
// it reaches: "cloned" when Update has copied the served generation, then
// the steps of Publish ("written", "synced", "renamed", "published"; see
// publish.go). Tests use it to stop a build at a chosen point.
func Hook(f func(point string)) Option {
	return func(b *Builder) { b.hook = f }
}

// Builder writes a new generation of the index beside the served one.
// It holds the root's lock from Create until Publish or Abort.
type Builder struct {
	root      string
	lock      *os.File    // root/LOCK, flocked exclusively
	tmp       string      // the generation being built: root/tmp-XXXX
	idx       bleve.Index // open on tmp until Publish or Abort
	batch     *bleve.Batch
	batchSize int
	added     int     // articles added
	base      string  // generation copied by Update, if any
	tables    *tables // facet labels and aliases, written at Publish
	served    string  // generation CURRENT named at Create, if any
	docs      uint64  // its document count
	hook      func(point string)
	done      bool
}

// Create starts a new generation under root, making root if needed. It
// returns an error wrapping ErrLocked if another Builder (in any process)
// is working on root, and removes temporary directories that a crashed
// run left behind.
func Create(root string, opts ...Option) (*Builder, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("create index root: %w", err)
	}
	lock, err := lockRoot(root)
	if err != nil {
		return nil, err
	}
	b := &Builder{root: root, lock: lock, batchSize: DefaultBatchSize, tables: newTables()}
	for _, o := range opts {
		o(b)
	}
	b.served, b.docs = servedDocs(root)
	if err := b.start(); err != nil {
		b.release()
		return nil, err
	}
	return b, nil
}

// servedDocs names the served generation and counts its documents; it
// returns "" and 0 when none can be opened.
func servedDocs(root string) (string, uint64) {
	gen, _, docs, err := ServedState(root, "")
	if err != nil {
		return "", 0
	}
	return gen, docs
}

// ServedState opens the served generation read-only, without the lock,
// and returns its name, the state stored under key (nil if none, or if the
// generation was built with another mapping version, so that an update
// would start from nothing) and its document count. gen is "" when
// nothing was published yet.
func ServedState(root, key string) (gen string, value []byte, docs uint64, err error) {
	gen, err = readCurrent(root)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, 0, nil
	}
	if err != nil {
		return "", nil, 0, err
	}
	idx, err := bleve.OpenUsing(filepath.Join(root, gen), map[string]interface{}{"read_only": true})
	if err != nil {
		return "", nil, 0, fmt.Errorf("open %s: %w", gen, err)
	}
	defer idx.Close()
	if docs, err = idx.DocCount(); err != nil {
		return "", nil, 0, fmt.Errorf("count documents in %s: %w", gen, err)
	}
	if v, err := idx.GetInternal([]byte(versionKey)); err != nil || string(v) != mappingVersion || key == "" {
		return gen, nil, docs, nil
	}
	if value, err = idx.GetInternal([]byte(statePrefix + key)); err != nil {
		return "", nil, 0, fmt.Errorf("state %q of %s: %w", key, gen, err)
	}
	return gen, value, docs, nil
}

// Busy reports whether a Builder (in any process) holds root's lock now.
func Busy(root string) bool {
	f, err := os.Open(filepath.Join(root, lockName))
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}

// Served names the generation that was served when the Builder was
// created and tells how many documents it holds ("" and 0 when there was
// none, or it could not be opened): what a sanity check compares the new
// generation with.
func (b *Builder) Served() (gen string, docs uint64) { return b.served, b.docs }

// DocCount writes what is queued and counts the documents of the new
// generation.
func (b *Builder) DocCount() (uint64, error) {
	if b.done {
		return 0, errors.New("newsindex: DocCount after Publish or Abort")
	}
	if err := b.flush(); err != nil {
		return 0, err
	}
	n, err := b.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// reached calls the hook, if any, at a named point of the build.
func (b *Builder) reached(point string) {
	if b.hook != nil {
		b.hook(point)
	}
}

// lockRoot takes root/LOCK with a non-blocking exclusive flock. The lock
// is released by the kernel when the process dies, so a crash never
// leaves a stale lock behind.
func lockRoot(root string) (*os.File, error) {
	path := filepath.Join(root, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", root, ErrLocked)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, nil
}

// start removes leftovers and opens a fresh Bleve index in a temp dir.
func (b *Builder) start() error {
	if err := removeTemps(b.root); err != nil {
		return err
	}
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return fmt.Errorf("temp name: %w", err)
	}
	b.tmp = filepath.Join(b.root, tmpPrefix+hex.EncodeToString(rnd[:]))
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("index mapping: %w", err)
	}
	b.idx, err = bleve.NewUsing(b.tmp, m, scorch.Name, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return fmt.Errorf("create index in %s: %w", b.tmp, err)
	}
	if err := b.idx.SetInternal([]byte(versionKey), []byte(mappingVersion)); err != nil {
		return fmt.Errorf("create index in %s: %w", b.tmp, err)
	}
	b.batch = b.idx.NewBatch()
	return nil
}

// removeTemps deletes every root/tmp-* directory: only a Builder holding
// the lock writes there, so any found now is left from a crashed run.
func removeTemps(root string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("read index root: %w", err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil {
				return fmt.Errorf("remove leftover %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// Add queues a for indexing under its ID, writing a batch when the batch
// is full. A second article with the same ID replaces the first.
func (b *Builder) Add(a *article.Article) error {
	if b.done {
		return errors.New("newsindex: Add after Publish or Abort")
	}
	if a == nil || strings.TrimSpace(a.ID) == "" {
		return errors.New("add article: empty id")
	}
	if err := b.batch.Index(a.ID, toDocument(a)); err != nil {
		return fmt.Errorf("add article %s: %w", a.ID, err)
	}
	b.tables.record(a)
	b.added++
	if b.batch.Size() >= b.batchSize {
		return b.flush()
	}
	return nil
}

// Added reports how many articles have been added so far.
func (b *Builder) Added() int { return b.added }

func (b *Builder) flush() error {
	if b.batch.Size() == 0 {
		return nil
	}
	if err := b.idx.Batch(b.batch); err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	b.batch.Reset()
	return nil
}

// Abort drops the unpublished generation and releases the lock. It is
// safe to call after Publish (it does nothing then) and more than once.
func (b *Builder) Abort() error {
	if b.done {
		return nil
	}
	b.done = true
	var errs []error
	if b.idx != nil {
		errs = append(errs, b.idx.Close())
	}
	if b.tmp != "" {
		errs = append(errs, os.RemoveAll(b.tmp))
	}
	b.release()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("abort build: %w", err)
	}
	return nil
}

func (b *Builder) release() {
	if b.lock != nil {
		b.lock.Close() // closing the descriptor drops the flock
		b.lock = nil
	}
}
