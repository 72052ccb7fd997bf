// Package search holds the engine-neutral model of a faceted search: the
// Request that searchd's handlers build from URL parameters, the Response
// they render as JSON or HTML, the parsed query language, and the Searcher
// interface that the index implements. It imports no search engine, so the
// web layer can be tested against any Searcher.
package search

import (
	"context"
	"errors"
	"time"

	"github.com/newsfts/newsfts/internal/article"
)

// Facet names a keyword field that can be counted and filtered.
type Facet string

// The facets, named as in the response's "facets" object.
const (
	People  Facet = "people"
	Orgs    Facet = "orgs"
	Places  Facet = "places"
	Sources Facet = "sources"
)

// Facets lists the keyword facets in display order.
var Facets = []Facet{People, Orgs, Places, Sources}

// Param is the URL parameter that filters on f ("person" for People).
func (f Facet) Param() string {
	switch f {
	case People:
		return "person"
	case Orgs:
		return "org"
	case Places:
		return "place"
	case Sources:
		return "source"
	}
	return string(f)
}

// Sort orders the hits.
type Sort string

// The sort orders.
const (
	Relevance Sort = "relevance"
	Newest    Sort = "newest"
	Oldest    Sort = "oldest"
)

// Limits on what one request may ask for.
const (
	MaxSize      = 100 // hits per page
	MaxPage      = 100 // deepest page reachable with page=
	MaxFacetSize = 100 // values per facet
	DefaultSize  = 10
	DefaultFacet = 10

	MaxExport      = 10000 // rows one export (format=csv|ndjson) may return
	ExportBatch    = 500   // hits per internal page of an export (a HitsOnly request)
	MaxEmptyChecks = 8     // size-0 searches spent finding why a search found nothing
)

// FacetSort orders the values of a facet.
type FacetSort string

// The facet orders. By name orders the top values (by count) A–Z: the
// values shown are the same, only their order differs.
const (
	ByCount FacetSort = "count"
	ByName  FacetSort = "name"
)

// Request is one search, already validated.
type Request struct {
	Query     *Query             // parsed q; nil or empty matches every article
	Filters   map[Facet][]string // values of one facet OR together; facets AND
	Exclude   map[Facet][]string // values that must not be present
	From, To  time.Time          // published range [From, To); zero = open
	Sort      Sort               // Relevance when empty
	Page      int                // from 1
	Size      int                // hits per page
	FacetSize int                // values per facet
	// Added for deep paging, per-facet sizes and exports:
	Cursor       string        // NextCursor of the previous page of the same search; Page is then ignored
	FacetSizes   map[Facet]int // values of one facet, overriding FacetSize
	FacetSort    FacetSort     // ByCount when empty
	HitsOnly     bool          // no facets, histogram, snippets or empty_because; Size up to ExportBatch
	Collapse     bool          // one hit per story: the best-ranked of its copies that match; Total still counts articles
	CountStories bool          // facet and histogram counts count stories (copies of one story count once)
}

// SizeOf is the number of values facet f lists for r.
func (r *Request) SizeOf(f Facet) int {
	if n := r.FacetSizes[f]; n > 0 {
		return n
	}
	return r.FacetSize
}

// Response is the result of a search. Its JSON form is the API contract.
type Response struct {
	Total      uint64  `json:"total"`
	TotalExact bool    `json:"total_exact"`
	TookMS     float64 `json:"took_ms"`
	Cached     bool    `json:"cached,omitempty"` // answered from the served generation's result cache
	Hits       []Hit   `json:"hits"`
	NextCursor string  `json:"next_cursor,omitempty"`
	Facets     Counts  `json:"facets"`
	// EmptyBecause, when Total is 0, names the parts of the search that
	// emptied the result: each alone removed would give hits.
	EmptyBecause []Culprit `json:"empty_because,omitempty"`
}

// Culprit is a clause of q or a filter without which a search that found
// nothing would find HitsWithout articles.
type Culprit struct {
	Param       string `json:"param"`        // "q", "person", "not_place", "from", ...
	Value       string `json:"value"`        // the clause or the filter's value(s), joined by " OR "
	HitsWithout uint64 `json:"hits_without"` // total of the same search without it
}

// Hit is one matching article as a result list shows it.
type Hit struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url"`
	Snippet   string    `json:"snippet"` // HTML: escaped text, matches wrapped in <mark>
	People    []string  `json:"people"`
	Orgs      []string  `json:"orgs"`
	Places    []string  `json:"places"`
}

// Counts holds the facet counts of a response.
type Counts struct {
	People    []FacetValue `json:"people"`
	Orgs      []FacetValue `json:"orgs"`
	Places    []FacetValue `json:"places"`
	Sources   []FacetValue `json:"sources"`
	Published []DateBucket `json:"published"`
}

// Of returns the counts of facet f.
func (c *Counts) Of(f Facet) *[]FacetValue {
	switch f {
	case People:
		return &c.People
	case Orgs:
		return &c.Orgs
	case Places:
		return &c.Places
	default:
		return &c.Sources
	}
}

// FacetValue is one value of a facet with the number of matching articles.
type FacetValue struct {
	Value    string `json:"value"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected"`
}

// DateBucket counts the matching articles published in [From, To).
type DateBucket struct {
	From  string `json:"from"` // YYYY-MM-DD
	To    string `json:"to"`
	Count int    `json:"count"`
}

// Stats describes the index being served.
type Stats struct {
	Docs       uint64    `json:"documents"`
	Generation string    `json:"generation"`
	Published  time.Time `json:"published,omitzero"` // when the generation was published
}

// Searcher is what the web layer needs from an index.
//
// A facet value is identified by its key (case and diacritics folded) and
// shown by one label per key. Search matches Filters and Exclude values by
// key and lists facet values, hits' names and Doc's names by label.
type Searcher interface {
	Search(ctx context.Context, r *Request) (*Response, error)
	// Doc returns one article, or an error wrapping ErrNotFound.
	Doc(ctx context.Context, id string) (*article.Article, error)
	Stats() Stats
	// Canonical returns the label that a value typed by a user stands for
	// in facet f: the label of the entity it is an alias of ("Turkey" for
	// "Türkiye"), else the label of its key ("mehmet goren" for "Mehmet
	// Gören"), else value unchanged.
	Canonical(f Facet, value string) string
	// Similar returns up to n articles most like article id (sharing the
	// most entities and distinctive words), without the article itself.
	Similar(ctx context.Context, id string, n int) ([]Hit, error)
}

// ErrNotFound is returned (wrapped) for an unknown document id.
var ErrNotFound = errors.New("not found")

// Error is a problem with the request that the user can fix: HTTP 400.
type Error struct {
	Message    string `json:"message"`              // what is wrong and how to fix it
	Param      string `json:"param,omitempty"`      // the URL parameter at fault
	Position   int    `json:"position,omitempty"`   // 1-based rune offset in that parameter, 0 if none
	Expected   string `json:"expected,omitempty"`   // what the parser expected at Position
	Suggestion string `json:"suggestion,omitempty"` // a corrected value of Param that would be accepted
}

func (e *Error) Error() string { return e.Message }
