package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
)

// input is what a run learnt of one input file.
type input struct {
	sum     string   // hex SHA-256; "" when the file could not be read
	ids     []string // articles it produced this run
	skipped int      // its documents skipped this run
}

// item is a document on its way through the pipeline, with its file.
type item struct {
	raw   article.RawDoc
	input string
}

// cleaned is an article on its way to the index, with its file.
type cleaned struct {
	a     *article.Article
	input string
	sig   *member // its story signature, nil with -no-stories
}

// indexRun holds the state of one index run, shared by the pipeline's
// goroutines: one reads and hashes, cfg.workers clean, and the run's own
// goroutine writes (Bleve batches are not shared).
type indexRun struct {
	cfg     *indexConfig
	log     *slog.Logger
	b       *newsindex.Builder
	proc    *ingest.Processor
	old     manifest        // what the served generation holds
	oldID   map[string]bool // every id in old
	roots   []string        // the sources, absolute
	aliases string          // hex SHA-256 of the alias file, "" for none
	pause   func(point string)
	stories *stories // near-copies grouped into stories

	hashed    atomic.Int64 // input files hashed, for the progress line
	extracted atomic.Int64 // documents cleaned: zero when nothing changed
	empty     atomic.Int64 // documents in which no article text was found

	mu     sync.Mutex
	inputs map[string]*input
	skips  map[string]int // reason -> count

	// Written by the writer only.
	added, updated, dupes int
	produced              map[string]string // id -> input, this run
}

// note returns the record of input path; the caller holds mu.
func (r *indexRun) note(path string) *input {
	in := r.inputs[path]
	if in == nil {
		in = &input{}
		r.inputs[path] = in
	}
	return in
}

// skip logs and counts a document or file that was not indexed.
func (r *indexRun) skip(path, origin string, err error) {
	r.log.Warn("skipped", "input", origin, "reason", err)
	reason := skipReason(err, origin != path && strings.HasPrefix(absPath(origin), path+":"))
	r.mu.Lock()
	r.note(path).skipped++
	r.skips[reason]++
	r.mu.Unlock()
}

// skipReason names the kind of a skip, for the summary.
func skipReason(err error, line bool) string {
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		return "no article text"
	case errors.Is(err, article.ErrBinary):
		return "binary"
	case errors.Is(err, article.ErrTooLarge):
		return "too large"
	case line:
		return "bad line"
	case errors.Is(err, fs.ErrNotExist):
		return "not found"
	case strings.HasPrefix(err.Error(), "gzip"):
		return "bad gzip"
	}
	return "unreadable"
}

// feed runs the pipeline over the sources.
func (r *indexRun) feed(sources []string) error {
	raws := make(chan item, 64)
	arts := make(chan cleaned, 64)
	go func() {
		r.read(sources, raws)
		close(raws)
	}()
	var wg sync.WaitGroup
	for range max(r.cfg.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.clean(raws, arts)
		}()
	}
	go func() { wg.Wait(); close(arts) }()
	return r.write(arts)
}

// read hashes every file and sends the documents of the changed ones.
func (r *indexRun) read(sources []string, raws chan<- item) {
	var cur string // the file being read: Visit follows its Changed
	rd := &article.Reader{
		MaxBytes: r.cfg.maxBytes,
		Changed: func(path string, sum article.Sum) bool {
			cur = absPath(path)
			r.hashed.Add(1)
			h := hexSum(sum)
			r.mu.Lock()
			r.note(cur).sum = h
			r.mu.Unlock()
			return r.old[cur].Sum != h
		},
		Visit: func(d article.RawDoc) { raws <- item{raw: d, input: cur} },
		Skip: func(s article.Skip) {
			path := absPath(s.Origin)
			if cur != "" && strings.HasPrefix(path, cur+":") {
				path = cur
			}
			r.skip(path, s.Origin, s.Err)
		},
	}
	rd.Paths(sources)
}

// clean turns documents into articles.
func (r *indexRun) clean(raws <-chan item, arts chan<- cleaned) {
	for it := range raws {
		r.extracted.Add(1)
		a, err := r.proc.Article(it.raw)
		if err != nil {
			if errors.Is(err, ingest.ErrEmpty) {
				r.empty.Add(1)
			}
			r.skip(it.input, it.raw.Origin, err)
			continue
		}
		arts <- cleaned{a: a, input: it.input, sig: r.stories.sign(a)}
	}
}

// write adds the articles to the index; it drains arts even after an error
// so that the pipeline's goroutines finish.
func (r *indexRun) write(arts <-chan cleaned) error {
	var firstErr error
	for c := range arts {
		if firstErr != nil {
			continue
		}
		firstErr = r.add(c)
	}
	return firstErr
}

// add indexes one article and records it.
func (r *indexRun) add(c cleaned) error {
	id := c.a.ID
	switch prev, dup := r.produced[id]; {
	case dup:
		r.log.Warn("duplicate id: the later article replaces the earlier", "id", id, "earlier", prev, "later", c.a.Origin)
		r.dupes++
	case r.oldID[id]:
		r.updated++
	default:
		r.added++
	}
	r.produced[id] = c.a.Origin
	r.mu.Lock()
	in := r.note(c.input)
	in.ids = append(in.ids, id)
	r.mu.Unlock()
	if err := r.b.Add(c.a); err != nil {
		return fmt.Errorf("index %s: %w", c.a.Origin, err)
	}
	r.stories.add(c.a, c.sig)
	if len(r.produced) == 1 {
		r.pause("added")
	}
	return nil
}
