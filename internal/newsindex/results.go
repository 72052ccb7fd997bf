package newsindex

// Results kept per generation.
//
// A published generation never changes, so the response to a search is
// the same until the next swap: each generation keeps the last responses
// it gave in an LRU cache (facetcache.go) keyed by everything that shapes
// a response, and a repeated search (the same page reloaded, a link
// shared, the popular queries of the day) is answered without walking.
// The cache goes away with its generation. Exports (HitsOnly) are not
// kept: their pages are large and rarely asked twice. A response from the
// cache says so (Cached), and its took_ms is the time it took to copy.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/search"
)

// DefaultResultCache is how many responses a generation keeps by default.
const DefaultResultCache = 1024

// resultKey is the cache key of r, and whether its response may be kept.
func resultKey(r *search.Request, p params) (string, bool) {
	if r.HitsOnly {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\npage=%d size=%d cursor=%s facet_sort=%s stories=%t\n",
		searchHash(r, p), p.page, p.size, r.Cursor, r.FacetSort, r.CountStories)
	for _, f := range search.Facets {
		fmt.Fprintf(&b, "%s=%d ", f, p.facetSize[f])
	}
	return b.String(), true
}

// similarCacheSize is how many answers of Similar a generation keeps.
const similarCacheSize = 1024

// copyHits copies hs deeply enough that changing the copy leaves hs as it
// was.
func copyHits(hs []search.Hit) []search.Hit {
	out := slices.Clone(hs)
	for i := range out {
		h := &out[i]
		h.People, h.Orgs, h.Places = slices.Clone(h.People), slices.Clone(h.Orgs), slices.Clone(h.Places)
	}
	return out
}

// copyResponse copies r deeply enough that changing the copy's hits,
// counts or culprits leaves r as it was.
func copyResponse(r *search.Response) *search.Response {
	c := *r
	c.Hits = copyHits(r.Hits)
	c.Facets = copyCounts(r.Facets)
	c.EmptyBecause = slices.Clone(r.EmptyBecause)
	return &c
}

// cachedResult is a response kept, with the request that asked for it
// (warm.go runs it again on the next generation).
type cachedResult struct {
	req  *search.Request
	resp *search.Response
}

// newResults returns a cache of n responses; nil when n is 0.
func newResults(n int) *lru[cachedResult] {
	if n <= 0 {
		return nil
	}
	return newLRU(n, func(c cachedResult) cachedResult { return cachedResult{c.req, copyResponse(c.resp)} })
}

// KeepResults sets how many responses each generation keeps, the served
// one included (its cache starts empty); 0 keeps none.
func (ix *Index) KeepResults(n int) {
	ix.reloadMu.Lock()
	defer ix.reloadMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.keep = n
	if ix.cur != nil {
		ix.cur.results = newResults(n)
	}
}
