package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/bench"
)

// The builds of a round, in the order they run.
const (
	rawBleve = "raw Bleve"
	rawLean  = "raw Bleve, lean mapping"
	newsfts  = "newsfts pipeline"
	before   = "newsfts pipeline, before"
)

// env holds what every scale's run shares.
type env struct {
	cfg     *config
	dir     string        // work directory
	bin     string        // built binaries
	queries []bench.Query // the query set
	log     io.Writer     // progress
}

func runBench(ctx context.Context, cfg *config, stdout, stderr io.Writer) error {
	e := &env{cfg: cfg, dir: cfg.workdir, log: stderr}
	if e.dir == "" {
		dir, err := os.MkdirTemp("", "newsbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		e.dir = dir
	}
	if err := e.load(ctx); err != nil {
		return err
	}
	var results []*scaleResult
	for _, k := range cfg.scales {
		r, err := e.scale(ctx, k)
		if err != nil {
			return fmt.Errorf("at %dx: %w", k, err)
		}
		results = append(results, r)
		report(stdout, e, results) // after each scale, so a long run shows its figures early
	}
	return nil
}

// load builds the binaries and reads the query set.
func (e *env) load(ctx context.Context) error {
	e.bin = filepath.Join(e.dir, "bin")
	fmt.Fprintf(e.log, "newsbench: building indexer, searchd and rawbleve into %s\n", e.bin)
	cmd := exec.CommandContext(ctx, e.cfg.goCmd, "build", "-o", e.bin+"/",
		"./indexer", "./searchd", "./internal/bench/cmd/rawbleve")
	if _, err := bench.Run(cmd); err != nil {
		return fmt.Errorf("build (run newsbench from the module's root): %w", err)
	}
	f, err := os.Open(e.cfg.queries)
	if err != nil {
		return err
	}
	defer f.Close()
	e.queries, err = bench.ParseQueries(f)
	return err
}

// scale runs the builds and the queries on the corpus replicated k times.
func (e *env) scale(ctx context.Context, k int) (*scaleResult, error) {
	c, kept, err := e.corpusAt(k)
	if err != nil {
		return nil, err
	}
	r := &scaleResult{k: k, corpus: c, builds: map[string]*samples{}}
	rounds := e.cfg.rounds
	if k > 1 {
		rounds = e.cfg.roundsBig
	}
	root := filepath.Join(e.dir, fmt.Sprintf("newsfts-%dx", k))
	for round := 1; round <= max(rounds, 1); round++ {
		if err := e.round(ctx, r, root, round); err != nil {
			return nil, err
		}
	}
	if !e.cfg.noQueries {
		if err := e.serve(ctx, r, root); err != nil {
			return nil, err
		}
	}
	if !kept {
		os.Remove(c.Path)
	}
	return r, os.RemoveAll(root)
}

// corpusAt returns the corpus at scale k, writing the replica if k > 1
// and -replicas holds none; kept is true for a file that is not ours to
// remove.
func (e *env) corpusAt(k int) (c bench.Corpus, kept bool, err error) {
	if k == 1 {
		c, err = bench.Count(e.cfg.corpus)
		return c, true, err
	}
	if e.cfg.replicas != "" {
		path := filepath.Join(e.cfg.replicas, fmt.Sprintf("r%d.jsonl.gz", k))
		if _, err := os.Stat(path); err == nil {
			fmt.Fprintf(e.log, "newsbench: reusing %s\n", path)
			c, err = bench.Count(path)
			return c, true, err
		}
	}
	dst := filepath.Join(e.dir, fmt.Sprintf("corpus-%dx.jsonl.gz", k))
	fmt.Fprintf(e.log, "newsbench: writing the corpus %d times to %s\n", k, dst)
	c, err = bench.Replicate(e.cfg.corpus, dst, k)
	return c, false, err
}

// round builds the corpus once with each program, alternating.
func (e *env) round(ctx context.Context, r *scaleResult, root string, round int) error {
	raw := filepath.Join(e.dir, "raw")
	if err := e.buildRaw(ctx, r, raw, rawBleve); err != nil {
		return err
	}
	if err := e.buildPipeline(ctx, r, root, newsfts, filepath.Join(e.bin, "indexer")); err != nil {
		return err
	}
	if e.cfg.before != "" {
		if err := e.buildPipeline(ctx, r, root+"-before", before, e.cfg.before); err != nil {
			return err
		}
		os.RemoveAll(root + "-before")
	}
	if e.cfg.lean {
		if err := e.buildRaw(ctx, r, raw, rawLean, "-lean"); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.log, "newsbench: %dx round %d done\n", r.k, round)
	return nil
}

func (e *env) buildRaw(ctx context.Context, r *scaleResult, dir, name string, flags ...string) error {
	os.RemoveAll(dir)
	defer os.RemoveAll(dir)
	args := append(append([]string{"-index", dir}, flags...), r.corpus.Path)
	cmd := exec.CommandContext(ctx, filepath.Join(e.bin, "rawbleve"), args...)
	cmd.Env = e.buildEnv()
	var out bytes.Buffer
	cmd.Stdout = &out
	u, err := bench.Run(cmd)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(strings.TrimSpace(out.String()))
	return r.add(name, u, dir, n, e.log)
}

// indexedRE finds the count of documents in the index in the indexer's
// summary line ("..., 19043 in the index; ...").
var indexedRE = regexp.MustCompile(`(\d+) in the index;`)

// buildPipeline builds the corpus with the indexer binary bin, recorded
// under name. -max-bytes covers the whole corpus for a -before binary that
// still reads JSON Lines files whole; the current one limits each line.
func (e *env) buildPipeline(ctx context.Context, r *scaleResult, root, name, bin string) error {
	os.RemoveAll(root)
	maxBytes := max(r.corpus.Bytes+1<<20, article.DefaultMaxBytes)
	cmd := exec.CommandContext(ctx, bin, "-q",
		"-max-bytes", strconv.FormatInt(maxBytes, 10), "-index", root, r.corpus.Path)
	cmd.Env = e.buildEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	u, err := bench.Run(cmd, 1) // 1: published, some inputs skipped
	if err != nil {
		return fmt.Errorf("%w: %s", err, lastLine(stderr.String()))
	}
	n := 0
	if m := indexedRE.FindStringSubmatch(stderr.String()); m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	return r.add(name, u, root, n, e.log)
}

func (e *env) buildEnv() []string {
	env := os.Environ()
	if e.cfg.gogc != "" {
		env = append(env, "GOGC="+e.cfg.gogc)
	}
	return env
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}
