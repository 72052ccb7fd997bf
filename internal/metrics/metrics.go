// Package metrics keeps counters and histograms and writes them, with
// gauges read at scrape time, in the Prometheus text exposition format
// (version 0.0.4): one "# HELP" and "# TYPE" line per family, then one line
// per series, histograms as cumulative _bucket{le=...} lines with _sum and
// _count.
//
// It is hand-written rather than github.com/prometheus/client_golang
// because searchd needs five families and no registry features, and the
// client library would bring a dozen modules (protobuf, procfs, common)
// into a binary that otherwise has none of them.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// DefaultBuckets are latency buckets in seconds, from 1ms to 10s.
var DefaultBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Registry holds metric families in the order they were made. It is safe
// for concurrent use.
type Registry struct {
	mu       sync.Mutex
	families []family
}

// family is one metric family: it writes its own series.
type family interface {
	write(w *bufio.Writer)
}

// New returns an empty Registry.
func New() *Registry { return &Registry{} }

func (r *Registry) add(f family) {
	r.mu.Lock()
	r.families = append(r.families, f)
	r.mu.Unlock()
}

// ServeHTTP writes every family.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	r.WriteTo(w)
}

// WriteTo writes every family to w in the text format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	fams := slices.Clone(r.families)
	r.mu.Unlock()
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	for _, f := range fams {
		f.write(bw)
	}
	err := bw.Flush()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// meta is what every family has.
type meta struct {
	name, help, kind string
	labels           []string
}

func (m *meta) header(w *bufio.Writer) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", m.name, escapeHelp(m.help), m.name, m.kind)
}

// series formats name{l1="v1",...} with extra label pairs appended.
func series(name string, labels, values []string, extra ...string) string {
	var b strings.Builder
	b.WriteString(name)
	n := 0
	pair := func(k, v string) {
		if n == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		n++
		b.WriteString(k + `="` + escapeValue(v) + `"`)
	}
	for i, l := range labels {
		pair(l, values[i])
	}
	for i := 0; i+1 < len(extra); i += 2 {
		pair(extra[i], extra[i+1])
	}
	if n > 0 {
		b.WriteByte('}')
	}
	return b.String()
}

var (
	valueEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

func escapeValue(s string) string { return valueEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// key joins label values into a map key.
func key(values []string) string { return strings.Join(values, "\xff") }

// sortedKeys returns m's keys sorted, for a stable exposition.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
