package load

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"127.9.9.9:1", true}, {"[::1]:80", true}, {"localhost:8080", true},
		{"10.0.0.1:8080", false}, {"example.org:80", false}, {"0.0.0.0:80", false}, {"127.0.0.1", false},
	}
	for _, tt := range tests {
		if err := CheckLoopback(tt.addr); (err == nil) != tt.ok {
			t.Errorf("CheckLoopback(%q) = %v", tt.addr, err)
		}
	}
}

func TestParseTargets(t *testing.T) {
	in := "# comment\n\noil prices\nq1\tterm\twheat\tfilter=topics:grain\n/api/search?q=x&sort=newest\n" +
		"q2\tphrase\tcrude oil\nq3\tor\tgold silver\nq4\tall\t*\n"
	got, err := ParseTargets(strings.NewReader(in))
	want := []string{"/api/search?q=oil+prices&size=10", "/api/search?q=wheat&size=10", "/api/search?q=x&sort=newest",
		"/api/search?q=%22crude+oil%22&size=10", "/api/search?q=gold+OR+silver&size=10", "/api/search?q=&size=10"}
	if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	if _, err := ParseTargets(strings.NewReader("# only\n")); err == nil {
		t.Error("a file without queries is accepted")
	}
}

func TestPercentile(t *testing.T) {
	r := &Result{}
	for i := 1; i <= 100; i++ {
		r.Latencies = append(r.Latencies, time.Duration(i))
	}
	for p, want := range map[float64]time.Duration{0.5: 50, 0.99: 99, 1: 100, 0: 1} {
		if got := r.Percentile(p); got != want {
			t.Errorf("Percentile(%v) = %v, want %v", p, got, want)
		}
	}
	if (&Result{}).Percentile(0.5) != 0 {
		t.Error("no requests: percentile is not 0")
	}
}

// TestRun loads a test server whose "bad" query fails: the run stops at
// MaxRequests and counts each failure.
func TestRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("q") {
		case "bad":
			http.Error(w, `{"error":{"message":"no"}}`, http.StatusBadRequest)
		case "text":
			w.Write([]byte("not json"))
		default:
			w.Write([]byte(`{"total":1}`))
		}
	}))
	defer srv.Close()
	cfg := Config{Addr: strings.TrimPrefix(srv.URL, "http://"), Clients: 4, Duration: time.Minute, MaxRequests: 40,
		Targets: []string{"/api/search?q=ok", "/api/search?q=bad", "/api/search?q=ok", "/api/search?q=text"}, PID: os.Getpid()}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 40 || res.Failed != 20 || len(res.Latencies) != 40 || len(res.Samples) != maxSamples {
		t.Errorf("requests %d, failed %d, latencies %d, samples %d", res.Requests, res.Failed, len(res.Latencies), len(res.Samples))
	}
	if res.PeakRSSKiB <= 0 {
		t.Errorf("peak RSS of the test itself = %d", res.PeakRSSKiB)
	}
	if _, err := Run(context.Background(), Config{Addr: "192.0.2.1:80", Clients: 1, Duration: time.Second, Targets: cfg.Targets}); err == nil {
		t.Error("a non-loopback address is loaded")
	}
}
