package newsindex

import (
	"cmp"
	"context"
	"math"
	"slices"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// TestWordWalkAgreesWithBleve checks that walking the postings finds the
// documents Bleve's searchers find, with scores in the same proportion,
// hence in the same order.
func TestWordWalkAgreesWithBleve(t *testing.T) {
	ix := openUpdated(t)
	g := ix.cur
	rd, err := g.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	tests := []*search.Query{
		q(word("storm")),
		q(word("election")),
		q(word("storm"), word("battery")),
		q(word("Storms"), not(word("battery"))),
		q(&search.Term{Field: "title", Text: "storm"}),
		q(&search.Term{Field: "body", Text: "election"}, word("results")),
		q(word("zeppelin")),
		q(word("storm"), word("!")),
	}
	for _, tq := range tests {
		t.Run(tq.String(), func(t *testing.T) {
			plan, ok := planWords(g.idx.Mapping(), tq)
			if !ok {
				t.Fatal("not planned as words")
			}
			user, err := translator{g.idx.Mapping()}.query(tq)
			if err != nil {
				t.Fatal(err)
			}
			var fast, slow []entry
			if err := walkWords(context.Background(), rd, plan, true, func(d uint32, s float64) { fast = append(fast, entry{d, s}) }); err != nil {
				t.Fatal(err)
			}
			if err := walkQuery(context.Background(), rd, g.idx.Mapping(), user, true, func(d uint32, s float64) { slow = append(slow, entry{d, s}) }); err != nil {
				t.Fatal(err)
			}
			if len(fast) != len(slow) {
				t.Fatalf("%d matches, Bleve %d", len(fast), len(slow))
			}
			ratio := 0.0
			for i := range fast {
				if fast[i].d != slow[i].d {
					t.Fatalf("match %d: document %d, Bleve %d", i, fast[i].d, slow[i].d)
				}
				r := fast[i].score / slow[i].score
				if ratio == 0 {
					ratio = r
				}
				if math.Abs(r-ratio) > 1e-9*ratio {
					t.Fatalf("document %d: score %g is %g of Bleve's %g, others %g", fast[i].d, fast[i].score, r, slow[i].score, ratio)
				}
			}
			byScore := func(a, b entry) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.d, b.d)) }
			slices.SortFunc(fast, byScore)
			slices.SortFunc(slow, byScore)
			for i := range fast {
				if fast[i].d != slow[i].d {
					t.Fatalf("rank %d: document %d, Bleve ranks %d", i, fast[i].d, slow[i].d)
				}
			}
		})
	}
}

// TestPlanWords checks which queries the postings walk takes.
func TestPlanWords(t *testing.T) {
	ix := openCorpus(t)
	m := ix.cur.idx.Mapping()
	for _, tc := range []struct {
		q    *search.Query
		want bool
	}{
		{q(word("storm")), true},
		{q(word("storm"), not(word("port"))), true},
		{q(&search.Term{Field: "person", Text: "erdogan"}), true},
		{q(&search.Term{Text: "closes ports", Phrase: true}), false},
		{q(&search.Or{Any: []search.Node{word("a"), word("b")}}), false},
		{q(word("covid-19")), false},
		{q(not(word("storm"))), false},
		{q(word("?")), false},
		{&search.Query{}, false},
	} {
		if _, got := planWords(m, tc.q); got != tc.want {
			t.Errorf("%s: planned %t, want %t", tc.q, got, tc.want)
		}
	}
}
