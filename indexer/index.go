package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/search"
)

// indexConfig holds the flags of an index run.
type indexConfig struct {
	index    string // index directory
	aliases  string // operator alias file, "" for none
	maxBytes int64  // largest input accepted
	workers  int    // cleaning goroutines
	quiet    bool   // warnings and the summary only
}

func (c *indexConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.index, "index", "data/index", "index directory")
	fs.StringVar(&c.aliases, "aliases", "", "entity alias file")
	fs.Int64Var(&c.maxBytes, "max-bytes", article.DefaultMaxBytes, "largest input in bytes")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "cleaning goroutines")
	fs.BoolVar(&c.quiet, "q", false, "quiet")
}

// tally counts what a run did; skips are added from several goroutines.
type tally struct {
	mu      sync.Mutex
	indexed int
	skipped int
	dupes   int
}

func (t *tally) skip() { t.mu.Lock(); t.skipped++; t.mu.Unlock() }

func runIndex(args []string, stderr io.Writer) int {
	var cfg indexConfig
	fs := flag.NewFlagSet("indexer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	cfg.flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() == 0 {
		return usageError(stderr, "no SOURCE given: name the files or directories to index")
	}
	log := newLogger(stderr, cfg.quiet)
	start := time.Now()
	gen, t, err := indexSources(&cfg, fs.Args(), log)
	if errors.Is(err, newsindex.ErrLocked) {
		log.Error("another indexer is running on this index; try again when it has finished", "index", cfg.index)
		return exitLocked
	}
	if err != nil {
		log.Error("nothing published; the served index is unchanged", "err", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "indexer: %d articles indexed, %d inputs skipped, %d duplicate ids, published %s in %s (%.1fs)\n",
		t.indexed, t.skipped, t.dupes, gen, cfg.index, time.Since(start).Seconds())
	if t.skipped > 0 {
		return exitSkipped
	}
	return exitOK
}

// indexSources reads, cleans and indexes every source, then publishes.
func indexSources(cfg *indexConfig, sources []string, log *slog.Logger) (string, *tally, error) {
	proc, err := newProcessor(cfg.aliases, false)
	if err != nil {
		return "", nil, err
	}
	b, err := newsindex.Create(cfg.index)
	if err != nil {
		return "", nil, err
	}
	setAliases(b, proc.Entities)
	t := &tally{}
	if err := feed(b, cfg, sources, proc, t, log); err != nil {
		b.Abort()
		return "", t, err
	}
	if t.indexed == 0 {
		b.Abort()
		return "", t, errors.New("no article found in the sources")
	}
	gen, err := b.Publish()
	return gen, t, err
}

// feed runs the pipeline: one goroutine reads, cfg.workers clean, and the
// caller's goroutine writes to the index (Bleve batches are not shared).
func feed(b *newsindex.Builder, cfg *indexConfig, sources []string, proc *ingest.Processor, t *tally, log *slog.Logger) error {
	raws := make(chan article.RawDoc, 64)
	arts := make(chan *article.Article, 64)
	skip := func(s article.Skip) {
		log.Warn("skipped", "input", s.Origin, "reason", s.Err)
		t.skip()
	}
	go func() {
		r := &article.Reader{MaxBytes: cfg.maxBytes, Visit: func(d article.RawDoc) { raws <- d }, Skip: skip}
		r.Paths(sources)
		close(raws)
	}()
	var wg sync.WaitGroup
	for range max(cfg.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for raw := range raws {
				a, err := proc.Article(raw)
				if err != nil {
					skip(article.Skip{Origin: raw.Origin, Err: err})
					continue
				}
				arts <- a
			}
		}()
	}
	go func() { wg.Wait(); close(arts) }()
	return write(b, arts, t, log)
}

// write adds the articles to the index; it drains arts even after an error
// so that the pipeline's goroutines finish.
func write(b *newsindex.Builder, arts <-chan *article.Article, t *tally, log *slog.Logger) error {
	var firstErr error
	seen := map[string]string{}
	for a := range arts {
		if firstErr != nil {
			continue
		}
		if prev, dup := seen[a.ID]; dup {
			log.Warn("duplicate id: the later article replaces the earlier", "id", a.ID, "earlier", prev, "later", a.Origin)
			t.dupes++
		} else {
			t.indexed++
		}
		seen[a.ID] = a.Origin
		if err := b.Add(a); err != nil {
			firstErr = fmt.Errorf("index %s: %w", a.Origin, err)
		}
	}
	return firstErr
}

// setAliases gives the index the alias tables of the entity extractor, so
// that searchd reads a typed "Turkey" as the label "Türkiye".
func setAliases(b *newsindex.Builder, x *entity.Extractor) {
	b.SetAliases(search.People, x.Aliases(entity.Person))
	b.SetAliases(search.Orgs, x.Aliases(entity.Org))
	b.SetAliases(search.Places, x.Aliases(entity.Place))
}

// newProcessor loads the entity extractor with the operator's aliases.
func newProcessor(aliases string, noClean bool) (*ingest.Processor, error) {
	var ents *entity.Extractor
	var err error
	if aliases == "" {
		ents, err = entity.New(nil)
	} else {
		f, openErr := os.Open(aliases)
		if openErr != nil {
			return nil, fmt.Errorf("aliases: %w", openErr)
		}
		defer f.Close()
		ents, err = entity.New(f)
	}
	if err != nil {
		return nil, fmt.Errorf("aliases %s: %w", aliases, err)
	}
	return &ingest.Processor{Entities: ents, NoClean: noClean}, nil
}
