package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Load sends queries to a searchd, one at a time, and times them from the
// request's start to the last byte of the response.
type Load struct {
	Base   string        // searchd's root URL, e.g. "http://127.0.0.1:8123"
	Reps   int           // passes over the query set after the warm-up pass
	Limit  time.Duration // stop starting passes after this long; 0 = no limit
	Client *http.Client  // http.DefaultClient when nil
}

// Result is what a query phase measured.
type Result struct {
	Samples []time.Duration            // one per request, warm-up excluded
	First   []time.Duration            // the warm-up pass: each query's first request
	ByQuery map[string][]time.Duration // the same samples by query id
	Totals  map[string]uint64          // total hits per query id
	Passes  int                        // passes done (Limit may cut them short)
}

// maxBody bounds how much of a response is read.
const maxBody = 16 << 20

// Queries runs one warm-up pass over qs, then up to l.Reps timed passes.
func (l *Load) Queries(ctx context.Context, qs []Query) (*Result, error) {
	res := &Result{Totals: map[string]uint64{}, ByQuery: map[string][]time.Duration{}}
	for _, q := range qs {
		d, total, err := l.get(ctx, q.Params)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.ID, err)
		}
		res.Totals[q.ID] = total
		res.First = append(res.First, d)
	}
	start := time.Now()
	for pass := 0; pass < l.Reps; pass++ {
		if l.Limit > 0 && time.Since(start) > l.Limit {
			break
		}
		for _, q := range qs {
			d, _, err := l.get(ctx, q.Params)
			if err != nil {
				return nil, fmt.Errorf("query %s: %w", q.ID, err)
			}
			res.Samples = append(res.Samples, d)
			res.ByQuery[q.ID] = append(res.ByQuery[q.ID], d)
		}
		res.Passes++
	}
	return res, nil
}

// Repeat sends one search n times after a warm-up request and returns the
// latencies.
func (l *Load) Repeat(ctx context.Context, params url.Values, n int) ([]time.Duration, error) {
	ds := make([]time.Duration, 0, n)
	for i := 0; i <= n; i++ {
		d, _, err := l.get(ctx, params)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", params.Encode(), err)
		}
		if i > 0 {
			ds = append(ds, d)
		}
	}
	return ds, nil
}

// get sends one search and returns its latency and total hit count.
func (l *Load) get(ctx context.Context, params url.Values) (time.Duration, uint64, error) {
	client := l.Client
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.Base+"/api/search?"+params.Encode(), nil)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	resp.Body.Close()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("read response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("status %s: %s", resp.Status, tail(body, 300))
	}
	var r struct {
		Total uint64 `json:"total"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, 0, fmt.Errorf("decode response: %w", err)
	}
	return d, r.Total, nil
}
