package bench_test

import (
	"os"
	"runtime"
	"strconv"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/bench"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/pipeline"
)

// BenchmarkPipeline builds the corpus named by $NEWSFTS_BENCH_CORPUS with
// the indexer's pipeline, in-process so that -cpuprofile sees it all
// (`make bench-profile`), with the indexer's GC settings;
// $NEWSFTS_BENCH_BATCH sets the batch size and $NEWSFTS_BENCH_WRITERS the
// batches written at once.
// Without the corpus variable it is skipped, and so it never reads outside
// the repository in `make test`.
func BenchmarkPipeline(b *testing.B) {
	path := os.Getenv("NEWSFTS_BENCH_CORPUS")
	if path == "" {
		b.Skip("set NEWSFTS_BENCH_CORPUS to a JSON Lines corpus")
	}
	c, err := bench.Count(path)
	if err != nil {
		b.Fatal(err)
	}
	maxBytes := max(c.Bytes+1<<20, article.DefaultMaxBytes)
	batch, _ := strconv.Atoi(os.Getenv("NEWSFTS_BENCH_BATCH"))
	writers, _ := strconv.Atoi(os.Getenv("NEWSFTS_BENCH_WRITERS"))
	pipeline.TuneGC()
	b.ResetTimer()
	for range b.N {
		n, _, err := bench.Pipeline(b.TempDir(), []string{path}, runtime.GOMAXPROCS(0), maxBytes, newsindex.BatchSize(batch), newsindex.Writers(writers))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "indexed")
	}
	b.ReportMetric(float64(c.Lines*b.N)/b.Elapsed().Seconds(), "docs/s")
}
