package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/bench"
)

// report prints the tables for the scales measured so far: builds and
// ratios, queries, and the curve of build CPU per article.
func report(w io.Writer, e *env, rs []*scaleResult) {
	fmt.Fprintf(w, "\n## newsbench %s  corpus %s  GOGC=%s\n\n", time.Now().UTC().Format(time.RFC3339), e.cfg.corpus, orDefault(e.cfg.gogc, "default"))
	buildTable(w, rs)
	ratioTable(w, rs)
	beforeTable(w, rs)
	if !e.cfg.noQueries {
		queryTable(w, rs)
	}
	curveTable(w, rs)
	if !e.cfg.noQueries {
		notes(w, e, rs[len(rs)-1])
	}
}

func names(r *scaleResult) []string {
	var out []string
	for _, n := range []string{rawBleve, newsfts, before, rawLean} {
		if r.builds[n] != nil {
			out = append(out, n)
		}
	}
	return out
}

func buildTable(w io.Writer, rs []*scaleResult) {
	fmt.Fprintln(w, "| scale | build | rounds | articles | indexed | docs/s | wall s | CPU s | CPU µs/article | peak RSS MiB | index MiB |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rs {
		for _, n := range names(r) {
			s := r.builds[n]
			fmt.Fprintf(w, "| %dx | %s | %d | %d | %d | %.0f | %.2f | %.2f | %.0f | %.0f | %.1f |\n",
				r.k, n, len(s.wall), r.corpus.Lines, s.indexed, r.docsPerSec(n), bench.Median(s.wall),
				bench.Median(s.cpu), r.cpuPerDoc(n), bench.Median(s.rss)/(1<<20), bench.Median(s.size)/(1<<20))
		}
	}
	fmt.Fprintln(w)
}

func ratioTable(w io.Writer, rs []*scaleResult) {
	fmt.Fprintln(w, "| scale | pipeline docs/s ÷ raw docs/s (target ≥ 1.5) | pipeline CPU ÷ raw CPU | pipeline index ÷ raw index | pipeline peak RSS ÷ raw |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rs {
		a, b := r.builds[rawBleve], r.builds[newsfts]
		fmt.Fprintf(w, "| %dx | %.2f | %.2f | %.2f | %.2f |\n", r.k,
			r.docsPerSec(newsfts)/r.docsPerSec(rawBleve), ratio(b.cpu, a.cpu), ratio(b.size, a.size), ratio(b.rss, a.rss))
	}
	fmt.Fprintln(w)
}

// beforeTable compares the pipeline with the -before binary, if any.
func beforeTable(w io.Writer, rs []*scaleResult) {
	if rs[0].builds[before] == nil {
		return
	}
	fmt.Fprintln(w, "| scale | pipeline docs/s ÷ before | before docs/s ÷ raw | pipeline CPU ÷ before | pipeline peak RSS ÷ before |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rs {
		a, b := r.builds[before], r.builds[newsfts]
		fmt.Fprintf(w, "| %dx | %.2f | %.2f | %.2f | %.2f |\n", r.k, r.docsPerSec(newsfts)/r.docsPerSec(before),
			r.docsPerSec(before)/r.docsPerSec(rawBleve), ratio(b.cpu, a.cpu), ratio(b.rss, a.rss))
	}
	fmt.Fprintln(w)
}

func ratio(a, b []float64) float64 { return bench.Median(a) / bench.Median(b) }

func queryTable(w io.Writer, rs []*scaleResult) {
	fmt.Fprintln(w, "Modes: cold = searchd -cache 0, every request searched; warm = searchd as it runs by default, passes after the first answered from its result cache.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scale | mode | documents | samples | query p50 / p95 / p99 ms (targets 1 / 15 / 30 at 16x) | first pass p50 / p95 / p99 ms | facet counts over all docs, median ms (≤ 2) | searchd CPU s | searchd peak RSS MiB | Go heap peak MiB (≤ 256) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rs {
		for _, m := range r.modes {
			q, first := m.queries.Samples, m.queries.First
			fmt.Fprintf(w, "| %dx | %s | %d | %d | %s / %s / %s | %s / %s / %s | %s | %.2f | %.0f | %d |\n", r.k, m.mode, r.docs, len(q),
				ms(bench.Percentile(q, 50)), ms(bench.Percentile(q, 95)), ms(bench.Percentile(q, 99)),
				ms(bench.Percentile(first, 50)), ms(bench.Percentile(first, 95)), ms(bench.Percentile(first, 99)),
				ms(bench.Percentile(m.facetAll, 50)), m.searchd.CPU.Seconds(), float64(m.searchd.PeakRSS)/(1<<20), m.heapMiB)
		}
	}
	fmt.Fprintln(w)
}

func curveTable(w io.Writer, rs []*scaleResult) {
	fmt.Fprintln(w, "| scale | articles | raw Bleve CPU µs/article | pipeline CPU µs/article | pipeline ÷ its 1x | pipeline peak RSS MiB |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	base := 0.0
	for _, r := range rs {
		c := r.cpuPerDoc(newsfts)
		if r.k == 1 || base == 0 {
			base = c
		}
		fmt.Fprintf(w, "| %dx | %d | %.0f | %.0f | %.2f | %.0f |\n", r.k, r.corpus.Lines, r.cpuPerDoc(rawBleve), c, c/base,
			bench.Median(r.builds[newsfts].rss)/(1<<20))
	}
	fmt.Fprintln(w)
}

// notes lists the query options that had no API equivalent and the
// queries that found nothing, so that a reader can judge the set.
func notes(w io.Writer, e *env, r *scaleResult) {
	if len(r.modes) == 0 {
		return
	}
	cold := r.modes[0].queries // the mode whose every sample is a search
	var dropped, empty []string
	for _, q := range e.queries {
		if len(q.Dropped) > 0 {
			dropped = append(dropped, q.ID+" "+strings.Join(q.Dropped, " "))
		}
		if cold.Totals[q.ID] == 0 {
			empty = append(empty, q.ID)
		}
	}
	sort.Strings(empty)
	fmt.Fprintf(w, "Options without an API equivalent (dropped; every facet is always counted): %s\n", orDefault(strings.Join(dropped, "; "), "none"))
	fmt.Fprintf(w, "Queries with no hit at %dx: %s\n", r.k, orDefault(strings.Join(empty, " "), "none"))
	fmt.Fprintf(w, "Query passes (%s): %d of %d (bounded by -query-time %s)\n", r.modes[0].mode, cold.Passes, e.cfg.reps, e.cfg.queryTime)
	fmt.Fprintf(w, "Slowest queries at %dx, %s (median ms, hits): %s\n\n", r.k, r.modes[0].mode, slowest(cold, 10))
}

// slowest lists the n queries with the largest median latency.
func slowest(r *bench.Result, n int) string {
	type q struct {
		id string
		d  time.Duration
	}
	var qs []q
	for id, ds := range r.ByQuery {
		qs = append(qs, q{id, bench.Percentile(ds, 50)})
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].d > qs[j].d || qs[i].d == qs[j].d && qs[i].id < qs[j].id })
	var parts []string
	for _, x := range qs[:min(n, len(qs))] {
		parts = append(parts, fmt.Sprintf("%s %s (%d)", x.id, ms(x.d), r.Totals[x.id]))
	}
	return strings.Join(parts, ", ")
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
