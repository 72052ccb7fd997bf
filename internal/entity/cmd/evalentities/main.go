// Command evalentities scores the entity extractor on the CoNLL-2003
// development set with the document-level measure that matters for facets
// (see the corpus README): per document, the distinct (surface, type) pairs
// of PER, ORG and LOC mentions; predictions equal to a MISC string of the
// document are ignored; micro-averaged precision, recall and F1 per type,
// overall, and type-agnostic. It prints two scores: one for the surfaces of
// the mentions that the extractor keeps (Extractor.Mentions), which is the
// corpus measure, and one for the canonical facet labels (Extract), which
// loses matches where a label differs from the text ("United States" for
// "U.S."). It also times Extract on one goroutine.
//
// Usage:
//
//	evalentities [-conll DIR] [-file eng.testa.gz] [-errors N]
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/entity"
)

// document is one CoNLL document: its text lines and its gold entities.
type document struct {
	lines []string            // sentences re-joined as a newswire prints them
	gold  map[string][]string // "PER", "ORG", "LOC", "MISC" -> distinct folded surfaces
}

func main() {
	dir := flag.String("conll", "../shared/corpora/conll2003", "CoNLL-2003 `directory`")
	file := flag.String("file", "eng.testa.gz", "data `file` in the directory")
	nerr := flag.Int("errors", 0, "print up to `N` false positives and negatives per type")
	flag.Parse()
	docs, err := load(filepath.Join(*dir, *file))
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	x, err := entity.New(nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	fmt.Printf("%d documents from %s\n\n", len(docs), *file)
	fmt.Println("surfaces of kept mentions (the corpus measure):")
	report(docs, func(d *document) map[string][]string { return surfaces(x, d) }, *nerr)
	fmt.Println("\ncanonical facet labels:")
	report(docs, func(d *document) map[string][]string { return labels(x, d) }, 0)
	fmt.Printf("\nspeed: %.0f articles/s on one goroutine\n", speed(x, docs))
}

// load reads a CoNLL file into documents.
func load(path string) ([]*document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		r = zr
	}
	var docs []*document
	var toks, tags []string
	flush := func() {
		if len(toks) > 0 && len(docs) > 0 {
			docs[len(docs)-1].addSentence(toks, tags)
		}
		toks, tags = toks[:0], tags[:0]
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			docs = append(docs, &document{gold: map[string][]string{}})
		default:
			toks = append(toks, fields[0])
			tags = append(tags, fields[len(fields)-1])
		}
	}
	flush()
	return docs, sc.Err()
}

// addSentence adds one sentence and its gold mentions (IOB1 tags).
func (d *document) addSentence(toks, tags []string) {
	d.lines = append(d.lines, join(toks))
	for i := 0; i < len(toks); {
		typ := strings.TrimPrefix(strings.TrimPrefix(tags[i], "B-"), "I-")
		if tags[i] == "O" {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && strings.HasPrefix(tags[j], "I-") && tags[j][2:] == typ {
			j++
		}
		d.gold[typ] = addOnce(d.gold[typ], fold(join(toks[i:j])))
		i = j
	}
}

// join re-joins tokens as a newswire prints them.
func join(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !noSpaceBefore(t) && !noSpaceAfter(toks[i-1]) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func noSpaceBefore(t string) bool {
	switch t {
	case ",", ".", ";", ":", "!", "?", ")", "%", "n't":
		return true
	}
	return strings.HasPrefix(t, "'") && len(t) > 1
}

func noSpaceAfter(t string) bool { return t == "(" || t == "$" }

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

var types = []string{"PER", "ORG", "LOC"}

func typeName(k entity.Kind) string {
	return [...]string{"PER", "ORG", "LOC"}[k]
}

// surfaces returns the folded surfaces of the kept mentions by type.
func surfaces(x *entity.Extractor, d *document) map[string][]string {
	out := map[string][]string{}
	for _, m := range x.Mentions("", d.lines) {
		t := typeName(m.Kind)
		out[t] = addOnce(out[t], fold(m.Text))
	}
	return out
}

// labels returns the folded facet labels by type.
func labels(x *entity.Extractor, d *document) map[string][]string {
	s := x.Extract("", d.lines)
	out := map[string][]string{}
	for t, list := range map[string][]string{"PER": s.People, "ORG": s.Orgs, "LOC": s.Places} {
		for _, l := range list {
			out[t] = addOnce(out[t], fold(l))
		}
	}
	return out
}

// count holds true positives, false positives and false negatives.
type count struct{ tp, fp, fn int }

func (c count) String() string {
	p := ratio(c.tp, c.tp+c.fp)
	r := ratio(c.tp, c.tp+c.fn)
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", p, r, ratio(2*c.tp, 2*c.tp+c.fp+c.fn), c.tp, c.fp, c.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// tally holds the counts of one scoring run.
type tally struct {
	per      map[string]*count
	agnostic count
	errs     map[string][]string // "fp PER" -> folded surfaces
}

// report scores predict over docs and prints the table.
func report(docs []*document, predict func(*document) map[string][]string, nerr int) {
	t := &tally{per: map[string]*count{}, errs: map[string][]string{}}
	for _, typ := range types {
		t.per[typ] = &count{}
	}
	for _, d := range docs {
		t.add(d, predict(d))
	}
	var all count
	for _, typ := range types {
		c := t.per[typ]
		fmt.Printf("  %-9s %v\n", typ, c)
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
	}
	fmt.Printf("  %-9s %v\n", "overall", all)
	fmt.Printf("  %-9s %v\n", "untyped", t.agnostic)
	printErrors(t.errs, nerr)
}

// add scores the predictions for one document.
func (t *tally) add(d *document, pred map[string][]string) {
	goldAny, predAny := map[string]bool{}, map[string]bool{}
	for _, typ := range types {
		gold, got := set(d.gold[typ]), set(pred[typ])
		for s := range got {
			predAny[s] = true
			switch {
			case gold[s]:
				t.per[typ].tp++
			case !miscOnly(d, s):
				t.per[typ].fp++
				t.errs["fp "+typ] = append(t.errs["fp "+typ], s)
			}
		}
		for s := range gold {
			goldAny[s] = true
			if !got[s] {
				t.per[typ].fn++
				t.errs["fn "+typ] = append(t.errs["fn "+typ], s)
			}
		}
	}
	for s := range predAny {
		switch {
		case goldAny[s]:
			t.agnostic.tp++
		case !miscOnly(d, s):
			t.agnostic.fp++
		}
	}
	for s := range goldAny {
		if !predAny[s] {
			t.agnostic.fn++
		}
	}
}

// miscOnly reports whether s is a MISC string of d and no PER, ORG or LOC one.
func miscOnly(d *document, s string) bool {
	if !set(d.gold["MISC"])[s] {
		return false
	}
	for _, t := range types {
		if set(d.gold[t])[s] {
			return false
		}
	}
	return true
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

func printErrors(errs map[string][]string, n int) {
	if n <= 0 {
		return
	}
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		list := errs[k]
		if len(list) > n {
			list = list[:n]
		}
		fmt.Printf("  %s: %s\n", k, strings.Join(list, " | "))
	}
}

// speed returns the articles per second that Extract handles on docs.
func speed(x *entity.Extractor, docs []*document) float64 {
	start := time.Now()
	n := 0
	for time.Since(start) < time.Second {
		for _, d := range docs {
			x.Extract("", d.lines)
			n++
		}
	}
	return float64(n) / time.Since(start).Seconds()
}
