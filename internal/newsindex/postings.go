package newsindex

// Postings read segment by segment.
//
// Bleve's term field reader walks a term's postings across the segments of
// a snapshot for us, but for every posting it encodes the document number
// as bytes, fills a match record and counts the bytes read; a word walk
// (wordwalk.go) then decodes the number again. At 300,000 articles that
// layer cost about as much as reading the postings. A postings instead
// holds the term's postings list of each segment and walks them itself:
// a segment's documents are numbered from the sum of the sizes of the
// segments before it, as Bleve numbers them, and a deleted document is
// left out by the same bitmap Bleve gives its reader.
//
// The frequency and the norm of the current posting are read only when a
// score asks for them, and the norm's square root comes from a table.

import (
	"fmt"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segPostings is a term's postings list in one segment, whose documents
// are numbered from off to below end.
type segPostings struct {
	pl       segment.PostingsList
	off, end uint64
}

// postings is one term's postings in one field, and its weight.
type postings struct {
	segs    []segPostings
	si      int // the segment of the current document
	it      segment.PostingsIterator
	p       segment.Posting // at cur, unless done
	cur     uint64
	done    bool
	scored  bool
	vectors bool
	weight  float64 // idf² × boost
}

func (p *postings) at() (uint64, bool) { return p.cur, !p.done }

func (p *postings) advance(d uint64) error {
	if p.done || p.cur >= d {
		return nil
	}
	return p.seek(d)
}

// seek moves to the first posting at or after d, from the current
// segment on.
func (p *postings) seek(d uint64) error {
	for ; p.si < len(p.segs); p.si++ {
		s := p.segs[p.si]
		if d >= s.end {
			p.it, p.p = nil, nil
			continue
		}
		var got segment.Posting
		var err error
		switch {
		case p.p != nil && p.cur+1 == d: // the next posting is at d or beyond
			got, err = p.it.Next()
		case p.it == nil:
			p.it = s.pl.Iterator(p.scored, p.scored, p.vectors, nil)
			got, err = p.it.Advance(max(d, s.off) - s.off)
		default:
			got, err = p.it.Advance(d - s.off)
		}
		if err != nil {
			return err
		}
		if got != nil {
			p.p, p.cur = got, s.off+got.Number()
			return nil
		}
		p.it, p.p = nil, nil
		d = s.end
	}
	p.done = true
	return nil
}

// score is the term's score at the current document.
func (p *postings) score() float64 {
	return sqrtOf(p.p.Frequency()) * normOf(p.p) * p.weight
}

// locations are the places of the term in the current document, when
// its postings were opened with vectors.
func (p *postings) locations() []segment.Location { return p.p.Locations() }

func (p *postings) close() {}

// openPostings opens the postings of term in field, at the first
// document.
func openPostings(l *termLists, term, field string, scored, vectors bool) (*postings, error) {
	lists, count, err := l.of(term, field)
	if err != nil {
		return nil, err
	}
	p := &postings{segs: lists, scored: scored, vectors: vectors}
	boost := 1.0
	if field == fieldTitle {
		boost = titleBoost
	}
	idf := 1 + math.Log(float64(l.docs)/float64(count+1))
	p.weight = idf * idf * boost
	if err := p.seek(0); err != nil {
		return nil, err
	}
	return p, nil
}

// termLists are the postings lists of a search's terms, each read once:
// a walk bounds its matches by their counts (split.go, complement.go)
// before it opens them, and the two halves of a split walk open the same
// terms. A list is only read from, so the halves share it.
type termLists struct {
	segs []*scorch.SegmentSnapshot
	docs uint64
	mu   sync.Mutex
	m    map[string]termList
}

// termList is one term's postings lists and how many postings they hold.
type termList struct {
	segs  []segPostings
	count uint64
}

// newTermLists returns the termLists of r, which must be a scorch
// snapshot: the only kind of index newsfts opens.
func newTermLists(r index.IndexReader) (*termLists, error) {
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("postings: a %T is not a scorch snapshot", r)
	}
	docs, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	return &termLists{segs: is.Segments(), docs: docs, m: map[string]termList{}}, nil
}

// of returns the postings lists of term in field and their count.
func (l *termLists) of(term, field string) ([]segPostings, uint64, error) {
	key := field + "\x00" + term
	l.mu.Lock()
	defer l.mu.Unlock()
	if t, ok := l.m[key]; ok {
		return t.segs, t.count, nil
	}
	segs, count, err := listsOf(l.segs, term, field)
	if err != nil {
		return nil, 0, err
	}
	l.m[key] = termList{segs, count}
	return segs, count, nil
}

// listsOf returns the postings lists of term in field of the segments
// that have any, with the numbers of their documents, and how many
// postings they hold, those of deleted documents left out.
func listsOf(segs []*scorch.SegmentSnapshot, term, field string) ([]segPostings, uint64, error) {
	var out []segPostings
	count, off := uint64(0), uint64(0)
	for _, s := range segs {
		n := s.Segment().Count()
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
		}
		pl, err := dict.PostingsList([]byte(term), s.Deleted(), nil)
		if err != nil {
			return nil, 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
		}
		if c := pl.Count(); c > 0 {
			count += c
			out = append(out, segPostings{pl, off, off + n})
		}
		off += n
	}
	return out, count, nil
}

// tableSize is the number of frequencies and norms whose square roots are
// kept in a table.
const tableSize = 1024

var sqrtTable, normTable = func() (s, n [tableSize]float64) {
	for i := range s {
		s[i] = math.Sqrt(float64(i))
		n[i] = float64(float32(1.0 / math.Sqrt(float64(i))))
	}
	return s, n
}()

// sqrtOf is the square root of frequency f.
func sqrtOf(f uint64) float64 {
	if f < tableSize {
		return sqrtTable[f]
	}
	return math.Sqrt(float64(f))
}

// rawNorm is the norm of a zap posting as stored.
type rawNorm interface{ NormUint64() uint64 }

// normOf is the norm of posting p as Bleve computes it.
func normOf(p segment.Posting) float64 {
	if r, ok := p.(rawNorm); ok {
		if n := r.NormUint64(); n < tableSize {
			return normTable[n]
		}
	}
	return p.Norm()
}
