// Command evalentities scores the entity extractor on the CoNLL-2003
// development set with the document-level measure that matters for facets
// (see the corpus README and package conll): precision, recall and F1 per
// type, overall and type-agnostic. It prints two scores: one for the
// surfaces of the mentions that the extractor keeps (Extractor.Mentions),
// which is the corpus measure, and one for the canonical facet labels
// (Extract), which loses matches where a label differs from the text
// ("United States" for "U.S."). It also times Extract on one goroutine in
// articles per second.
//
// Usage:
//
//	evalentities [-conll DIR] [-file eng.testa.gz] [-model FILE] [-rules] [-errors N]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/entity/conll"
)

func main() {
	dir := flag.String("conll", "../shared/corpora/conll2003", "CoNLL-2003 `directory`")
	file := flag.String("file", "eng.testa.gz", "data `file` in the directory")
	modelFile := flag.String("model", "", "tagger model `file` instead of the built-in one")
	rules := flag.Bool("rules", false, "score the rule-based extractor, without the tagger")
	nerr := flag.Int("errors", 0, "print up to `N` false positives and negatives per type")
	flag.Parse()
	if err := run(filepath.Join(*dir, *file), *modelFile, *rules, *nerr); err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
}

func run(path, modelFile string, rules bool, nerr int) error {
	docs, err := conll.Load(path)
	if err != nil {
		return err
	}
	x, err := extractor(modelFile, rules)
	if err != nil {
		return err
	}
	fmt.Printf("%d documents from %s (tagger: %v)\n\n", len(docs), filepath.Base(path), x.HasModel())
	fmt.Println("surfaces of kept mentions (the corpus measure):")
	conll.Evaluate(docs, func(d *conll.Doc) map[string][]string { return conll.Surfaces(x, d) }).Write(os.Stdout, nerr)
	fmt.Println("\ncanonical facet labels:")
	conll.Evaluate(docs, func(d *conll.Doc) map[string][]string { return conll.Labels(x, d) }).Write(os.Stdout, 0)
	wall, cpu := speed(x, docs)
	fmt.Printf("\nspeed on one goroutine: %.0f articles/s by the wall clock, %.0f per CPU second\n", wall, cpu)
	return nil
}

// extractor returns the extractor to score.
func extractor(modelFile string, rules bool) (*entity.Extractor, error) {
	switch {
	case rules:
		return entity.NewWithModel(nil, nil)
	case modelFile != "":
		f, err := os.Open(modelFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return entity.NewWithModel(nil, f)
	}
	return entity.New(nil)
}

// speed returns the articles per second that Extract handles on docs on
// one goroutine: by the wall clock, and by the process's CPU time, which
// other processes on a busy machine do not inflate.
func speed(x *entity.Extractor, docs []*conll.Doc) (wall, cpu float64) {
	runtime.GC()
	start, cpu0 := time.Now(), cpuTime()
	n := 0
	for time.Since(start) < 2*time.Second {
		for _, d := range docs {
			x.Extract("", d.Lines)
			n++
		}
	}
	return float64(n) / time.Since(start).Seconds(), float64(n) / (cpuTime() - cpu0).Seconds()
}

// cpuTime returns the user and system CPU time of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
