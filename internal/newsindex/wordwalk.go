package newsindex

// Words walked on the postings.
//
// Most searches are a few words or phrases that must all match, in the
// title or the body, perhaps with some that must not. Bleve runs such a search as a
// conjunction of disjunctions of term searchers, and at 300,000 articles
// that machinery (a match object per posting per searcher, the
// disjunction's bookkeeping) cost more than reading the postings. A
// wordWalk reads the postings itself: for each word, the term's postings
// in each of its fields, merged; the words leapfrog to the documents they
// all share; a NOT word's postings are skipped along beside them.
//
// Scores are Bleve's tf-idf, less the query norm that Bleve multiplies
// every score of a search by: for each word, the sum over its fields of
// sqrt(tf) × norm × idf² × boost, times the share of its fields that
// matched (Bleve's coordination factor), summed over the words. The order
// of the hits is therefore the one Bleve's searchers give
// (wordwalk_test.go compares them). A phrase is walked the same way, its
// tokens' positions read only where they all occur, and an OR of words
// and phrases as a word whose fields are its alternatives. Nested groups,
// words of several tokens and phrases of one are left to Bleve.

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/newsfts/newsfts/internal/search"
)

// wordPlan is a query of words to walk: every word of must, none of not.
type wordPlan struct {
	must []planWord
	not  []planWord
}

// planWord is one token, or the tokens of a phrase, searched in one or
// more fields; or, when any is set, a group of which any must match.
type planWord struct {
	terms  []string
	offset []int // a phrase's token positions, relative to its first
	fields []string
	any    []planWord
}

// planWords returns the plan of q, or false when q has anything else than
// single-token words and NOTs of them, or no word to match.
func planWords(m mapping.IndexMapping, q *search.Query) (wordPlan, bool) {
	var p wordPlan
	if q.Empty() {
		return p, false
	}
	for _, n := range q.All {
		target := &p.must
		if x, ok := n.(*search.Not); ok {
			target, n = &p.not, x.Node
		}
		w, ok, drop := planNode(m, n)
		switch {
		case drop:
		case !ok:
			return p, false
		default:
			*target = append(*target, w)
		}
	}
	return p, len(p.must) > 0
}

// planNode plans a term, or an OR of terms, as planWordOf does.
func planNode(m mapping.IndexMapping, n search.Node) (w planWord, ok, drop bool) {
	switch n := n.(type) {
	case *search.Term:
		return planWordOf(m, n)
	case *search.Or:
		for _, x := range n.Any {
			t, isTerm := x.(*search.Term)
			if !isTerm {
				return w, false, false
			}
			c, ok, drop := planWordOf(m, t)
			switch {
			case drop:
			case !ok:
				return w, false, false
			default:
				w.any = append(w.any, c)
			}
		}
		switch len(w.any) {
		case 0:
			return w, false, true
		case 1: // the translator leaves a lone alternative unwrapped
			return w.any[0], true, false
		}
		return w, true, false
	}
	return w, false, false
}

// planWordOf plans term t; drop says it analyses to nothing (the
// translator drops it too), !ok that it is a word of several tokens or a
// phrase of one, which Bleve searches otherwise.
func planWordOf(m mapping.IndexMapping, t *search.Term) (w planWord, ok, drop bool) {
	fields := []string{fieldTitle, fieldBody}
	if t.Field != "" {
		f, known := queryField[strings.ToLower(t.Field)]
		if !known {
			return w, false, false
		}
		fields = []string{f}
	}
	an := m.AnalyzerNamed(fieldAnalyzer(fields[0]))
	if an == nil {
		return w, false, false
	}
	toks := an.Analyze([]byte(t.Text))
	switch {
	case len(toks) == 0:
		return w, false, true
	case len(toks) == 1 && t.Phrase, len(toks) > 1 && !t.Phrase:
		return w, false, false
	}
	w.fields = fields
	for _, tok := range toks {
		w.terms = append(w.terms, string(tok.Term))
		w.offset = append(w.offset, tok.Position-toks[0].Position)
	}
	return w, true, false
}

