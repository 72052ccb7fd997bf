package bench_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/newsfts/newsfts/internal/bench"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/web"
)

// BenchmarkSearch serves searches from the index published under
// $NEWSFTS_BENCH_INDEX through searchd's handler, in-process and without
// a network, so that -cpuprofile sees where a request's time goes
// (`make bench-profile-search`). facets-all is the search with no query;
// query-set runs each query of $NEWSFTS_BENCH_QUERIES once per iteration.
func BenchmarkSearch(b *testing.B) {
	root := os.Getenv("NEWSFTS_BENCH_INDEX")
	if root == "" {
		b.Skip("set NEWSFTS_BENCH_INDEX to an index root published by indexer")
	}
	ix, err := newsindex.Open(root)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	h, err := web.New(ix, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("facets-all", func(b *testing.B) {
		for range b.N {
			serveOne(b, h, "/api/search")
		}
	})
	var qs []bench.Query
	if f, err := os.Open(os.Getenv("NEWSFTS_BENCH_QUERIES")); err == nil {
		qs, err = bench.ParseQueries(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("query-set", func(b *testing.B) {
		if len(qs) == 0 {
			b.Skip("set NEWSFTS_BENCH_QUERIES to a query set")
		}
		for range b.N {
			for _, q := range qs {
				serveOne(b, h, "/api/search?"+q.Params.Encode())
			}
		}
	})
}

func serveOne(b *testing.B, h http.Handler, target string) {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	if w.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", target, w.Code, w.Body.String())
	}
}
