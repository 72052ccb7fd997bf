package newsindex

// Sort columns.
//
// Every order a search can ask for is made of three keys: the relevance
// score, the publication date and the article id (the last key makes
// every position unique, so that pages never overlap or skip). Bleve's
// sort reads the date's doc value and the stored id of every match it
// compares, and at 300,000 articles reading the ids alone took a fifth of
// a search. A published generation never changes, so when it is opened
// the date and the id of every document are read once into columns:
//
//   - date: the publication time of document d, in Unix nanoseconds;
//   - id and rank: its id, and the id's position among all ids (A–Z),
//     so that comparing two ids is comparing two integers;
//   - byDate: the live documents, newest first (undated last), then by
//     id: the first page of a browse, without walking anything.
//
// Document numbers are those of the generation's one Bleve snapshot, as
// for the facet table (facetcount.go).

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
)

// noDate is the date column's value for an article without a date.
const noDate = math.MinInt64

// columns hold the sort keys of a generation's documents by document
// number.
type columns struct {
	date   []int64
	id     []string // "" for a number that is not a live document
	rank   []uint32
	byID   []uint32 // live document numbers by id
	byDate []uint32 // live document numbers, newest first, undated last, then by id
	dated  int      // how many of byDate have a date
	story  []uint32 // the ordinal of the document's story, or noStory (storycol.go)
}

// readColumns reads the date and id of every live document from r.
func readColumns(ctx context.Context, r index.IndexReader) (*columns, error) {
	c := &columns{}
	if err := c.readIDs(ctx, r); err != nil {
		return nil, fmt.Errorf("sort columns: %w", err)
	}
	if err := c.readDates(r); err != nil {
		return nil, fmt.Errorf("sort columns: %w", err)
	}
	c.order()
	return c, nil
}

// readIDs reads the id of every live document.
func (c *columns) readIDs(ctx context.Context, r index.IndexReader) error {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer ids.Close()
	for i := 0; ; i++ {
		iid, err := ids.Next()
		if err != nil || iid == nil {
			return err
		}
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		d := iid.Value()
		if d >= 1<<31 {
			return fmt.Errorf("document number %d out of range", d)
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return err
		}
		for uint64(len(c.id)) <= d {
			c.id = append(c.id, "")
		}
		c.id[d] = id
		c.byID = append(c.byID, uint32(d))
	}
}

// readDates reads the date of every live document from the doc values of
// the published field: its full-precision term (shift 0) is the time.
func (c *columns) readDates(r index.IndexReader) error {
	c.date = make([]int64, len(c.id))
	for d := range c.date {
		c.date[d] = noDate
	}
	dv, err := r.DocValueReader([]string{fieldPublished})
	if err != nil {
		return err
	}
	var d uint64
	visit := func(_ string, term []byte) {
		pc := numeric.PrefixCoded(term)
		if shift, err := pc.Shift(); err != nil || shift != 0 {
			return
		}
		if t, err := pc.Int64(); err == nil {
			c.date[d] = t
		}
	}
	for _, n := range c.byID {
		d = uint64(n)
		if err := dv.VisitDocValues(index.NewIndexInternalID(nil, d), visit); err != nil {
			return err
		}
	}
	return nil
}

// order sorts the live documents by id, ranks them, and orders them by
// date.
func (c *columns) order() {
	slices.SortFunc(c.byID, func(a, b uint32) int { return cmp.Compare(c.id[a], c.id[b]) })
	c.rank = make([]uint32, len(c.id))
	for i, d := range c.byID {
		c.rank[d] = uint32(i)
	}
	c.byDate = slices.Clone(c.byID)
	slices.SortStableFunc(c.byDate, func(a, b uint32) int { return cmp.Compare(c.date[b], c.date[a]) })
	c.dated = len(c.byDate)
	for c.dated > 0 && c.date[c.byDate[c.dated-1]] == noDate {
		c.dated--
	}
}

// after returns the position among ids of the first id above id: a
// document whose other keys tie with a cursor's comes after the cursor
// when its rank is at least that.
func (c *columns) after(id string) uint32 {
	i, found := slices.BinarySearchFunc(c.byID, id, func(d uint32, id string) int { return cmp.Compare(c.id[d], id) })
	if found {
		i++
	}
	return uint32(i)
}
