package newsindex

// Disjunctive counts in one pass.
//
// A facet with selected values is counted with every filter except its
// own. Run as one counting pass per such facet, a search with words and
// three selections walks its matches four times. Because the facet table
// knows the facet terms of every document, one pass does instead: it walks
// the articles that the words, the dates and the exclusions match, and
// sorts each into the tallies it belongs to by looking at its terms (the
// pass skips the articles that lack two or more selected facets). An
// article that has a selected value of every selected facet counts in the
// main tally and in the tally of each selected facet; one that lacks only
// facet f's counts in f's tally alone; any other is not counted.
//
// Without words the passes apart are kept: there the filters lead each
// pass, and one pass without them would walk every article.

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsfts/newsfts/internal/search"
)

// tallies are the counts of one request: main for the articles it
// matches, of[i] for the disjunctive counts of facet search.Facets[i]
// (main itself when the facet has no selection). A nil tally stands for
// all articles.
type tallies struct {
	main *tally
	of   [dayField]*tally
}

// release gives every tally of ts back to the table.
func (t *facetTable) releaseAll(ts *tallies) {
	for _, c := range ts.of {
		if c != ts.main {
			t.release(c)
		}
	}
	t.release(ts.main)
}

// countAll counts the facets of r, whose query is user and exclusions
// exclude.
func (g *generation) countAll(ctx context.Context, r *search.Request, user, exclude query.Query) (*tallies, error) {
	if _, all := user.(*query.MatchAllQuery); user == nil || all || !hasFilters(r) {
		return g.countApart(ctx, r, user, exclude)
	}
	return g.countTogether(ctx, r, countQuery(user, nearlyAll(r), exclude))
}

// nearlyAll matches the articles in r's date range that have a selected
// value of every selected facet but at most one: the only ones that count
// anywhere. It is nil when it would match every article.
func nearlyAll(r *search.Request) query.Query {
	var active []search.Facet
	for _, f := range search.Facets {
		if len(r.Filters[f]) > 0 {
			active = append(active, f)
		}
	}
	var parts []query.Query
	if dq := dateRange(r.From, r.To); dq != nil {
		parts = append(parts, dq)
	}
	if len(active) > 1 {
		var any []query.Query
		for _, f := range active {
			var others []query.Query
			for _, o := range active {
				if o != f {
					others = append(others, anyTerm(o, r.Filters[o]))
				}
			}
			any = append(any, bleve.NewConjunctionQuery(others...))
		}
		parts = append(parts, bleve.NewDisjunctionQuery(any...))
	}
	return allOf(parts)
}

func hasFilters(r *search.Request) bool {
	for _, f := range search.Facets {
		if len(r.Filters[f]) > 0 {
			return true
		}
	}
	return false
}

// countApart runs one pass for the request and one per selected facet.
func (g *generation) countApart(ctx context.Context, r *search.Request, user, exclude query.Query) (*tallies, error) {
	ts := &tallies{}
	var err error
	if ts.main, err = g.countPass(ctx, countQuery(user, filterQuery(r, ""), exclude)); err != nil {
		return nil, err
	}
	for i, f := range search.Facets {
		ts.of[i] = ts.main
		if len(r.Filters[f]) > 0 {
			if ts.of[i], err = g.countPass(ctx, countQuery(user, filterQuery(r, f), exclude)); err != nil {
				ts.of[i] = ts.main
				g.table.releaseAll(ts)
				return nil, fmt.Errorf("search: %s counts: %w", f, err)
			}
		}
	}
	return ts, nil
}

// countTogether walks the matches of base (the request without its facet
// filters, narrowed by nearlyAll) once, and sorts each into the tallies it
// belongs to.
func (g *generation) countTogether(ctx context.Context, r *search.Request, base query.Query) (*tallies, error) {
	t := g.table
	var sel [dayField][]uint32 // the ordinals of each facet's selected values
	var active []int           // the facets with a selection
	ts := &tallies{main: t.getTally()}
	for i, f := range search.Facets {
		ts.of[i] = ts.main
		if len(r.Filters[f]) > 0 {
			active = append(active, i)
			ts.of[i] = t.getTally()
			sel[i] = []uint32{} // a selection of unknown values matches nothing
			for _, k := range keys(r.Filters[f]) {
				if o, ok := t.ordOf[i][k]; ok {
					sel[i] = append(sel[i], o)
				}
			}
		}
	}
	err := run(ctx, g.idx, base, func(d uint64) {
		ords := t.ordsOf(d)
		missing, lacks := 0, 0
		for _, i := range active {
			if !hasAny(ords, sel[i]) {
				missing, lacks = missing+1, i
			}
		}
		switch missing {
		case 0:
			t.addOrds(ts.main, ords)
			for _, i := range active {
				t.addOrds(ts.of[i], ords)
			}
		case 1:
			t.addOrds(ts.of[lacks], ords)
		}
	})
	if err != nil {
		t.releaseAll(ts)
		return nil, err
	}
	return ts, nil
}

// hasAny reports whether ords holds any of want.
func hasAny(ords, want []uint32) bool {
	for _, o := range ords {
		for _, w := range want {
			if o == w {
				return true
			}
		}
	}
	return false
}
