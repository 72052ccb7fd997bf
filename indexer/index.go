package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/pipeline"
	"github.com/newsfts/newsfts/internal/search"
	grouping "github.com/newsfts/newsfts/internal/story"
)

// indexConfig holds the flags of an index run.
type indexConfig struct {
	index     string  // index directory
	aliases   string  // operator alias file, "" for none
	maxBytes  int64   // largest input accepted
	workers   int     // cleaning goroutines
	writers   int     // batches written to the index at once
	batch     int     // articles per batch
	quiet     bool    // warnings and the summary only
	logFormat string  // text or json
	full      bool    // rebuild from nothing instead of updating
	rollback  bool    // republish the previous generation and stop
	force     bool    // publish even if the sanity check fails
	maxLoss   float64 // sanity check: share of served documents that may go
	maxEmpty  float64 // sanity check: share of cleaned documents that may be empty

	noStories      bool          // no near-duplicate grouping
	storyThreshold float64       // least similarity of two copies of a story
	storyWindow    time.Duration // longest time between a story's first copy and another

	cpuProfile string // file for a CPU profile of the run, "" for none
}

func (c *indexConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.index, "index", "data/index", "index directory")
	fs.StringVar(&c.aliases, "aliases", "", "entity alias file")
	fs.Int64Var(&c.maxBytes, "max-bytes", article.DefaultMaxBytes, "largest input in bytes")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "cleaning goroutines")
	fs.IntVar(&c.writers, "writers", runtime.GOMAXPROCS(0), "batches written to the index at once")
	fs.IntVar(&c.batch, "batch", newsindex.DefaultBatchSize, "articles per batch")
	fs.BoolVar(&c.quiet, "q", false, "quiet")
	fs.StringVar(&c.logFormat, "log-format", "text", "text or json")
	fs.BoolVar(&c.full, "full", false, "rebuild from nothing")
	fs.BoolVar(&c.rollback, "rollback", false, "republish the previous generation")
	fs.BoolVar(&c.force, "force", false, "publish even if the sanity check fails")
	fs.Float64Var(&c.maxLoss, "max-loss", 0.5, "largest share of served documents a run may drop")
	fs.Float64Var(&c.maxEmpty, "max-empty", 0.5, "largest share of documents that may come out empty")
	fs.BoolVar(&c.noStories, "no-stories", false, "do not group near-copies into stories")
	fs.Float64Var(&c.storyThreshold, "story-threshold", grouping.DefaultThreshold, "least similarity (0..1] of two copies of a story")
	fs.DurationVar(&c.storyWindow, "story-window", grouping.DefaultWindow, "longest time between a story's first copy and another (0: no limit)")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the run (go tool pprof) to this file")
}

// pauseEnv names the environment variable that makes the indexer stop
// at a named point of a run until it is killed ("cloned", when the served
// generation has been copied; "added", after the first article;
// "written", "synced", "renamed", "published": the steps of the publish
// protocol). The crash tests use it; nothing else should.
const pauseEnv = "NEWSFTS_PAUSE_AT"

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
	if cfg.logFormat != "text" && cfg.logFormat != "json" {
		return usageError(stderr, "-log-format %q: use text or json", cfg.logFormat)
	}
	if !(cfg.maxLoss >= 0 && cfg.maxLoss <= 1 && cfg.maxEmpty >= 0 && cfg.maxEmpty <= 1) {
		return usageError(stderr, "-max-loss and -max-empty are shares between 0 and 1")
	}
	if !storyFlagsOK(&cfg) {
		return usageError(stderr, "-story-threshold is a similarity in (0, 1] and -story-window a duration of at most ten years")
	}
	con := newConsole(stderr)
	log := newLogger(con, cfg.quiet, cfg.logFormat)
	if cfg.rollback {
		return runRollback(&cfg, log, stderr)
	}
	if fs.NArg() == 0 {
		return usageError(stderr, "no SOURCE given: name the files or directories to index")
	}
	stop, err := startProfile(cfg.cpuProfile)
	if err != nil {
		return usageError(stderr, "-cpuprofile: %v", err)
	}
	defer stop()
	start := time.Now()
	s, err := indexSources(&cfg, fs.Args(), log, con)
	if s != nil {
		s.took = time.Since(start)
		s.print(con, cfg.logFormat)
	}
	return exitCode(err, s, &cfg, log)
}

// startProfile starts a CPU profile into path, if one is asked for, and
// returns what stops it.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// exitCode logs what went wrong, if anything, and returns the exit status.
func exitCode(err error, s *summary, cfg *indexConfig, log *slog.Logger) int {
	switch {
	case errors.Is(err, newsindex.ErrLocked):
		log.Error("another indexer is running on this index; try again when it has finished", "index", cfg.index)
		return exitLocked
	case errors.Is(err, errRefused):
		log.Error("the served index is unchanged", "err", err)
		return exitRefused
	case err != nil:
		log.Error("nothing published; the served index is unchanged", "err", err)
		return exitFailed
	case s.skipped() > 0:
		return exitSkipped
	}
	return exitOK
}