// fieldStream is the documents of one word in one field.
type fieldStream interface {
	at() (uint64, bool)     // the current document; false when done
	advance(d uint64) error // to the first document at or after d
	score() float64         // at the current document
	close()
}

// phraseStream is a phrase's documents in one field: those holding all its
// tokens (found by leapfrogging their postings) where the tokens also
// stand at their offsets. Positions are read, from readers of their own,
// only at those documents. Its score is the sum of its tokens' (Bleve
// scores a phrase as the conjunction of its terms).
type phraseStream struct {
	terms   []*postings // without positions
	vectors []*postings // the same terms with positions
	offset  []int
	cur     uint64
	started bool // cur is a document of the phrase
	done    bool
}

func (p *phraseStream) at() (uint64, bool) { return p.cur, !p.done }

func (p *phraseStream) advance(d uint64) error {
	if p.done || p.started && p.cur >= d {
		return nil
	}
	p.started = true
	for {
		c, ok, err := allAt(p.terms, d)
		if err != nil || !ok {
			p.done = !ok
			return err
		}
		in, err := p.standsAt(c)
		if err != nil {
			return err
		}
		if in {
			p.cur = c
			return nil
		}
		d = c + 1
	}
}

// allAt leapfrogs ps to the first document at or after d that they all
// hold; false when there is none.
func allAt(ps []*postings, d uint64) (uint64, bool, error) {
	for {
		agreed := true
		for _, p := range ps {
			if err := p.advance(d); err != nil {
				return 0, false, err
			}
			c, ok := p.at()
			if !ok {
				return 0, false, nil
			}
			if c > d {
				d, agreed = c, false
			}
		}
		if agreed {
			return d, true, nil
		}
	}
}

// standsAt reports whether the phrase's tokens stand at their offsets in
// document d, which holds them all.
func (p *phraseStream) standsAt(d uint64) (bool, error) {
	for _, v := range p.vectors {
		if err := v.advance(d); err != nil {
			return false, err
		}
		if c, ok := v.at(); !ok || c != d {
			return false, nil // cannot happen: the same postings
		}
	}
	for _, first := range p.vectors[0].locations() {
		all := true
		for i := 1; i < len(p.vectors) && all; i++ {
			all = hasPos(p.vectors[i].locations(), first.Pos()+uint64(p.offset[i]))
		}
		if all {
			return true, nil
		}
	}
	return false, nil
}

// hasPos reports whether a term occurs at position pos; a document holds
// few occurrences of one term, so a scan is quickest.
func hasPos(ls []segment.Location, pos uint64) bool {
	for _, l := range ls {
		if l.Pos() == pos {
			return true
		}
	}
	return false
}

func (p *phraseStream) score() float64 {
	sum := 0.0
	for _, t := range p.terms {
		sum += t.score()
	}
	return sum
}

func (p *phraseStream) close() {
	for _, t := range append(p.terms, p.vectors...) {
		t.close()
	}
}

