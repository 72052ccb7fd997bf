package main

// Metrics
//
// GET /metrics answers in the Prometheus text format. searchd puts an
// outer mux in front of the web package's handler: /metrics goes to the
// registry, everything else to web, through a middleware that counts
// requests by route and status code and times them by route. The route is
// derived from the path with the same patterns as web's route table
// (web's own names, "api.search" and so on), so that one label value
// stands for one handler and a scan of random paths cannot blow up the
// number of series: whatever matches no route is "other".
//
// Index metrics are read at scrape time from the Index: the generation
// served (an info series) and when it was published, its age, its
// document count, the swaps done and the reloads that failed.

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/metrics"
	"github.com/newsfts/newsfts/internal/newsindex"
)

// instrumented is searchd's handler: /metrics, and web's handler with
// request metrics around it.
func instrumented(web http.Handler, ix *newsindex.Index) http.Handler {
	reg := metrics.New()
	reqs := reg.Counter("newsfts_http_requests_total", "HTTP requests by route and status code.", "route", "code")
	lat := reg.Histogram("newsfts_http_request_duration_seconds", "Time to answer an HTTP request, by route.", metrics.DefaultBuckets, "route")
	indexMetrics(reg, ix)

	mux := http.NewServeMux()
	mux.Handle("GET /metrics", reg)
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		web.ServeHTTP(rec, r)
		name := route(r.URL.Path)
		reqs.Inc(name, strconv.Itoa(rec.code))
		lat.Observe(time.Since(start).Seconds(), name)
	}))
	return mux
}

// indexMetrics registers the gauges and counters read from ix.
func indexMetrics(reg *metrics.Registry, ix *newsindex.Index) {
	reg.GaugeFunc("newsfts_index_info", "The generation being served (value 1).", func() []metrics.Sample {
		return []metrics.Sample{{Values: []string{ix.Stats().Generation}, Value: 1}}
	}, "generation")
	reg.GaugeFunc("newsfts_index_published_timestamp_seconds", "When the served generation was published (Unix time).", func() []metrics.Sample {
		return metrics.One(float64(ix.Stats().Published.UnixNano()) / 1e9)
	})
	reg.GaugeFunc("newsfts_index_age_seconds", "Time since the served generation was published.", func() []metrics.Sample {
		return metrics.One(time.Since(ix.Stats().Published).Seconds())
	})
	reg.GaugeFunc("newsfts_index_documents", "Documents in the served generation.", func() []metrics.Sample {
		return metrics.One(float64(ix.Stats().Docs))
	})
	reg.CounterFunc("newsfts_index_swaps_total", "New generations swapped in since start.", func() []metrics.Sample {
		swaps, _ := ix.Reloads()
		return metrics.One(float64(swaps))
	})
	reg.CounterFunc("newsfts_warmed_searches_total", "Searches answered again on a new generation before it was swapped in.", func() []metrics.Sample {
		return metrics.One(float64(ix.Warmed()))
	})
	reg.CounterFunc("newsfts_index_reload_errors_total", "Reloads that failed (the served generation stayed).", func() []metrics.Sample {
		_, failures := ix.Reloads()
		return metrics.One(float64(failures))
	})
}

// route names the route of web's table that path belongs to.
func route(path string) string {
	switch {
	case path == "/":
		return "search"
	case path == "/api/search":
		return "api.search"
	case path == "/healthz":
		return "healthz"
	case oneSegmentAfter(path, "/doc/"):
		return "doc"
	case oneSegmentAfter(path, "/api/doc/"):
		return "api.doc"
	case strings.HasPrefix(path, "/static/"):
		return "static"
	}
	return "other"
}

// oneSegmentAfter reports whether path is prefix followed by one
// non-empty path segment, as a {id} variable matches.
func oneSegmentAfter(path, prefix string) bool {
	rest, ok := strings.CutPrefix(path, prefix)
	return ok && rest != "" && !strings.Contains(rest, "/")
}

// recorder remembers the status code written through it.
type recorder struct {
	http.ResponseWriter
	code    int
	written bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.written {
		r.code, r.written = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.written = true
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection (flushing a
// streamed CSV or NDJSON export).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush passes a flush on, for handlers that assert http.Flusher.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
