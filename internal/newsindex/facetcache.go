package newsindex

// Facet counts kept per generation.
//
// A search without query words (a browse, or filters alone) is the most
// common request of the HTML page and the most expensive to count, since
// it matches the most articles. Its counts depend only on the generation
// and on the request's filters, exclusions, dates, facet sizes and facet
// order, so they are kept in a small LRU cache that belongs to the
// generation and goes away with it on a swap. A browse with no filter at
// all does not even need its first counting pass: its counts are the facet
// table's counts over all documents, taken when the generation is opened.

import (
	"container/list"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// countsCacheSize bounds the entries of one generation's cache.
const countsCacheSize = 256

// countsKey is the cache key of r's counts, and whether they may be
// cached: only a request without query words is.
func countsKey(r *search.Request, p params) (string, bool) {
	if !r.Query.Empty() {
		return "", false
	}
	var b strings.Builder
	for _, f := range search.Facets {
		fmt.Fprintf(&b, "%s:%d:%q:%q;", f, p.facetSize[f], r.Filters[f], r.Exclude[f])
	}
	fmt.Fprintf(&b, "%s:%s:%s:%t", r.From.UTC().Format(time.RFC3339Nano), r.To.UTC().Format(time.RFC3339Nano), r.FacetSort, r.CountStories)
	return b.String(), true
}

// countsCache is an LRU cache of facet counts; nil caches nothing.
type countsCache = lru[search.Counts]

// newCountsCache returns an empty cache of facet counts.
func newCountsCache() *countsCache { return newLRU(countsCacheSize, copyCounts) }

// lru is a cache of at most size values, the least recently used dropped
// first, safe for concurrent use. A value is copied going in and coming
// out (clone), so that a caller changing a response cannot change the
// cache. nil caches nothing.
type lru[V any] struct {
	mu    sync.Mutex
	size  int
	clone func(V) V
	order list.List // of *lruEntry[V], most recent first
	byKey map[string]*list.Element
}

// newLRU returns an empty cache of size values copied by clone.
func newLRU[V any](size int, clone func(V) V) *lru[V] {
	return &lru[V]{size: size, clone: clone, byKey: map[string]*list.Element{}}
}

type lruEntry[V any] struct {
	key   string
	value V
}

// get returns a copy of the value kept under key.
func (c *lru[V]) get(key string) (V, bool) {
	var zero V
	if c == nil {
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return zero, false
	}
	c.order.MoveToFront(e)
	return c.clone(e.Value.(*lruEntry[V]).value), true
}

// put keeps a copy of v under key, dropping the least recently used entry
// when full.
func (c *lru[V]) put(key string, v V) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&lruEntry[V]{key, c.clone(v)})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*lruEntry[V]).key)
	}
}

// copyCounts copies the lists of c.
func copyCounts(c search.Counts) search.Counts {
	return search.Counts{
		People:    append([]search.FacetValue{}, c.People...),
		Orgs:      append([]search.FacetValue{}, c.Orgs...),
		Places:    append([]search.FacetValue{}, c.Places...),
		Sources:   append([]search.FacetValue{}, c.Sources...),
		Published: append([]search.DateBucket{}, c.Published...),
	}
}
