package newsindex

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/newsfts/newsfts/internal/search"
)

func TestProbe(t *testing.T) {
	root := os.Getenv("PROBE_INDEX")
	if root == "" {
		t.Skip()
	}
	t0 := time.Now()
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("open %v docs %d", time.Since(t0), ix.cur.docs)
	idx := ix.cur.idx
	adv, _ := idx.Advanced()
	r, _ := adv.Reader()
	for _, term := range []string{"said", "oil", "yen", "potato"} {
		for _, score := range []string{"", "none"} {
			q := bleve.NewTermQuery(term)
			q.SetField("body")
			t1 := time.Now()
			s, err := q.Searcher(context.Background(), r, idx.Mapping(), bsearch.SearcherOptions{Score: score})
			if err != nil {
				t.Fatal(err)
			}
			sc := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
			n := 0
			for {
				m, _ := s.Next(sc)
				if m == nil {
					break
				}
				n++
				sc.DocumentMatchPool.Put(m)
			}
			t.Logf("searcher %s score=%q: %d in %v", term, score, n, time.Since(t1))
		}
		t2 := time.Now()
		tfr, _ := r.TermFieldReader(context.Background(), []byte(term), "body", true, true, false)
		n := 0
		var d index.TermFieldDoc
		for {
			x, _ := tfr.Next(&d)
			if x == nil {
				break
			}
			n++
		}
		t.Logf("tfr %s: %d in %v", term, n, time.Since(t2))
		t3 := time.Now()
		res, _ := idx.Search(bleve.NewSearchRequest(query.NewTermQuery(term)))
		t.Logf("bleve search %s: %d in %v", term, res.Total, time.Since(t3))
		t4 := time.Now()
		var qq query.Query = bleve.NewTermQuery(term)
		qq.(*query.TermQuery).SetField("body")
		resp, err := ix.Search(context.Background(), reqFor(term))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("newsfts search %s: %d in %v (took %v)", term, resp.Total, time.Since(t4), resp.TookMS)
	}
}

func reqFor(q string) *search.Request {
	pq, err := search.Parse(q)
	if err != nil {
		panic(err)
	}
	return &search.Request{Query: pq}
}
