// Package conll reads the CoNLL-2003 NER corpus and scores entity
// extraction on it with the document-level measure of the corpus README:
// per document, the distinct (surface, type) pairs of PER, ORG and LOC
// mentions, surfaces compared after whitespace collapsing and case folding;
// a prediction equal to a MISC string of the document (and to no PER, ORG or
// LOC one) is ignored; precision, recall and F1 are micro-averaged per type,
// overall, and type-agnostic.
//
// Documents are given to extractors as a newswire prints them: tokens
// re-joined with no space before , . ; : ! ? ) % and clitics, none after
// ( and $, one sentence per line; headlines stay in capitals and datelines
// stay.
package conll

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsfts/newsfts/internal/entity"
)

// Doc is one CoNLL document.
type Doc struct {
	Lines []string            // sentences re-joined as a newswire prints them
	Spans [][]Span            // gold mentions of each line, all four types
	Gold  map[string][]string // "PER", "ORG", "LOC", "MISC" -> distinct folded surfaces
}

// Span is one gold mention: bytes [Start, End) of its line and its type
// ("PER", "ORG", "LOC" or "MISC").
type Span struct {
	Start, End int
	Type       string
}

// Types are the scored entity types.
var Types = []string{"PER", "ORG", "LOC"}

// Load reads a CoNLL file (gzipped when its name ends in .gz) into documents.
func Load(path string) ([]*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("conll: read %s: %w", path, err)
		}
		r = zr
	}
	docs, err := parse(r)
	if err != nil {
		return nil, fmt.Errorf("conll: read %s: %w", path, err)
	}
	return docs, nil
}

// parse reads documents from r.
func parse(r io.Reader) ([]*Doc, error) {
	var docs []*Doc
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
			docs = append(docs, &Doc{Gold: map[string][]string{}})
		default:
			toks = append(toks, fields[0])
			tags = append(tags, fields[len(fields)-1])
		}
	}
	flush()
	return docs, sc.Err()
}

// addSentence adds one sentence and its gold mentions (IOB1 tags).
func (d *Doc) addSentence(toks, tags []string) {
	line, offs := join(toks)
	var spans []Span
	for i := 0; i < len(toks); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(toks) && strings.HasPrefix(tags[j], "I-") && tags[j][2:] == typ {
			j++
		}
		s := Span{Start: offs[i], End: offs[j-1] + len(toks[j-1]), Type: typ}
		spans = append(spans, s)
		d.Gold[typ] = addOnce(d.Gold[typ], Fold(line[s.Start:s.End]))
		i = j
	}
	d.Lines = append(d.Lines, line)
	d.Spans = append(d.Spans, spans)
}

// join re-joins tokens as a newswire prints them and returns the line and
// the byte offset of each token in it.
func join(toks []string) (string, []int) {
	var b strings.Builder
	offs := make([]int, len(toks))
	for i, t := range toks {
		if i > 0 && !noSpaceBefore(t) && !noSpaceAfter(toks[i-1]) {
			b.WriteByte(' ')
		}
		offs[i] = b.Len()
		b.WriteString(t)
	}
	return b.String(), offs
}

func noSpaceBefore(t string) bool {
	switch t {
	case ",", ".", ";", ":", "!", "?", ")", "%", "n't":
		return true
	}
	return strings.HasPrefix(t, "'") && len(t) > 1
}

func noSpaceAfter(t string) bool { return t == "(" || t == "$" }

// Fold returns the form in which surfaces are compared.
func Fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Count holds true positives, false positives and false negatives.
type Count struct{ TP, FP, FN int }

// P returns the precision.
func (c Count) P() float64 { return ratio(c.TP, c.TP+c.FP) }

// R returns the recall.
func (c Count) R() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Count) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c Count) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score holds the counts of one scoring run.
type Score struct {
	Type     map[string]*Count   // per type
	Overall  Count               // micro-average over the types
	Agnostic Count               // type ignored
	Errors   map[string][]string // "fp PER" -> folded surfaces
}

// Evaluate scores predict, which returns the surfaces it finds in a
// document by type ("PER", "ORG", "LOC"), over docs.
func Evaluate(docs []*Doc, predict func(*Doc) map[string][]string) *Score {
	s := &Score{Type: map[string]*Count{}, Errors: map[string][]string{}}
	for _, typ := range Types {
		s.Type[typ] = &Count{}
	}
	for _, d := range docs {
		s.add(d, predict(d))
	}
	for _, typ := range Types {
		c := s.Type[typ]
		s.Overall.TP += c.TP
		s.Overall.FP += c.FP
		s.Overall.FN += c.FN
	}
	return s
}

// add scores the predictions for one document.
func (s *Score) add(d *Doc, pred map[string][]string) {
	goldAny, predAny := map[string]bool{}, map[string]bool{}
	for _, typ := range Types {
		gold, got := set(d.Gold[typ]), set(foldAll(pred[typ]))
		for w := range got {
			predAny[w] = true
			switch {
			case gold[w]:
				s.Type[typ].TP++
			case !d.miscOnly(w):
				s.Type[typ].FP++
				s.Errors["fp "+typ] = append(s.Errors["fp "+typ], w)
			}
		}
		for w := range gold {
			goldAny[w] = true
			if !got[w] {
				s.Type[typ].FN++
				s.Errors["fn "+typ] = append(s.Errors["fn "+typ], w)
			}
		}
	}
	for w := range predAny {
		switch {
		case goldAny[w]:
			s.Agnostic.TP++
		case !d.miscOnly(w):
			s.Agnostic.FP++
		}
	}
	for w := range goldAny {
		if !predAny[w] {
			s.Agnostic.FN++
		}
	}
}

// miscOnly reports whether w is a MISC string of d and no PER, ORG or LOC one.
func (d *Doc) miscOnly(w string) bool {
	if !set(d.Gold["MISC"])[w] {
		return false
	}
	for _, t := range Types {
		if set(d.Gold[t])[w] {
			return false
		}
	}
	return true
}

func foldAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = Fold(s)
	}
	return out
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// Write prints the table of s to w, and up to nerr errors of each kind.
func (s *Score) Write(w io.Writer, nerr int) {
	for _, typ := range Types {
		fmt.Fprintf(w, "  %-9s %v\n", typ, *s.Type[typ])
	}
	fmt.Fprintf(w, "  %-9s %v\n", "overall", s.Overall)
	fmt.Fprintf(w, "  %-9s %v\n", "untyped", s.Agnostic)
	if nerr <= 0 {
		return
	}
	keys := make([]string, 0, len(s.Errors))
	for k := range s.Errors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		list := s.Errors[k]
		if len(list) > nerr {
			list = list[:nerr]
		}
		fmt.Fprintf(w, "  %s: %s\n", k, strings.Join(list, " | "))
	}
}

// Surfaces returns the surfaces of the mentions that x keeps in d, by type:
// the corpus measure scores these.
func Surfaces(x *entity.Extractor, d *Doc) map[string][]string {
	out := map[string][]string{}
	for _, m := range x.Mentions("", d.Lines) {
		t := Types[m.Kind]
		out[t] = addOnce(out[t], Fold(m.Text))
	}
	return out
}

// Labels returns the canonical facet labels that x gives d, by type.
func Labels(x *entity.Extractor, d *Doc) map[string][]string {
	s := x.Extract("", d.Lines)
	out := map[string][]string{}
	for t, list := range map[string][]string{"PER": s.People, "ORG": s.Orgs, "LOC": s.Places} {
		for _, l := range list {
			out[t] = addOnce(out[t], Fold(l))
		}
	}
	return out
}
