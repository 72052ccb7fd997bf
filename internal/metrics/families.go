package metrics

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// CounterVec is a counter per combination of label values.
type CounterVec struct {
	meta
	mu   sync.Mutex
	vals map[string]float64
}

// Counter makes a counter family with the given label names.
func (r *Registry) Counter(name, help string, labels ...string) *CounterVec {
	c := &CounterVec{meta: meta{name, help, "counter", labels}, vals: map[string]float64{}}
	r.add(c)
	return c
}

// Inc adds one to the series with the given label values, which must be
// as many as the family's label names.
func (c *CounterVec) Inc(values ...string) { c.Add(1, values...) }

// Add adds v (not negative) to the series with the given label values.
func (c *CounterVec) Add(v float64, values ...string) {
	if len(values) != len(c.labels) || v < 0 {
		panic(fmt.Sprintf("metrics: %s takes %d label values and no negative value", c.name, len(c.labels)))
	}
	c.mu.Lock()
	c.vals[key(values)] += v
	c.mu.Unlock()
}

// Value returns the series' value.
func (c *CounterVec) Value(values ...string) float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.vals[key(values)]
}

func (c *CounterVec) write(w *bufio.Writer) {
	c.header(w)
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range sortedKeys(c.vals) {
		fmt.Fprintf(w, "%s %s\n", series(c.name, c.labels, split(k, len(c.labels))), formatFloat(c.vals[k]))
	}
}

// split undoes key.
func split(k string, n int) []string {
	if n == 0 {
		return nil
	}
	return strings.Split(k, "\xff")
}

// HistogramVec is a histogram per combination of label values.
type HistogramVec struct {
	meta
	bounds []float64 // upper bounds, ascending, without +Inf
	mu     sync.Mutex
	vals   map[string]*histogram
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	count  uint64
}

// Histogram makes a histogram family with the given bucket upper bounds.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *HistogramVec {
	b := append([]float64(nil), buckets...)
	sort.Float64s(b)
	h := &HistogramVec{meta: meta{name, help, "histogram", labels}, bounds: b, vals: map[string]*histogram{}}
	r.add(h)
	return h
}

// Observe records v in the series with the given label values.
func (h *HistogramVec) Observe(v float64, values ...string) {
	if len(values) != len(h.labels) {
		panic(fmt.Sprintf("metrics: %s takes %d label values", h.name, len(h.labels)))
	}
	i := sort.SearchFloat64s(h.bounds, v) // first bound >= v: le is inclusive
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.vals[key(values)]
	if s == nil {
		s = &histogram{counts: make([]uint64, len(h.bounds)+1)}
		h.vals[key(values)] = s
	}
	s.counts[i]++
	s.sum += v
	s.count++
}

func (h *HistogramVec) write(w *bufio.Writer) {
	h.header(w)
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, k := range sortedKeys(h.vals) {
		s, values := h.vals[k], split(k, len(h.labels))
		var cum uint64
		for i, c := range s.counts {
			cum += c
			le := "+Inf"
			if i < len(h.bounds) {
				le = formatFloat(h.bounds[i])
			}
			fmt.Fprintf(w, "%s %d\n", series(h.name+"_bucket", h.labels, values, "le", le), cum)
		}
		fmt.Fprintf(w, "%s %s\n", series(h.name+"_sum", h.labels, values), formatFloat(s.sum))
		fmt.Fprintf(w, "%s %d\n", series(h.name+"_count", h.labels, values), s.count)
	}
}

// funcFamily is a gauge or counter read from a function at scrape time.
type funcFamily struct {
	meta
	f func() []Sample
}

// Sample is one series of a family read at scrape time: its label values
// and its value.
type Sample struct {
	Values []string
	Value  float64
}

// GaugeFunc makes a gauge family whose series f returns at each scrape.
func (r *Registry) GaugeFunc(name, help string, f func() []Sample, labels ...string) {
	r.add(&funcFamily{meta{name, help, "gauge", labels}, f})
}

// CounterFunc makes a counter family whose series f returns at each scrape.
func (r *Registry) CounterFunc(name, help string, f func() []Sample, labels ...string) {
	r.add(&funcFamily{meta{name, help, "counter", labels}, f})
}

// One is the samples of a family with one unlabelled series.
func One(v float64) []Sample { return []Sample{{Value: v}} }

func (g *funcFamily) write(w *bufio.Writer) {
	g.header(w)
	for _, s := range g.f() {
		if len(s.Values) != len(g.labels) {
			continue
		}
		fmt.Fprintf(w, "%s %s\n", series(g.name, g.labels, s.Values), formatFloat(s.Value))
	}
}
