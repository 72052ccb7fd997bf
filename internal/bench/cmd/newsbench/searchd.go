package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"time"

	"github.com/newsfts/newsfts/internal/bench"
)

// startTimeout bounds how long searchd may take to answer /healthz.
const startTimeout = 60 * time.Second

// searchdMode is one way the query phase runs searchd.
type searchdMode struct {
	name  string
	flags []string
}

// modes: "cold" computes every response (no result cache), so each sample
// is a search; "warm" is searchd as it serves by default, where the passes
// after the first are answered from the result cache.
var modes = []searchdMode{{"cold", []string{"-cache", "0"}}, {"warm", nil}}

// serve runs the query phase against searchd on root in each mode.
func (e *env) serve(ctx context.Context, r *scaleResult, root string) error {
	for _, m := range modes {
		if err := e.serveMode(ctx, r, root, m); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return nil
}

// serveMode starts searchd on root in mode m, runs the query phase and
// stops it.
func (e *env) serveMode(ctx context.Context, r *scaleResult, root string, m searchdMode) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	args := append([]string{"-index", root, "-addr", addr, "-reload", "1m"}, m.flags...)
	cmd := exec.CommandContext(ctx, filepath.Join(e.bin, "searchd"), args...)
	cmd.Env = append(e.buildEnv(), "GODEBUG=gctrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start searchd: %w", err)
	}
	q := &queryResult{mode: m.name}
	r.modes = append(r.modes, q)
	qerr := e.query(ctx, r, q, "http://"+addr)
	cmd.Process.Signal(syscall.SIGTERM)
	werr := cmd.Wait()
	q.searchd = bench.UsageOf(cmd.ProcessState, time.Since(start))
	q.heapMiB = peakHeap(stderr.Bytes())
	if qerr != nil {
		return fmt.Errorf("%w (searchd: %s)", qerr, lastLine(stderr.String()))
	}
	if werr != nil {
		return fmt.Errorf("searchd: %w: %s", werr, lastLine(stderr.String()))
	}
	return nil
}

// query waits for searchd, then times the query set and the facet counts
// over all documents.
func (e *env) query(ctx context.Context, r *scaleResult, q *queryResult, base string) error {
	client := &http.Client{Timeout: 30 * time.Second}
	docs, err := waitHealthy(ctx, client, base)
	if err != nil {
		return err
	}
	r.docs = docs
	fmt.Fprintf(e.log, "newsbench: %dx searchd (%s) up with %d documents; querying\n", r.k, q.mode, docs)
	l := &bench.Load{Base: base, Reps: e.cfg.reps, Limit: e.cfg.queryTime, Client: client}
	if q.queries, err = l.Queries(ctx, e.queries); err != nil {
		return err
	}
	q.facetAll, err = l.Repeat(ctx, url.Values{}, e.cfg.facetReps)
	return err
}

// waitHealthy polls /healthz until searchd answers, and returns its
// document count.
func waitHealthy(ctx context.Context, client *http.Client, base string) (int, error) {
	deadline := time.Now().Add(startTimeout)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthz", nil)
		resp, err := client.Do(req)
		if err == nil {
			var h struct {
				Documents int `json:"documents"`
			}
			err = json.NewDecoder(resp.Body).Decode(&h)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusOK {
				return h.Documents, nil
			}
		}
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		time.Sleep(50 * time.Millisecond)
	}
	return 0, fmt.Errorf("searchd did not answer on %s within %s", base, startTimeout)
}

// freeAddr returns a loopback address with a port that was free a moment
// ago.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// gcHeapRE matches the heap sizes of a GODEBUG=gctrace=1 line:
// "… 12->13->6 MB, …" (at GC start, at GC end, live).
var gcHeapRE = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB`)

// peakHeap returns the largest heap at the start or end of a GC in a
// gctrace log, in MiB.
func peakHeap(log []byte) int {
	peak := 0
	for _, m := range gcHeapRE.FindAllSubmatch(log, -1) {
		for _, g := range m[1:3] {
			n, _ := strconv.Atoi(string(g))
			peak = max(peak, n)
		}
	}
	return peak
}
