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
	"github.com/newsfts/newsfts/internal/pipeline"
)

// input is what a run learnt of one input file.
type input struct {
	sum     string   // hex SHA-256; "" when the file could not be read
	ids     []string // articles it produced this run
	skipped int      // its documents skipped this run
}

// indexRun holds the state of one index run, shared by the goroutines of
// package pipeline: one reads and hashes, cfg.workers clean, and the run's
// own goroutine adds to the Builder (whose writers then build segments).
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
	lastIn, lastAbs       string            // the last input seen by add, and its absolute path
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
	return pipeline.Run(pipeline.Config{
		Reader:  r.reader(),
		Proc:    r.proc,
		Workers: r.cfg.workers,
		Reject: func(input string, d article.RawDoc, err error) {
			r.extracted.Add(1)
			if errors.Is(err, ingest.ErrEmpty) {
				r.empty.Add(1)
			}
			r.skip(absPath(input), d.Origin, err)
		},
		After: func(a *article.Article) any {
			r.extracted.Add(1)
			return r.stories.sign(a)
		},
		Write: r.add,
	}, sources)
}

// reader returns the Reader of the run: it hashes every file and reads
// the changed ones.
func (r *indexRun) reader() *article.Reader {
	var cur string // the file being read, absolute
	return &article.Reader{
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
		Skip: func(s article.Skip) {
			path := absPath(s.Origin)
			if cur != "" && strings.HasPrefix(path, cur+":") {
				path = cur
			}
			r.skip(path, s.Origin, s.Err)
		},
	}
}

// add indexes one article and records it.
func (r *indexRun) add(c pipeline.Result) error {
	a := c.Article
	id := a.ID
	switch prev, dup := r.produced[id]; {
	case dup:
		r.log.Warn("duplicate id: the later article replaces the earlier", "id", id, "earlier", prev, "later", a.Origin)
		r.dupes++
		if err := r.b.Wait(); err != nil { // the earlier copy is written first
			return err
		}
	case r.oldID[id]:
		r.updated++
	default:
		r.added++
	}
	r.produced[id] = a.Origin
	r.mu.Lock()
	in := r.note(r.inputOf(c.Input))
	in.ids = append(in.ids, id)
	r.mu.Unlock()
	if err := r.b.Add(a); err != nil {
		return fmt.Errorf("index %s: %w", a.Origin, err)
	}
	sig, _ := c.Extra.(*member)
	if err := r.stories.add(a, sig); err != nil {
		return err
	}
	if len(r.produced) == 1 {
		r.pause("added")
	}
	return nil
}

// inputOf returns the absolute path of input, remembering the last one:
// articles come file after file.
func (r *indexRun) inputOf(input string) string {
	if input != r.lastIn || r.lastAbs == "" {
		r.lastIn, r.lastAbs = input, absPath(input)
	}
	return r.lastAbs
}
