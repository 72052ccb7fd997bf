package newsindex

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
	"github.com/newsfts/newsfts/internal/story"
)

// ErrClosed is returned by the methods of a closed Index.
var ErrClosed = errors.New("index is closed")

// Index serves the published generation of an index root, read-only. It
// implements search.Searcher and is safe for concurrent use. Reload swaps
// in a newer generation without failing a search in flight.
type Index struct {
	root     string
	reloadMu sync.Mutex    // serialises Reload and Close
	swaps    atomic.Uint64 // generations swapped in by Reload
	failures atomic.Uint64 // Reloads that failed
	warmed   atomic.Uint64 // searches answered again on new generations before their swap

	mu    sync.RWMutex     // held shared by each Search and Doc, exclusively by a swap
	keep  int              // responses each generation keeps (results.go); guarded by reloadMu
	alias bleve.IndexAlias // always holds exactly cur
	cur   *generation
}

var _ search.Searcher = (*Index)(nil)

// generation is one opened gen-* directory.
type generation struct {
	name     string
	idx      bleve.Index
	docs     uint64
	labelSet                    // the labels of its facet keys, and its alias tables
	stories  *story.Groups      // its stories with copies; nil if none (story.go)
	table    *facetTable        // its facet terms by document (facetcount.go)
	col      *columns           // its sort keys by document (columns.go)
	cache    *countsCache       // counts of searches without query words; nil keeps none
	results  *lru[cachedResult] // the last responses it gave (results.go); nil keeps none
	similar  *lru[[]search.Hit] // the last answers of Similar (similar.go)
}

// Open opens the generation that root/CURRENT names.
func Open(root string) (*Index, error) {
	name, err := readCurrent(root)
	if err != nil {
		return nil, fmt.Errorf("open index %s (has the indexer published one?): %w", root, err)
	}
	g, err := openGeneration(root, name, DefaultResultCache)
	if err != nil {
		return nil, err
	}
	return &Index{root: root, keep: DefaultResultCache, alias: bleve.NewIndexAlias(g.idx), cur: g}, nil
}

// openGeneration opens root/name read-only. Several processes may open the
// same generation this way at once: bbolt takes only a shared lock, and
// scorch runs no persister or merger, so nothing is written.
func openGeneration(root, name string, keep int) (*generation, error) {
	dir := filepath.Join(root, name)
	idx, err := bleve.OpenUsing(dir, map[string]interface{}{
		"read_only":    true,
		"bolt_timeout": "10s",
	})
	if err != nil {
		return nil, fmt.Errorf("open generation %s: %w", dir, err)
	}
	n, err := idx.DocCount()
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("count documents in %s: %w", dir, err)
	}
	t, err := readTables(idx)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open generation %s: %w", dir, err)
	}
	ft, col, err := readDocTables(idx)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open generation %s: %w", dir, err)
	}
	stories := readStories(dir, idx)
	col.readStories(stories)
	return &generation{name: name, idx: idx, docs: n, labelSet: t.labelSet(), stories: stories,
		table: ft, col: col, cache: newCountsCache(), results: newResults(keep),
		similar: newLRU(similarCacheSize, copyHits)}, nil
}

// readDocTables reads, from one reader of idx, the facet terms
// (facetcount.go) and the sort columns (columns.go) of its documents.
func readDocTables(idx bleve.Index) (*facetTable, *columns, error) {
	r, err := openReader(idx)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	ft, err := buildFacetTable(context.Background(), r)
	if err != nil {
		return nil, nil, err
	}
	col, err := readColumns(context.Background(), r)
	if err != nil {
		return nil, nil, err
	}
	return ft, col, nil
}

// Stats describes the generation being served.
func (ix *Index) Stats() search.Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return search.Stats{}
	}
	published, _ := genTime(ix.cur.name)
	return search.Stats{Docs: ix.cur.docs, Generation: ix.cur.name, Published: published}
}

// Reload serves the generation CURRENT names if it is not the one served
// (a newer publish, or a rollback someone wrote into CURRENT). The new
// generation is opened before the swap; the swap waits for searches in
// flight, which finish on the old one; then the old one is closed. It
// reports whether it swapped.
func (ix *Index) Reload() (bool, error) {
	swapped, err := ix.reload()
	if swapped {
		ix.swaps.Add(1)
	}
	if err != nil && !errors.Is(err, ErrClosed) {
		ix.failures.Add(1)
	}
	return swapped, err
}

// Reloads reports how many generations Reload swapped in and how many
// times it failed (a failed reload keeps the served generation).
func (ix *Index) Reloads() (swaps, failures uint64) {
	return ix.swaps.Load(), ix.failures.Load()
}

func (ix *Index) reload() (bool, error) {
	ix.reloadMu.Lock()
	defer ix.reloadMu.Unlock()
	name, err := readCurrent(ix.root)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	ix.mu.RLock()
	old := ix.cur
	ix.mu.RUnlock()
	if old == nil {
		return false, fmt.Errorf("reload: %w", ErrClosed)
	}
	if name == old.name {
		return false, nil
	}
	g, err := openGeneration(ix.root, name, ix.keep)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	ix.warmed.Add(uint64(g.warmFrom(old))) // warm.go
	ix.mu.Lock()
	ix.alias.Swap([]bleve.Index{g.idx}, []bleve.Index{old.idx})
	ix.cur = g
	ix.mu.Unlock()
	if err := old.idx.Close(); err != nil {
		return true, fmt.Errorf("reload: close %s: %w", old.name, err)
	}
	return true, nil
}

// Close waits for searches in flight and closes the index.
func (ix *Index) Close() error {
	ix.reloadMu.Lock()
	defer ix.reloadMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.cur == nil {
		return nil
	}
	err := ix.cur.idx.Close()
	ix.alias.Close()
	ix.cur = nil
	if err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// Doc returns the stored article with the given id, its people,
// organisations, places and source shown by their preferred labels, or an
// error wrapping search.ErrNotFound.
func (ix *Index) Doc(ctx context.Context, id string) (*article.Article, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{"*"}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, fmt.Errorf("doc: %w", ErrClosed)
	}
	res, err := ix.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("doc %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("article %q: %w", id, search.ErrNotFound)
	}
	return fromFields(id, res.Hits[0].Fields, ix.cur.labelSet), nil
}