// runRollback republishes the generation before the served one.
func runRollback(cfg *indexConfig, log *slog.Logger, stderr io.Writer) int {
	from, to, err := newsindex.Rollback(cfg.index)
	switch {
	case errors.Is(err, newsindex.ErrLocked):
		log.Error("another indexer is running on this index; roll back when it has finished", "index", cfg.index)
		return exitLocked
	case err != nil:
		log.Error("rollback failed; the served index is unchanged", "err", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "indexer: rolled %s back from %s to %s\n", cfg.index, from, to)
	return exitOK
}

// indexSources reads, cleans and indexes what changed in the sources,
// then publishes unless nothing changed or the sanity check fails.
func indexSources(cfg *indexConfig, sources []string, log *slog.Logger, con *console) (*summary, error) {
	if s, ok := quickCheck(cfg, sources); ok {
		return s, nil
	}
	proc, err := newProcessor(cfg.aliases, false)
	if err != nil {
		return nil, err
	}
	pause := pauser(con)
	open := newsindex.Update
	if cfg.full {
		open = newsindex.Create
	}
	b, err := open(cfg.index, newsindex.Hook(pause), newsindex.Writers(cfg.writers), newsindex.BatchSize(cfg.batch))
	if err != nil {
		return nil, err
	}
	defer b.Abort() // does nothing once published
	setAliases(b, proc.Entities)
	r, err := newRun(cfg, log, b, proc, sources)
	if err != nil {
		return nil, err
	}
	r.pause = pause
	finish := func() {}
	if !cfg.quiet {
		finish = startProgress(con, sources, r.hashed.Load)
	}
	err = r.feed(sources)
	finish()
	if err != nil {
		return nil, err
	}
	return r.conclude()
}

// newRun prepares a run: the manifest of the generation being updated.
func newRun(cfg *indexConfig, log *slog.Logger, b *newsindex.Builder, proc *ingest.Processor, sources []string) (*indexRun, error) {
	state, err := b.State(manifestKey)
	if err != nil {
		return nil, err
	}
	aliases, err := aliasesSum(cfg.aliases)
	if err != nil {
		return nil, err
	}
	old, err := decodeManifest(state, aliases)
	if err != nil {
		log.Warn("unreadable manifest: every input is indexed again", "err", err)
		old = manifest{}
	}
	st, err := loadStories(cfg, b, log)
	if err != nil {
		return nil, err
	}
	r := &indexRun{
		cfg: cfg, log: log, b: b, proc: proc, old: old, oldID: old.ids(), aliases: aliases, stories: st,
		pause: func(string) {}, inputs: map[string]*input{}, skips: map[string]int{},
		produced: map[string]string{},
	}
	r.roots = absPaths(sources)
	return r, nil
}

// conclude deletes what went away, checks the new generation and
// publishes it.
func (r *indexRun) conclude() (*summary, error) {
	next, del, c := r.reconcile()
	pipeline.Tail() // what follows keeps most of what it allocates
	if err := r.stories.unspill(); err != nil {
		return nil, err
	}
	for _, id := range del {
		if err := r.b.Delete(id); err != nil {
			return nil, err
		}
		r.stories.remove(id)
	}
	s := &summary{inputs: c, added: r.added, updated: r.updated, removed: len(del), dupes: r.dupes,
		extracted: r.extracted.Load(), skips: r.skips}
	unchanged := c.total() == 0 && len(del) == 0 && r.b.Base() != ""
	var storiesDone <-chan struct{}
	if !unchanged {
		storiesDone = r.stories.groupAsync() // on one core while the builder writes its last batches
	}
	served, servedDocs := r.b.Served()
	s.served = served
	docs, err := r.b.DocCount()
	if err != nil {
		return nil, err
	}
	s.docs = docs
	if unchanged {
		return s, nil // nothing changed: the served generation stays
	}
	if docs == 0 {
		return nil, errors.New("no article found in the sources")
	}
	g := gate{maxLoss: r.cfg.maxLoss, maxEmpty: r.cfg.maxEmpty, force: r.cfg.force}
	if err := g.check(servedDocs, docs, r.extracted.Load(), r.empty.Load()); err != nil {
		s.docs, s.refused = servedDocs, true
		return s, err
	}
	state, err := next.encode(r.aliases)
	if err == nil {
		err = r.b.SetState(manifestKey, state)
	}
	<-storiesDone
	if err == nil {
		err = r.stories.save(r.b)
	}
	if err != nil {
		return nil, err
	}
	if s.published, err = r.b.Publish(); err != nil {
		return nil, err
	}
	s.served = s.published
	return s, nil
}

// pauser returns the hook that stops the run at the point named by
// $NEWSFTS_PAUSE_AT, saying so on stderr, until the process is killed.
func pauser(stderr io.Writer) func(string) {
	at := os.Getenv(pauseEnv)
	return func(point string) {
		if at == "" || point != at {
			return
		}
		fmt.Fprintf(stderr, "indexer: paused at %s\n", point)
		for {
			time.Sleep(time.Hour) // a sleeping goroutine is no deadlock
		}
	}
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
