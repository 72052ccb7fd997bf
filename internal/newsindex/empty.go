package newsindex

// Why a search found nothing.
//
// A search with several clauses and filters that finds nothing leaves the
// user guessing which one to drop. explainEmpty tries: it runs the same
// search without one part at a time (each top-level clause of q, each
// facet's filter, each facet's exclusions, from, to), as size-0 searches
// that only count, and reports each part without which something would be
// found. At most search.MaxEmptyChecks parts are tried, so an empty result
// costs a bounded number of cheap searches.

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// part is a piece of a request that can be left out.
type part struct {
	param, value string
	without      func(*search.Request) // removes the part from a copy
}

// explainEmpty returns the parts of r that alone emptied its result.
func (g *generation) explainEmpty(ctx context.Context, r *search.Request) ([]search.Culprit, error) {
	var out []search.Culprit
	ps := parts(r)
	for _, pt := range ps[:min(len(ps), search.MaxEmptyChecks)] {
		c := clone(r)
		pt.without(c)
		n, err := g.count(ctx, c)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, search.Culprit{Param: pt.param, Value: pt.value, HitsWithout: n})
		}
	}
	return out, nil
}

// parts lists the parts of r in the order the page shows them.
func parts(r *search.Request) []part {
	var out []part
	if !r.Query.Empty() && len(r.Query.All) > 1 {
		for i, n := range r.Query.All {
			out = append(out, part{"q", (&search.Query{All: []search.Node{n}}).String(), func(c *search.Request) {
				all := append([]search.Node{}, r.Query.All[:i]...)
				c.Query = &search.Query{All: append(all, r.Query.All[i+1:]...)}
			}})
		}
	} else if !r.Query.Empty() {
		out = append(out, part{"q", r.Query.String(), func(c *search.Request) { c.Query = nil }})
	}
	for _, f := range search.Facets {
		if vs := r.Filters[f]; len(vs) > 0 {
			out = append(out, part{f.Param(), strings.Join(vs, " OR "), func(c *search.Request) { delete(c.Filters, f) }})
		}
		if vs := r.Exclude[f]; len(vs) > 0 {
			out = append(out, part{"not_" + f.Param(), strings.Join(vs, " OR "), func(c *search.Request) { delete(c.Exclude, f) }})
		}
	}
	if !r.From.IsZero() {
		out = append(out, part{"from", r.From.UTC().Format(time.RFC3339), func(c *search.Request) { c.From = time.Time{} }})
	}
	if !r.To.IsZero() {
		out = append(out, part{"to", r.To.UTC().Format(time.RFC3339), func(c *search.Request) { c.To = time.Time{} }})
	}
	return out
}

// clone copies what parts may change: the query and the filter maps.
func clone(r *search.Request) *search.Request {
	c := *r
	c.Filters = maps.Clone(r.Filters)
	c.Exclude = maps.Clone(r.Exclude)
	return &c
}

// count returns how many articles r matches, with a walk that keeps one
// hit and scores nothing.
func (g *generation) count(ctx context.Context, r *search.Request) (uint64, error) {
	user, err := translator{g.idx.Mapping()}.query(r.Query)
	if err != nil {
		return 0, err
	}
	rd, err := g.reader()
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	p := params{page: 1, size: 1, sort: search.Newest}
	w, err := g.walk(ctx, rd, r, p, words(user), nil, false)
	if err != nil {
		return 0, fmt.Errorf("search: counting without a part: %w", err)
	}
	return w.total, nil
}