// openPhrase opens the postings of w's tokens in field.
func openPhrase(l *termLists, w planWord, field string, scored bool) (*phraseStream, error) {
	p := &phraseStream{offset: w.offset}
	for _, t := range w.terms {
		a, err := openPostings(l, t, field, scored, false)
		if err != nil {
			p.close()
			return nil, err
		}
		p.terms = append(p.terms, a)
		b, err := openPostings(l, t, field, false, true)
		if err != nil {
			p.close()
			return nil, err
		}
		p.vectors = append(p.vectors, b)
	}
	if err := p.advance(0); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

// wordStream merges the streams of one word's fields.
type wordStream struct {
	fields []fieldStream
	cur    uint64 // the smallest current document of fields
	ok     bool   // whether any field has a current document
}

// current is the smallest current document of the word's fields, as
// the last advance (or opening) left them.
func (s *wordStream) current() (uint64, bool) { return s.cur, s.ok }

// advance moves every field to its first document at or after d.
func (s *wordStream) advance(d uint64) error {
	for _, f := range s.fields {
		if err := f.advance(d); err != nil {
			return err
		}
	}
	s.settle()
	return nil
}

// settle notes the smallest current document of the word's fields.
func (s *wordStream) settle() {
	s.cur, s.ok = uint64(math.MaxUint64), false
	for _, f := range s.fields {
		if c, ok := f.at(); ok && c < s.cur {
			s.cur, s.ok = c, true
		}
	}
}

// at, with score, makes a word a field stream of an OR group: a group is
// a wordStream whose fields are its words.
func (s *wordStream) at() (uint64, bool) { return s.current() }

// scoreHere is the word's score at its current document.
func (s *wordStream) scoreHere() float64 {
	d, _ := s.current()
	return s.score(d)
}

// score is the word's score in document d, which it holds.
func (s *wordStream) score(d uint64) float64 {
	sum, matched := 0.0, 0
	for _, f := range s.fields {
		if c, ok := f.at(); ok && c == d {
			sum += f.score()
			matched++
		}
	}
	if len(s.fields) > 1 {
		sum *= float64(matched) / float64(len(s.fields))
	}
	return sum
}

// openWord opens the streams of w's fields, or of its group's words.
func openWord(l *termLists, w planWord, scored bool) (*wordStream, error) {
	s := &wordStream{}
	for _, c := range w.any {
		cs, err := openWord(l, c, scored)
		if err != nil {
			s.close()
			return nil, err
		}
		s.fields = append(s.fields, groupMember{cs})
	}
	for _, f := range w.fields {
		var fs fieldStream
		var err error
		if len(w.terms) == 1 {
			fs, err = openPostings(l, w.terms[0], f, scored, false)
		} else {
			fs, err = openPhrase(l, w, f, scored)
		}
		if err != nil {
			s.close()
			return nil, err
		}
		s.fields = append(s.fields, fs)
	}
	s.settle()
	return s, nil
}

// groupMember is a word of an OR group, as a field stream.
type groupMember struct{ *wordStream }

func (g groupMember) score() float64 { return g.scoreHere() }

func (s *wordStream) close() {
	for _, f := range s.fields {
		f.close()
	}
}

// walkWords calls visit with every document numbered from lo to below hi
// that has all of plan's must words and none of its not words, and its
// score when scored.
func walkWords(ctx context.Context, l *termLists, plan wordPlan, scored bool, lo, hi uint64, visit func(d uint32, score float64)) error {
	var must, not []*wordStream
	defer func() {
		for _, s := range append(must, not...) {
			s.close()
		}
	}()
	for _, group := range []struct {
		words []planWord
		into  *[]*wordStream
	}{{plan.must, &must}, {plan.not, &not}} {
		for _, w := range group.words {
			s, err := openWord(l, w, scored)
			if err != nil {
				return err
			}
			*group.into = append(*group.into, s)
		}
	}
	return leapfrog(ctx, must, not, scored, lo, hi, visit)
}

// leapfrog walks the documents from lo to below hi all of must share,
// skipping those any of not holds.
func leapfrog(ctx context.Context, must, not []*wordStream, scored bool, lo, hi uint64, visit func(d uint32, score float64)) error {
	target := lo
	for n := 0; target < hi; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		agreed := true
		for i, s := range must {
			if err := s.advance(target); err != nil {
				return err
			}
			d, ok := s.current()
			if !ok {
				return nil
			}
			if d > target { // the words before this one are behind, unless it is the first
				target, agreed = d, agreed && i == 0
			}
		}
		if !agreed {
			continue
		}
		if target >= hi {
			return nil
		}
		if target >= 1<<31 {
			return fmt.Errorf("document number %d out of range", target)
		}
		excluded, err := holds(not, target)
		if err != nil {
			return err
		}
		if !excluded {
			score := 0.0
			if scored {
				for _, s := range must {
					score += s.score(target)
				}
			}
			visit(uint32(target), score)
		}
		target++
	}
	return nil
}

// holds reports whether any word of ws is in document d.
func holds(ws []*wordStream, d uint64) (bool, error) {
	for _, s := range ws {
		if err := s.advance(d); err != nil {
			return false, err
		}
		if c, ok := s.current(); ok && c == d {
			return true, nil
		}
	}
	return false, nil
}
