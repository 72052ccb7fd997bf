// Package load drives a running searchd with concurrent clients and
// measures what it sees: throughput, latency percentiles, failed requests
// and the server's peak resident memory.
//
// It is a test tool, bounded on purpose: it talks to loopback addresses
// only (it must not become a way to flood someone else's server), stops
// after Duration or MaxRequests, whichever comes first, and gives every
// request its own timeout. A request fails when it cannot be sent, times
// out, or answers anything but 200 with a body that parses as JSON; the
// first few failures are kept as samples for the report.
package load

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// maxSamples is how many failures a Result keeps word for word.
const maxSamples = 10

// Config says what to run.
type Config struct {
	Addr        string        // host:port of searchd; the host must be loopback
	Clients     int           // concurrent clients
	Duration    time.Duration // how long to run
	MaxRequests int64         // stop after this many requests; 0 = no limit but Duration
	Timeout     time.Duration // per request; 0 = 10s
	Targets     []string      // request paths with query, e.g. "/api/search?q=oil"
	PID         int           // searchd's process id, to read its peak RSS; 0 = none
}

// Result is what a run measured.
type Result struct {
	Requests   int64
	Failed     int64
	Samples    []string // the first failures, as "target: reason"
	Elapsed    time.Duration
	Latencies  []time.Duration // of every request, sorted
	PeakRSSKiB int64           // VmHWM of PID at the end; 0 when unknown
}

// Throughput is requests per second over the run.
func (r *Result) Throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Percentile returns the latency below which a share p (0..1) of the
// requests finished, by the nearest-rank method; 0 with no requests.
func (r *Result) Percentile(p float64) time.Duration {
	n := len(r.Latencies)
	if n == 0 {
		return 0
	}
	i := int(p*float64(n)+0.999999) - 1
	return r.Latencies[min(max(i, 0), n-1)]
}

// CheckLoopback returns an error unless addr's host is a loopback address
// or "localhost".
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q: only loopback addresses (127.0.0.0/8, ::1, localhost) may be loaded", addr)
	}
	return nil
}

// Run loads cfg.Addr until cfg.Duration passes, cfg.MaxRequests have been
// sent, or ctx ends.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := CheckLoopback(cfg.Addr); err != nil {
		return nil, err
	}
	if len(cfg.Targets) == 0 || cfg.Clients < 1 || cfg.Duration <= 0 {
		return nil, errors.New("load: need targets, at least one client and a duration")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	r := &runner{cfg: cfg, client: &http.Client{Timeout: cfg.Timeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients, DisableCompression: true}}}
	start := time.Now()
	var wg sync.WaitGroup
	lat := make([][]time.Duration, cfg.Clients)
	for c := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[c] = r.client1(ctx)
		}()
	}
	wg.Wait()
	res := &Result{Requests: r.sent.Load(), Failed: r.failed.Load(), Samples: r.samples, Elapsed: time.Since(start)}
	res.Latencies = slices.Concat(lat...)
	slices.Sort(res.Latencies)
	if cfg.PID > 0 {
		res.PeakRSSKiB, _ = PeakRSS(cfg.PID)
	}
	return res, nil
}

// runner is the state the clients of one run share.
type runner struct {
	cfg    Config
	client *http.Client
	next   atomic.Int64 // index of the next target
	sent   atomic.Int64
	failed atomic.Int64

	mu      sync.Mutex
	samples []string
}

// client1 sends requests one after another until the run ends and returns
// their latencies.
func (r *runner) client1(ctx context.Context) []time.Duration {
	var lat []time.Duration
	for ctx.Err() == nil {
		n := r.next.Add(1)
		if r.cfg.MaxRequests > 0 && n > r.cfg.MaxRequests {
			return lat
		}
		target := r.cfg.Targets[int(n-1)%len(r.cfg.Targets)]
		start := time.Now()
		err := r.get(ctx, target)
		if err != nil && ctx.Err() != nil {
			return lat // cut short by the end of the run: not a failure
		}
		lat = append(lat, time.Since(start))
		r.sent.Add(1)
		if err != nil {
			r.fail(target, err)
		}
	}
	return lat
}

// get sends one request and checks its answer.
func (r *runner) get(ctx context.Context, target string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+r.cfg.Addr+target, nil)
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	if !json.Valid(body) {
		return fmt.Errorf("the body is not JSON: %.200s", body)
	}
	return nil
}

func (r *runner) fail(target string, err error) {
	r.failed.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.samples) < maxSamples {
		u, _ := url.PathUnescape(target)
		r.samples = append(r.samples, u+": "+err.Error())
	}
}
