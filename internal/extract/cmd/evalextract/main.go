// Command evalextract measures the cleaners in package extract on the
// article extraction benchmark: for the text dumps and for the HTML pages it
// prints precision, recall and F1 of 4-token shingles (the benchmark's own
// metric), the mean per-page F1 with empty output counted as zero, and the
// median and mean wall time per page (the cleaning only, not the reading).
//
// Usage:
//
//	go run ./internal/extract/cmd/evalextract [-bench DIR] [-v] [-only text|html]
//	go run ./internal/extract/cmd/evalextract -show FILE...
//
// -bench names the benchmark directory (html/ID.html.gz, text/ID.txt.gz,
// ground-truth.json). -v prints every page's F1, worst first. -show prints
// what the cleaner finds in each FILE (text or HTML, gzipped or not) as JSON,
// for inspection by eye. The tests never need this command.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/extract"
)

type config struct {
	bench   string
	verbose bool
	only    string
	show    bool
}

func main() {
	var c config
	flag.StringVar(&c.bench, "bench", "../shared/corpora/article-extraction-benchmark", "benchmark `dir`ectory")
	flag.BoolVar(&c.verbose, "v", false, "print each page's F1, worst first")
	flag.StringVar(&c.only, "only", "", "evaluate only `variant` text or html")
	flag.BoolVar(&c.show, "show", false, "print the cleaner's result for each FILE argument as JSON")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("evalextract: ")
	if c.show {
		if err := show(flag.Args()); err != nil {
			log.Fatal(err)
		}
		return
	}
	truth, err := loadTruth(filepath.Join(c.bench, "ground-truth.json"))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range []string{"text", "html"} {
		if c.only == "" || c.only == v {
			if err := evaluate(c, v, truth); err != nil {
				log.Fatal(err)
			}
		}
	}
}

// show prints the result for each file.
func show(files []string) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	for _, f := range files {
		data, err := readMaybeGzip(f)
		if err != nil {
			return err
		}
		if err := enc.Encode(clean(f, data)); err != nil {
			return err
		}
	}
	return nil
}

func clean(name string, data []byte) *extract.Result {
	n := strings.TrimSuffix(name, ".gz")
	if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm") {
		return extract.HTML(data)
	}
	return extract.Text(data)
}

func readMaybeGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

func loadTruth(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var raw map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	out := make(map[string]string, len(raw))
	for id, v := range raw {
		out[id] = v.ArticleBody
	}
	return out, nil
}

type pageScore struct {
	id             string
	tp, fp, fn     float64
	f1             float64
	outputNonEmpty bool
}

// evaluate runs one variant over all pages and prints its figures.
func evaluate(c config, variant string, truth map[string]string) error {
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var scores []pageScore
	var times []time.Duration
	for _, id := range ids {
		name := filepath.Join(c.bench, variant, id+map[string]string{"text": ".txt.gz", "html": ".html.gz"}[variant])
		data, err := readMaybeGzip(name)
		if err != nil {
			return err
		}
		t0 := time.Now()
		res := clean(name, data)
		times = append(times, time.Since(t0))
		scores = append(scores, score(id, res.Body(), truth[id]))
	}
	report(variant, scores, times)
	if c.verbose {
		sort.Slice(scores, func(i, j int) bool { return scores[i].f1 < scores[j].f1 })
		for _, s := range scores {
			fmt.Printf("  %.3f P=%.3f R=%.3f %s\n", s.f1, s.tp/(s.tp+s.fp+1e-9), s.tp/(s.tp+s.fn+1e-9), s.id)
		}
	}
	return nil
}

// report prints the variant's figures: precision over pages with output,
// recall over all pages, their F1, the mean per-page F1, and the median and
// mean wall time per page.
func report(variant string, scores []pageScore, times []time.Duration) {
	var p, r, f float64
	var nonEmpty int
	for _, s := range scores {
		if s.outputNonEmpty {
			p += s.tp / (s.tp + s.fp)
			nonEmpty++
		}
		r += s.tp / (s.tp + s.fn)
		f += s.f1
	}
	n := float64(len(scores))
	p /= float64(max(nonEmpty, 1))
	r /= n
	median, mean := timeStats(times)
	fmt.Printf("%-4s pages=%d precision=%.3f recall=%.3f F1=%.3f mean-page-F1=%.3f median-ms/page=%.3f mean-ms/page=%.3f\n",
		variant, len(scores), p, r, 2*p*r/(p+r), f/n, ms(median), ms(mean))
}

// timeStats returns the median and mean of times.
func timeStats(times []time.Duration) (median, mean time.Duration) {
	if len(times) == 0 {
		return 0, 0
	}
	s := slices.Clone(times)
	slices.Sort(s)
	var sum time.Duration
	for _, t := range s {
		sum += t
	}
	return s[len(s)/2], sum / time.Duration(len(s))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var wordRE = regexp.MustCompile(`[\p{L}\p{M}\p{N}_]+`)

// shingles returns the multiset of 4-token shingles of s.
func shingles(s string) map[string]float64 {
	toks := wordRE.FindAllString(s, -1)
	out := make(map[string]float64)
	if len(toks) == 0 {
		return out
	}
	if len(toks) < 4 {
		out[strings.Join(toks, " ")]++
		return out
	}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], " ")]++
	}
	return out
}

func score(id, got, want string) pageScore {
	g, w := shingles(got), shingles(want)
	var tp, fp, fn float64
	for k, n := range g {
		m := min(n, w[k])
		tp += m
		fp += n - m
	}
	for k, n := range w {
		fn += max(n-g[k], 0)
	}
	s := pageScore{id: id, tp: tp, fp: fp, fn: fn, outputNonEmpty: len(g) > 0}
	if tp > 0 {
		s.f1 = 2 * tp / (2*tp + fp + fn)
	}
	return s
}
