// Package baseline builds the raw-Bleve index that newsfts is measured
// against: the corpus's own fields fed straight to Bleve, with no cleaning
// and no entity extraction.
//
// The default build is the reference of issue 7: Bleve's default index
// mapping (standard analyzer, every field stored, with term vectors, doc
// values and a place in the _all composite field), the list fields mapped
// as keywords, and batches of 1000. Lean is the same corpus with the
// mapping that issue 7 suggests trying: no _all, no term vectors, the body
// indexed but not stored, doc values only on the keyword and date fields.
// It is here to measure how much of Bleve's cost the mapping decides.
package baseline

import (
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsfts/newsfts/internal/bench"
)

// DefaultBatch is the number of documents per Bleve batch.
const DefaultBatch = 1000

// keywords are the corpus's list fields indexed as keywords.
var keywords = []string{"places", "people", "orgs", "topics"}

// Options configures a build.
type Options struct {
	Batch int  // documents per batch; DefaultBatch when < 1
	Lean  bool // the lean mapping instead of the default one
}

// doc is the part of a corpus line that the baseline indexes.
type doc struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Body   string   `json:"body"`
	Date   string   `json:"date"`
	Places []string `json:"places"`
	People []string `json:"people"`
	Orgs   []string `json:"orgs"`
	Topics []string `json:"topics"`
}

// Build indexes the JSON Lines corpus at path into a new Bleve index at
// dir and returns the number of documents indexed.
func Build(path, dir string, o Options) (int, error) {
	if o.Batch < 1 {
		o.Batch = DefaultBatch
	}
	idx, err := bleve.New(dir, newMapping(o.Lean))
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, err)
	}
	n, err := feed(idx, path, o.Batch)
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close %s: %w", dir, cerr)
	}
	return n, err
}

func feed(idx bleve.Index, path string, size int) (int, error) {
	n := 0
	batch := idx.NewBatch()
	err := bench.EachLine(path, func(line []byte) error {
		var d doc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		if d.ID == "" {
			return fmt.Errorf("line %d: no id", n+1)
		}
		if err := batch.Index(d.ID, fields(&d)); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		n++
		if batch.Size() < size {
			return nil
		}
		err := idx.Batch(batch)
		batch.Reset()
		return err
	})
	if err == nil && batch.Size() > 0 {
		err = idx.Batch(batch)
	}
	if err != nil {
		return n, fmt.Errorf("index %s: %w", path, err)
	}
	return n, nil
}

// fields is the document as Bleve sees it.
func fields(d *doc) map[string]any {
	return map[string]any{
		"title": d.Title, "body": d.Body, "date": d.Date,
		"places": d.Places, "people": d.People, "orgs": d.Orgs, "topics": d.Topics,
	}
}

func newMapping(lean bool) mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	dm := m.DefaultMapping
	text, date, kw := bleve.NewTextFieldMapping, bleve.NewDateTimeFieldMapping, bleve.NewKeywordFieldMapping
	if !lean {
		dm.AddFieldMappingsAt("title", text())
		dm.AddFieldMappingsAt("body", text())
		dm.AddFieldMappingsAt("date", date())
		for _, k := range keywords {
			dm.AddFieldMappingsAt(k, kw())
		}
		return m
	}
	dm.Dynamic = false
	dm.AddFieldMappingsAt("title", leanField(text(), true, false))
	dm.AddFieldMappingsAt("body", leanField(text(), false, false))
	dm.AddFieldMappingsAt("date", leanField(date(), true, true))
	for _, k := range keywords {
		dm.AddFieldMappingsAt(k, leanField(kw(), true, true))
	}
	return m
}

func leanField(f *mapping.FieldMapping, store, docValues bool) *mapping.FieldMapping {
	f.Store, f.DocValues = store, docValues
	f.IncludeTermVectors, f.IncludeInAll = false, false
	return f
}
