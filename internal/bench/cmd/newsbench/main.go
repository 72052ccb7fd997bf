// Command newsbench measures newsfts against raw Bleve: indexing speed,
// CPU, memory and size of the real indexer against a raw-Bleve baseline
// built alternately in the same run, then query latency through a real
// searchd over HTTP on loopback. `make bench` runs it; package bench
// explains the method.
//
//	newsbench [flags]                      the bench, at each of -scales
//	newsbench -replicate K -o FILE         write the corpus K times and exit
//
// It builds indexer, searchd and rawbleve with `go build` into a temporary
// directory, so it must run from within the newsfts module.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/bench"
)

// config holds newsbench's flags.
type config struct {
	corpus      string        // JSON Lines corpus, gzipped or not
	queries     string        // query set (TSV)
	scales      []int         // replication factors to run
	rounds      int           // A/B rounds at 1x
	roundsBig   int           // A/B rounds at larger scales
	reps        int           // timed passes over the query set
	queryTime   time.Duration // bound on the query passes
	facetReps   int           // repetitions of the facet-counts-over-all search
	lean        bool          // also build the lean raw-Bleve variant
	gogc        string        // GOGC for the builds, "" to inherit
	workdir     string        // where binaries, corpora and indexes go
	goCmd       string        // the go command
	replicate   int           // -replicate K: only write the corpus K times
	replicateTo string        // its output file
	replicas    string        // directory holding rK.jsonl.gz replicas to reuse
	before      string        // an earlier indexer binary, built in each round too
	noQueries   bool          // builds only
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if cfg.replicate > 0 {
		err = writeReplica(cfg, stderr)
	} else {
		err = runBench(ctx, cfg, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "newsbench:", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("newsbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scales := fs.String("scales", "1,4", "comma-separated replication factors, e.g. 1,4,16")
	fs.StringVar(&cfg.corpus, "corpus", "../shared/corpora/reuters21578.jsonl.gz", "JSON Lines corpus")
	fs.StringVar(&cfg.queries, "queries", "../shared/corpora/reuters-queries.tsv", "query set")
	fs.IntVar(&cfg.rounds, "rounds", 3, "alternating build rounds at 1x (median reported)")
	fs.IntVar(&cfg.roundsBig, "rounds-big", 1, "alternating build rounds at scales above 1x")
	fs.IntVar(&cfg.reps, "reps", 20, "timed passes over the query set")
	fs.DurationVar(&cfg.queryTime, "query-time", time.Minute, "start no query pass after this long")
	fs.IntVar(&cfg.facetReps, "facet-reps", 50, "repetitions of the facet counts over all documents")
	fs.BoolVar(&cfg.lean, "lean", false, "also build raw Bleve with a lean mapping in each round")
	fs.StringVar(&cfg.gogc, "gogc", "", "GOGC for the build children (default: inherited)")
	fs.StringVar(&cfg.workdir, "workdir", "", "work directory (default: a new temporary one, removed at the end)")
	fs.StringVar(&cfg.goCmd, "go", "go", "go command used to build the binaries")
	fs.StringVar(&cfg.replicas, "replicas", "", "directory of replicas rK.jsonl.gz (from -replicate) to reuse at scale K")
	fs.StringVar(&cfg.before, "before", "", "an earlier indexer binary, built in each round beside the current one")
	fs.BoolVar(&cfg.noQueries, "no-queries", false, "measure the builds only")
	fs.IntVar(&cfg.replicate, "replicate", 0, "write the corpus replicated K times to -o and exit")
	fs.StringVar(&cfg.replicateTo, "o", "", "output of -replicate (.jsonl.gz)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	var err error
	if cfg.scales, err = parseScales(*scales); err != nil {
		fmt.Fprintln(stderr, "newsbench: -scales:", err)
		return nil, err
	}
	if cfg.replicate > 0 && cfg.replicateTo == "" {
		fmt.Fprintln(stderr, "newsbench: -replicate needs -o FILE")
		return nil, flag.ErrHelp
	}
	return cfg, nil
}

// maxScale bounds a replication factor.
const maxScale = 256

func parseScales(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 || k > maxScale {
			return nil, fmt.Errorf("%q is not a factor from 1 to %d", f, maxScale)
		}
		out = append(out, k)
	}
	return out, nil
}

func writeReplica(cfg *config, stderr io.Writer) error {
	c, err := bench.Replicate(cfg.corpus, cfg.replicateTo, cfg.replicate)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "newsbench: wrote %d articles (%.1f MiB uncompressed) to %s\n", c.Lines, mib(c.Bytes), c.Path)
	return nil
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }
