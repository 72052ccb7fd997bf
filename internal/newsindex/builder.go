package newsindex

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
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

// MaxSegmentDocs is the most documents a segment grows to by merging.
// Bleve merges segments of about one size ten at a time into the next
// tier up; unbounded, every document is written once more each time the
// index grows tenfold, and the largest merges read segments of hundreds of
// MB. Bounded, the merging done per article and the pages a merge touches
// stay the same whatever the corpus size, at the price of a few more
// segments for a search to walk. At 16x Reuters (304,688 articles, three
// default and two capped rounds, alternating) the indexer's peak RSS went from 1,669-1,702 MiB to
// 1,256-1,308 MiB, with 21 segments against 19 and a cold query p50 within
// 2%. Bleve keeps the setting in the index's meta file, so Update's copies
// keep it.
const MaxSegmentDocs = 100_000

// scorchConfig is the Bleve configuration of a new index.
func scorchConfig() map[string]any {
	return map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": MaxSegmentDocs}}
}

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

// Writers sets how many full batches may be written to Bleve at once,
// each in its own goroutine, while Add fills the next. Values below 1 mean
// runtime.GOMAXPROCS(0).
func Writers(n int) Option {
	return func(b *Builder) {
		if n > 0 {
			b.writers = n
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
	writers   int           // batches written at once
	slots     chan struct{} // one token per batch being written
	writing   sync.WaitGroup
	errMu     sync.Mutex
	writeErr  error   // the first error of a batch written in the background
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
	b := &Builder{root: root, lock: lock, batchSize: DefaultBatchSize, writers: runtime.GOMAXPROCS(0), tables: newTables()}
	for _, o := range opts {
		o(b)
	}
	b.slots = make(chan struct{}, b.writers)
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
	if value, err = readState(filepath.Join(root, gen), idx, key); err != nil {
		return "", nil, 0, fmt.Errorf("%s: %w", gen, err)
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
	b.idx, err = bleve.NewUsing(b.tmp, m, scorch.Name, bleve.Config.DefaultKVStore, scorchConfig())
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

// Add queues a for indexing under its ID, handing the batch to a writer
// when it is full. A second article with the same ID replaces the first,
// provided the caller calls Wait before adding it (see Wait).
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
		return b.send()
	}
	return nil
}

// Added reports how many articles have been added so far.
func (b *Builder) Added() int { return b.added }

// send hands the batch to a writer goroutine and starts the next one. At
// most b.writers batches are written at once: scorch builds a batch's
// segment in the goroutine that calls Batch, and its introducer applies
// concurrent batches one at a time, so several writers keep every core
// busy while the pipeline goes on cleaning. The order in which concurrent
// batches are applied is not fixed, which only matters for an id added
// twice (see Wait).
func (b *Builder) send() error {
	if err := b.failed(); err != nil {
		return err
	}
	batch := b.batch
	b.batch = b.idx.NewBatch()
	b.slots <- struct{}{}
	b.writing.Add(1)
	go func() {
		defer func() { <-b.slots; b.writing.Done() }()
		if err := b.idx.Batch(batch); err != nil {
			b.errMu.Lock()
			b.writeErr = cmp.Or(b.writeErr, fmt.Errorf("write batch: %w", err))
			b.errMu.Unlock()
		}
	}()
	return nil
}

// failed returns the first error of a batch written in the background.
func (b *Builder) failed() error {
	b.errMu.Lock()
	defer b.errMu.Unlock()
	return b.writeErr
}

// Wait blocks until every batch handed to a writer has been written and
// returns the first error among them. A caller that adds an article whose
// id it already added calls Wait first, so that the earlier copy cannot be
// applied after the later one.
func (b *Builder) Wait() error {
	b.writing.Wait()
	return b.failed()
}

// flush waits for the writers, then writes what is queued.
func (b *Builder) flush() error {
	if err := b.Wait(); err != nil {
		return err
	}
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
	b.writing.Wait()
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
