package newsindex

// Cursors for deep paging.
//
// page= reaches only the first search.MaxPage pages, because a search
// keeps every hit up to the requested page. A cursor instead names the
// last hit of a page by its sort keys (score, date, id; topn.go), and the
// next page keeps only the matches that rank after them, however deep.
// Since every order ends with the id, no two hits share their keys, so
// pages neither overlap nor skip. The keys are values, not document
// numbers, so a cursor still continues after the index is re-published.
//
// A cursor is base64url (no padding) of a JSON object:
//
//	{"h": hash of the search, "s": score, "t": date key, "i": id}
//
// The hash covers what decides the list of hits and their order: the
// query as parsed, the filters, the exclusions, the date range, the sort
// and whether stories are collapsed. A cursor handed to a different search is refused with a
// *search.Error rather than giving a page of some other list. A score is
// a float64, which JSON carries exactly.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/search"
)

// maxCursorLen bounds the cursor parameter, in bytes.
const maxCursorLen = 4096

// cursor is the decoded form of a cursor parameter.
type cursor struct {
	Hash  string  `json:"h"`
	Score float64 `json:"s"`
	Date  int64   `json:"t"`
	ID    string  `json:"i"`
}

// nextCursor returns the cursor that continues r after entry last.
func (g *generation) nextCursor(r *search.Request, p params, last entry) string {
	o := order{p.sort, g.col}
	c := cursor{Hash: searchHash(r, p), Date: o.dateKey(last.d), ID: g.col.id[last.d]}
	if p.sort == search.Relevance {
		c.Score = last.score
	}
	b, _ := json.Marshal(c) // a struct of strings and numbers always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// bound is where c's page ends among the generation's documents.
func (c *cursor) bound(col *columns) *bound {
	return &bound{score: c.Score, date: c.Date, after: col.after(c.ID)}
}

// readCursor returns the cursor of r, nil when r has none, or a
// *search.Error when it is not a cursor of this search.
func readCursor(r *search.Request, p params) (*cursor, error) {
	if r.Cursor == "" {
		return nil, nil
	}
	bad := func(why string) error {
		return &search.Error{Message: "the cursor " + why + ": use next_cursor from the previous page of the same search, or start again without cursor", Param: "cursor"}
	}
	if len(r.Cursor) > maxCursorLen {
		return nil, bad("is too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(r.Cursor)
	if err != nil {
		return nil, bad("is damaged")
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.ID == "" {
		return nil, bad("is damaged")
	}
	if c.Hash != searchHash(r, p) {
		return nil, bad("belongs to another search (query, filters, dates or sort differ)")
	}
	return &c, nil
}

// searchHash identifies the list of hits r asks for, in its order.
func searchHash(r *search.Request, p params) string {
	var b strings.Builder
	fmt.Fprintf(&b, "q=%s\nsort=%s\ncollapse=%t\n", r.Query.String(), p.sort, r.Collapse)
	for _, f := range search.Facets {
		fmt.Fprintf(&b, "%s=%q\nnot_%s=%q\n", f, sortedKeys(r.Filters[f]), f, sortedKeys(r.Exclude[f]))
	}
	if !r.From.IsZero() {
		fmt.Fprintf(&b, "from=%d\n", r.From.UnixNano())
	}
	if !r.To.IsZero() {
		fmt.Fprintf(&b, "to=%d\n", r.To.UnixNano())
	}
	sum := sha256.Sum256([]byte(b.String()))
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// sortedKeys returns the distinct keys of values, sorted.
func sortedKeys(values []string) []string {
	ks := make([]string, 0, len(values))
	for _, v := range values {
		ks = append(ks, entity.Key(v))
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}
