package newsindex

// Cursors for deep paging.
//
// page= reaches only the first search.MaxPage pages, because Bleve must
// collect every hit before the requested page. A cursor instead names the
// last hit of a page by its sort values, and the next page is asked for
// with SearchAfter on them: Bleve then keeps only the hits that sort after
// it, however deep. Since every sort order ends with the document id, no
// two hits share sort values, so pages neither overlap nor skip.
//
// A cursor is base64url (no padding) of a JSON object:
//
//	{"h": hash of the search, "s": [sort values of the last hit, as bytes]}
//
// The hash covers what decides the list of hits and their order: the
// query as parsed, the filters, the exclusions, the date range and the
// sort. A cursor handed to a different search is refused with a
// *search.Error rather than giving a page of some other list. Sort values
// are kept as bytes because a date's value is a binary prefix-coded term;
// a relevance score is written as its shortest exact decimal.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/search"
)

// maxCursorLen bounds the cursor parameter, in bytes.
const maxCursorLen = 4096

// cursor is the decoded form of a cursor parameter.
type cursor struct {
	Hash  string   `json:"h"`
	After [][]byte `json:"s"`
}

// nextCursor returns the cursor that continues r after hit last.
func nextCursor(r *search.Request, p params, last *bsearch.DocumentMatch) string {
	c := cursor{Hash: searchHash(r, p)}
	for i, v := range last.Sort {
		if i == 0 && p.sort == search.Relevance {
			v = strconv.FormatFloat(last.Score, 'g', -1, 64)
		}
		c.After = append(c.After, []byte(v))
	}
	b, _ := json.Marshal(c) // a struct of strings and bytes always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// readCursor returns the sort values that r's cursor continues after, nil
// when r has none, or a *search.Error when it is not a cursor of this search.
func readCursor(r *search.Request, p params) ([]string, error) {
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
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, bad("is damaged")
	}
	if c.Hash != searchHash(r, p) {
		return nil, bad("belongs to another search (query, filters, dates or sort differ)")
	}
	order, _ := sortOrder(p.sort)
	if len(c.After) != len(order) {
		return nil, bad("is damaged")
	}
	after := make([]string, len(c.After))
	for i, v := range c.After {
		after[i] = string(v)
	}
	if p.sort == search.Relevance {
		if _, err := strconv.ParseFloat(after[0], 64); err != nil {
			return nil, bad("is damaged")
		}
	}
	return after, nil
}

// searchHash identifies the list of hits r asks for, in its order.
func searchHash(r *search.Request, p params) string {
	var b strings.Builder
	fmt.Fprintf(&b, "q=%s\nsort=%s\n", r.Query.String(), p.sort)
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
