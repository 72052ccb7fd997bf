package metrics

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestExposition(t *testing.T) {
	r := New()
	reqs := r.Counter("http_requests_total", "Requests by route and code.", "route", "code")
	lat := r.Histogram("http_request_duration_seconds", "Latency.", []float64{0.1, 0.01, 1}, "route")
	r.GaugeFunc("index_age_seconds", "Age of the served index.", func() []Sample { return One(42.5) })
	r.GaugeFunc("index_info", "The served generation.", func() []Sample {
		return []Sample{{Values: []string{`gen-"a"\b`}, Value: 1}}
	}, "generation")
	reqs.Inc("search", "200")
	reqs.Inc("search", "200")
	reqs.Add(3, "doc", "404")
	lat.Observe(0.01, "search") // on a bound: counted in it (le is inclusive)
	lat.Observe(0.5, "search")
	lat.Observe(7, "search")

	want := `# HELP http_requests_total Requests by route and code.
# TYPE http_requests_total counter
http_requests_total{route="doc",code="404"} 3
http_requests_total{route="search",code="200"} 2
# HELP http_request_duration_seconds Latency.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{route="search",le="0.01"} 1
http_request_duration_seconds_bucket{route="search",le="0.1"} 1
http_request_duration_seconds_bucket{route="search",le="1"} 2
http_request_duration_seconds_bucket{route="search",le="+Inf"} 3
http_request_duration_seconds_sum{route="search"} 7.51
http_request_duration_seconds_count{route="search"} 3
# HELP index_age_seconds Age of the served index.
# TYPE index_age_seconds gauge
index_age_seconds 42.5
# HELP index_info The served generation.
# TYPE index_info gauge
index_info{generation="gen-\"a\"\\b"} 1
`
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if got := rec.Body.String(); got != want {
		t.Errorf("exposition:\n%s\nwant:\n%s", got, want)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q", ct)
	}
	if v := reqs.Value("search", "200"); v != 2 {
		t.Errorf("Value = %v", v)
	}
}
