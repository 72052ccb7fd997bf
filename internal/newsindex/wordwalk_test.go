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
	synth, real := openUpdated(t), openCorpus(t)
	tests := []struct {
		ix *Index
		q  *search.Query
	}{
		{synth, q(word("storm"))},
		{synth, q(word("election"))},
		{synth, q(word("storm"), word("battery"))},
		{synth, q(word("Storms"), not(word("battery")))},
		{synth, q(&search.Term{Field: "title", Text: "storm"})},
		{synth, q(&search.Term{Field: "body", Text: "election"}, word("results"))},
		{synth, q(word("zeppelin"))},
		{synth, q(word("storm"), word("!"))},
		{real, q(&search.Term{Text: "closes ports", Phrase: true})},
		{real, q(&search.Term{Text: "storm shut", Phrase: true}, not(word("battery")))},
		{real, q(&search.Term{Text: "joint statement", Phrase: true}, word("talks"))},
		{real, q(&search.Term{Text: "ports closes", Phrase: true})},
		{real, q(&search.Term{Field: "body", Text: "the ports of", Phrase: true})},
		{real, q(word("storm"), &search.Term{Text: "Tayyip Erdoğan", Phrase: true})},
		{synth, q(&search.Or{Any: []search.Node{word("storm"), word("battery")}})},
		{synth, q(&search.Or{Any: []search.Node{word("storm"), word("battery"), word("election")}}, not(word("results")))},
		{synth, q(word("election"), &search.Or{Any: []search.Node{word("storm"), &search.Term{Field: "title", Text: "battery"}}})},
		{synth, q(&search.Or{Any: []search.Node{word("storm"), word("?")}})},
		{real, q(&search.Or{Any: []search.Node{&search.Term{Text: "closes ports", Phrase: true}, word("battery")}})},
	}
	matched := map[string]int{}
	for _, tt := range tests {
		g, tq := tt.ix.cur, tt.q
		t.Run(tq.String(), func(t *testing.T) {
			rd, err := g.reader()
			if err != nil {
				t.Fatal(err)
			}
			defer rd.Close()
			plan, ok := planWords(g.idx.Mapping(), tq)
			if !ok {
				t.Fatal("not planned as words")
			}
			user, err := translator{g.idx.Mapping()}.query(tq)
			if err != nil {
				t.Fatal(err)
			}
			var fast, slow []entry
			l, err := newTermLists(rd)
			if err != nil {
				t.Fatal(err)
			}
			if err := walkWords(context.Background(), l, plan, true, 0, 1<<31, func(d uint32, s float64) { fast = append(fast, entry{d, s}) }); err != nil {
				t.Fatal(err)
			}
			if err := walkQuery(context.Background(), rd, g.idx.Mapping(), user, true, func(d uint32, s float64) { slow = append(slow, entry{d, s}) }); err != nil {
				t.Fatal(err)
			}
			if len(fast) != len(slow) {
				t.Fatalf("%d matches, Bleve %d", len(fast), len(slow))
			}
			matched[tq.String()] = len(fast)
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
	for _, name := range []string{"storm", `"closes ports"`, `"storm shut" -battery`, `"joint statement" talks`, `body:"the ports of"`,
		"storm OR battery", `"closes ports" OR battery`} {
		if matched[name] == 0 {
			t.Errorf("%s matched nothing: the comparison checks nothing", name)
		}
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
		{q(&search.Term{Text: "closes ports", Phrase: true}), true},
		{q(&search.Term{Text: "ports", Phrase: true}), false},
		{q(&search.Or{Any: []search.Node{word("a"), word("b")}}), true},
		{q(&search.Or{Any: []search.Node{word("a"), q(word("b"), word("c"))}}), false},
		{q(not(&search.Or{Any: []search.Node{word("a"), word("b")}})), false},
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
