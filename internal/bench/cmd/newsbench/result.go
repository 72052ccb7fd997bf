package main

import (
	"fmt"
	"io"
	"time"

	"github.com/newsfts/newsfts/internal/bench"
)

// scaleResult is everything measured at one scale.
type scaleResult struct {
	k      int
	corpus bench.Corpus
	builds map[string]*samples
	modes  []*queryResult // the query phase in each searchd mode
	docs   int            // documents searchd reports
}

// queryResult is the query phase against one searchd.
type queryResult struct {
	mode     string
	queries  *bench.Result   // the query set through searchd
	facetAll []time.Duration // facet counts over all documents
	searchd  bench.Usage     // searchd's usage over its whole life
	heapMiB  int             // largest Go heap searchd's GC saw
}

// samples holds one build's figures, one per round.
type samples struct {
	wall, cpu, rss, size []float64 // seconds, seconds, bytes, bytes
	indexed              int       // documents in the index (last round)
}

// add records one build that wrote its index to dir.
func (r *scaleResult) add(name string, u bench.Usage, dir string, indexed int, log io.Writer) error {
	size, err := bench.DirSize(dir)
	if err != nil {
		return err
	}
	s := r.builds[name]
	if s == nil {
		s = &samples{}
		r.builds[name] = s
	}
	s.wall = append(s.wall, u.Wall.Seconds())
	s.cpu = append(s.cpu, u.CPU.Seconds())
	s.rss = append(s.rss, float64(u.PeakRSS))
	s.size = append(s.size, float64(size))
	s.indexed = indexed
	fmt.Fprintf(log, "newsbench: %dx %-24s %6.1fs wall %6.1fs CPU %5.0f MiB RSS %5.0f MiB index, %d indexed\n",
		r.k, name, u.Wall.Seconds(), u.CPU.Seconds(), float64(u.PeakRSS)/(1<<20), float64(size)/(1<<20), indexed)
	return nil
}

// docsPerSec is the median rate over the corpus's input lines.
func (r *scaleResult) docsPerSec(name string) float64 {
	s := r.builds[name]
	if s == nil {
		return 0
	}
	return float64(r.corpus.Lines) / bench.Median(s.wall)
}

// cpuPerDoc is the median build CPU per input article, in microseconds.
func (r *scaleResult) cpuPerDoc(name string) float64 {
	s := r.builds[name]
	if s == nil {
		return 0
	}
	return bench.Median(s.cpu) / float64(r.corpus.Lines) * 1e6
}
