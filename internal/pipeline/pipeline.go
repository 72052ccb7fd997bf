// Package pipeline runs the indexer's stages concurrently: one goroutine
// reads the sources (article.Reader: hashing, decompressing, decoding,
// splitting JSON Lines), Workers goroutines clean pages and extract
// entities (ingest.Processor), and the caller's goroutine writes the
// articles, in the order they come, to an index. The indexer and the bench
// both run it, so that a profile of the bench is a profile of the indexer.
//
// Memory is bounded by the channels between the stages (a few hundred
// documents) plus what Write keeps: nothing here grows with the corpus.
package pipeline

import (
	"runtime"
	"sync"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/ingest"
)

// queue is how many documents wait between two stages.
const queue = 64

// Result is an article on its way to the index.
type Result struct {
	Article *article.Article
	Input   string // the path its input file was opened by ("" when Changed is not set)
	Extra   any    // what Config.After computed for it, if set
}

// Config says what to run.
type Config struct {
	// Reader reads the sources. Run sets its Visit, and wraps its Changed
	// (if set) to learn which file each document comes from.
	Reader *article.Reader
	// Proc turns documents into articles.
	Proc *ingest.Processor
	// Workers is how many goroutines run Proc; below 1 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Reject, if set, is told of each document Proc rejected, from the
	// workers' goroutines.
	Reject func(input string, doc article.RawDoc, err error)
	// After, if set, runs in the workers on each article (for work that
	// can be done in parallel, such as a story signature); its result
	// travels as Result.Extra.
	After func(*article.Article) any
	// Write is called in Run's goroutine with each article, in the order
	// the workers finish them. After its first error Run drains the
	// pipeline without calling it again.
	Write func(Result) error
}

// doc is a document read, with the file it came from.
type doc struct {
	raw   article.RawDoc
	input string
}

// Run reads, cleans and writes the sources and returns Write's first
// error.
func Run(cfg Config, sources []string) error {
	docs := make(chan doc, queue)
	results := make(chan Result, queue)
	go func() {
		read(cfg.Reader, sources, docs)
		close(docs)
	}()
	workers := cfg.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clean(&cfg, docs, results)
		}()
	}
	go func() { wg.Wait(); close(results) }()
	var firstErr error
	for r := range results {
		if firstErr == nil {
			firstErr = cfg.Write(r)
		}
	}
	return firstErr
}

// read sends the documents of the sources, each with its file.
func read(rd *article.Reader, sources []string, docs chan<- doc) {
	var cur string // the file being read: Visit follows its Changed
	if changed := rd.Changed; changed != nil {
		rd.Changed = func(path string, sum article.Sum) bool {
			cur = path
			return changed(path, sum)
		}
		defer func() { rd.Changed = changed }()
	}
	rd.Visit = func(d article.RawDoc) { docs <- doc{raw: d, input: cur} }
	rd.Paths(sources)
}

// clean turns documents into results.
func clean(cfg *Config, docs <-chan doc, results chan<- Result) {
	for d := range docs {
		a, err := cfg.Proc.Article(d.raw)
		if err != nil {
			if cfg.Reject != nil {
				cfg.Reject(d.input, d.raw, err)
			}
			continue
		}
		r := Result{Article: a, Input: d.input}
		if cfg.After != nil {
			r.Extra = cfg.After(a)
		}
		results <- r
	}
}
