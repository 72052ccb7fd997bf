package bench_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/bench"
	"github.com/newsfts/newsfts/internal/bench/baseline"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/web"
)

// smokeQueries is a small query set in the bench's format.
const smokeQueries = `# id	shape	text	options
s1	term	copper
s2	and	shipments demand
s3	or	barley tin
s4	phrase	interest rates
s5	all	*	filter=places:japan
s6	term	tonnes	filter=topics:sugar facets=places,topics
s7	term	zeppelin
`

// TestSmoke runs the harness's parts end to end on a generated corpus: both
// builds, then the query set and the facet counts through searchd's
// handler over HTTP.
func TestSmoke(t *testing.T) {
	src := writeCorpus(t, 50)
	if n, err := baseline.Build(src, filepath.Join(t.TempDir(), "raw"), baseline.Options{Batch: 16}); n != 50 || err != nil {
		t.Errorf("baseline.Build = %d, %v; want 50 documents", n, err)
	}
	root := t.TempDir()
	indexed, skipped, err := bench.Pipeline(root, []string{src}, 2, article.DefaultMaxBytes)
	if indexed != 50 || skipped != 0 || err != nil {
		t.Fatalf("Pipeline = %d indexed, %d skipped, %v; want 50, 0", indexed, skipped, err)
	}
	base := serve(t, root)
	qs, err := bench.ParseQueries(strings.NewReader(smokeQueries))
	if err != nil {
		t.Fatal(err)
	}
	l := &bench.Load{Base: base, Reps: 2}
	res, err := l.Queries(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Samples) != 2*len(qs) || res.Passes != 2 || len(res.ByQuery) != len(qs) || len(res.ByQuery["s3"]) != 2 {
		t.Errorf("Queries: %d samples in %d passes (%d queries), want %d in 2", len(res.Samples), res.Passes, len(res.ByQuery), 2*len(qs))
	}
	want := map[string]uint64{"s1": 10, "s2": 50, "s3": 20, "s4": 50, "s5": 10, "s6": 50, "s7": 0}
	for id, n := range want {
		if res.Totals[id] != n {
			t.Errorf("query %s: %d hits, want %d", id, res.Totals[id], n)
		}
	}
	ds, err := l.Repeat(context.Background(), url.Values{}, 3)
	if len(ds) != 3 || err != nil {
		t.Errorf("Repeat = %d latencies, %v; want 3", len(ds), err)
	}
	if _, err := l.Repeat(context.Background(), url.Values{"sort": {"sideways"}}, 1); err == nil {
		t.Error("Repeat of a bad request: no error")
	}
}

// serve opens the published index behind searchd's handler and returns
// the server's URL.
func serve(t *testing.T, root string) string {
	t.Helper()
	ix, err := newsindex.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := web.New(ix, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
