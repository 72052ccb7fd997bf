package newsindex

// Words walked on the postings.
//
// Most searches are a few words that must all match, in the title or the
// body, perhaps with a word that must not. Bleve runs such a search as a
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
// (wordwalk_test.go compares them). Phrases, OR and words of several
// tokens are left to Bleve.

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsfts/newsfts/internal/search"
)

// wordPlan is a query of words to walk: every word of must, none of not.
type wordPlan struct {
	must []planWord
	not  []planWord
}

// planWord is one token searched in one or more fields.
type planWord struct {
	term   string
	fields []string
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
		t, ok := n.(*search.Term)
		if !ok || t.Phrase {
			return p, false
		}
		w, ok, drop := planWordOf(m, t)
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

// planWordOf plans term t; drop says it analyses to nothing (the
// translator drops it too), !ok that it is not one token.
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
	switch len(toks) {
	case 0:
		return w, false, true
	case 1:
		return planWord{term: string(toks[0].Term), fields: fields}, true, false
	}
	return w, false, false
}

// postings is one term's postings in one field, and its weight.
type postings struct {
	r      index.TermFieldReader
	doc    index.TermFieldDoc
	at     uint64 // the current document; done when the postings ran out
	done   bool
	weight float64 // idf² × boost
}

// wordStream merges the postings of one word's fields.
type wordStream struct {
	fields []*postings
}

// current is the smallest current document of the word's fields.
func (s *wordStream) current() (uint64, bool) {
	min, any := uint64(math.MaxUint64), false
	for _, p := range s.fields {
		if !p.done && p.at < min {
			min, any = p.at, true
		}
	}
	return min, any
}

// advance moves every field to its first document at or after d.
func (s *wordStream) advance(d uint64, buf []byte) error {
	for _, p := range s.fields {
		if p.done || p.at >= d {
			continue
		}
		var got *index.TermFieldDoc
		var err error
		if p.at+1 == d { // the next posting is at d or beyond: no seek
			got, err = p.r.Next(&p.doc)
		} else {
			got, err = p.r.Advance(index.NewIndexInternalID(buf, d), &p.doc)
		}
		if err != nil {
			return err
		}
		p.set(got)
	}
	return nil
}

// set takes the reader's answer: a document, or the end.
func (p *postings) set(got *index.TermFieldDoc) {
	if got == nil {
		p.done = true
		return
	}
	p.at = got.ID.Value()
}

// score is the word's score in document d, which it holds.
func (s *wordStream) score(d uint64) float64 {
	sum, matched := 0.0, 0
	for _, p := range s.fields {
		if !p.done && p.at == d {
			sum += math.Sqrt(float64(p.doc.Freq)) * p.doc.Norm * p.weight
			matched++
		}
	}
	if len(s.fields) > 1 {
		sum *= float64(matched) / float64(len(s.fields))
	}
	return sum
}

// openWord opens the postings of w's fields.
func openWord(ctx context.Context, r index.IndexReader, w planWord, docs uint64, scored bool) (*wordStream, error) {
	s := &wordStream{}
	for _, f := range w.fields {
		tfr, err := r.TermFieldReader(ctx, []byte(w.term), f, scored, scored, false)
		if err != nil {
			s.close()
			return nil, err
		}
		boost := 1.0
		if f == fieldTitle {
			boost = titleBoost
		}
		idf := 1 + math.Log(float64(docs)/float64(tfr.Count()+1))
		p := &postings{r: tfr, weight: idf * idf * boost}
		got, err := tfr.Next(&p.doc)
		if err != nil {
			tfr.Close()
			s.close()
			return nil, err
		}
		p.set(got)
		s.fields = append(s.fields, p)
	}
	return s, nil
}

func (s *wordStream) close() {
	for _, p := range s.fields {
		p.r.Close()
	}
}

// walkWords calls visit with every document that has all of plan's must
// words and none of its not words, and its score when scored.
func walkWords(ctx context.Context, r index.IndexReader, plan wordPlan, scored bool, visit func(d uint32, score float64)) error {
	docs, err := r.DocCount()
	if err != nil {
		return err
	}
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
			s, err := openWord(ctx, r, w, docs, scored)
			if err != nil {
				return err
			}
			*group.into = append(*group.into, s)
		}
	}
	return leapfrog(ctx, must, not, scored, visit)
}

// leapfrog walks the documents all of must share, skipping those any of
// not holds.
func leapfrog(ctx context.Context, must, not []*wordStream, scored bool, visit func(d uint32, score float64)) error {
	buf := make([]byte, 8)
	var target uint64
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		agreed := true
		for _, s := range must {
			if err := s.advance(target, buf); err != nil {
				return err
			}
			d, ok := s.current()
			if !ok {
				return nil
			}
			if d > target {
				target, agreed = d, false
			}
		}
		if !agreed {
			continue
		}
		if target >= 1<<31 {
			return fmt.Errorf("document number %d out of range", target)
		}
		excluded, err := holds(not, target, buf)
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
}

// holds reports whether any word of ws is in document d.
func holds(ws []*wordStream, d uint64, buf []byte) (bool, error) {
	for _, s := range ws {
		if err := s.advance(d, buf); err != nil {
			return false, err
		}
		if c, ok := s.current(); ok && c == d {
			return true, nil
		}
	}
	return false, nil
}
