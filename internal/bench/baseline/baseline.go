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
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsfts/newsfts/internal/bench"
)

// DefaultBatch is the number of documents per Bleve batch.
const DefaultBatch = 1000

// keywords are the corpus's list fields indexed as keywords.
var keywords = []string{"places", "people", "orgs", "topics"}

// Options configures a build.
type Options struct {
	Batch   int  // documents per batch; DefaultBatch when < 1
	Lean    bool // the lean mapping instead of the default one
	Unsafe  bool // scorch's unsafe_batch: a batch returns before it is persisted
	Offline bool // bleve.NewBuilder: segments written without merging, one merge at the end
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
	if o.Offline {
		return buildOffline(path, dir, o)
	}
	idx, err := bleve.NewUsing(dir, newMapping(o.Lean), scorch.Name, scorch.Name, map[string]any{"unsafe_batch": o.Unsafe})
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, err)
	}
	batch := idx.NewBatch()
	n, err := each(path, func(id string, fields map[string]any) error {
		if err := batch.Index(id, fields); err != nil || batch.Size() < o.Batch {
			return err
		}
		err := idx.Batch(batch)
		batch.Reset()
		return err
	})
	if err == nil && batch.Size() > 0 {
		err = idx.Batch(batch)
	}
	if err == nil && o.Unsafe {
		err = waitPersisted(idx)
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("index %s into %s: %w", path, dir, err)
	}
	return n, nil
}

// persistWait bounds how long waitPersisted waits.
const persistWait = 10 * time.Minute

// waitPersisted waits until scorch has written every batch to disk: with
// unsafe_batch, Close does not, and the unpersisted documents are lost.
func waitPersisted(idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("unsafe_batch: index is a %T, not scorch", adv)
	}
	for deadline := time.Now().Add(persistWait); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		m := s.StatsMap()
		cur, _ := m["CurRootEpoch"].(uint64)
		done, _ := m["LastPersistedEpoch"].(uint64)
		if done >= cur {
			return nil
		}
	}
	return fmt.Errorf("unsafe_batch: not persisted after %s", persistWait)
}

// buildOffline builds with Bleve's offline builder.
func buildOffline(path, dir string, o Options) (int, error) {
	b, err := bleve.NewBuilder(dir, newMapping(o.Lean), map[string]any{"batchSize": o.Batch})
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, err)
	}
	n, err := each(path, func(id string, f map[string]any) error { return b.Index(id, f) })
	if cerr := b.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("index %s into %s: %w", path, dir, err)
	}
	return n, nil
}

// each calls f with the id and fields of each document of the corpus and
// returns the number of documents.
func each(path string, f func(id string, fields map[string]any) error) (int, error) {
	n := 0
	err := bench.EachLine(path, func(line []byte) error {
		var d doc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		if d.ID == "" {
			return fmt.Errorf("line %d: no id", n+1)
		}
		if err := f(d.ID, fields(&d)); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		n++
		return nil
	})
	return n, err
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
