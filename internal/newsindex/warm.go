package newsindex

// Warming a new generation.
//
// A generation's result cache (results.go) starts empty, so after each
// publish the searches people repeat most would be slow once more. Before
// a new generation is served, Reload runs on it again the searches the
// served one answered most recently (at most warmSearches, for at most
// warmTime), while the served one keeps answering: the swap then brings a
// generation whose cache already holds them, with the new articles'
// answers. (Solr calls this autowarming.)

import (
	"context"
	"maps"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// Bounds of warming one generation.
const (
	warmSearches = 64
	warmTime     = 2 * time.Second
)

// warmFrom answers on g the searches old answered most recently, and
// returns how many it answered.
func (g *generation) warmFrom(old *generation) int {
	if old == nil || g.results == nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), warmTime)
	defer cancel()
	n := 0
	for _, c := range old.results.recent(warmSearches) {
		if ctx.Err() != nil {
			break
		}
		if _, err := g.answer(ctx, c.req); err == nil {
			n++
		}
	}
	return n
}

// recent returns copies of the n values used most recently, most recent
// first.
func (c *lru[V]) recent(n int) []V {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []V
	for e := c.order.Front(); e != nil && len(out) < n; e = e.Next() {
		out = append(out, c.clone(e.Value.(*lruEntry[V]).value))
	}
	return out
}

// cloneRequest copies r's maps, so that a caller changing its request
// after the search does not change the one kept.
func cloneRequest(r *search.Request) *search.Request {
	c := *r
	c.Filters, c.Exclude, c.FacetSizes = maps.Clone(r.Filters), maps.Clone(r.Exclude), maps.Clone(r.FacetSizes)
	return &c
}

// Warmed reports how many searches were answered again on new
// generations before they were swapped in.
func (ix *Index) Warmed() uint64 { return ix.warmed.Load() }
