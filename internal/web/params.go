package web

// URL parameters of a search.
//
// The API and the HTML page take the same parameters, so a page's address
// can be turned into an API call by changing its path. ParseRequest is
// strict: an unknown parameter, a repeated single-valued parameter, or a
// value out of range is a *search.Error naming the parameter and saying how
// to fix it, because a silently ignored typo ("persn=") gives results that
// look right and are not. Two things are lenient: empty values (a form
// submits an empty q) count as absent, and size and facet_size above their
// maximum are lowered to it. page above search.MaxPage is an error, since a
// silently different page would be a wrong answer.
//
// Beyond page, deep results are reached with cursor, the next_cursor of the
// previous page (not together with page). facet_size sets the number of
// values of every facet, facet_size.people (orgs, places, sources) that of
// one facet, as the page's "more" links do; facet_sort=count|name orders
// them. format=csv|ndjson exports the matching articles instead, at most
// limit of them (default and maximum search.MaxExport).

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsfts/newsfts/internal/search"
)

// Limits on parameter values, beyond those of package search.
const (
	maxValueLen  = 256  // bytes in one facet value
	maxValues    = 20   // values of one facet parameter
	maxParamSize = 8192 // bytes in all parameters together
)

// single lists the parameters that may be given at most once.
var single = []string{"q", "from", "to", "sort", "page", "size", "facet_size", "format", "cursor", "facet_sort", "limit", "collapse", "count",
	"facet_size.people", "facet_size.orgs", "facet_size.places", "facet_size.sources"}

// ParseRequest validates the URL parameters of a search and returns the
// Request they describe. now anchors relative dates such as "now-30d".
// Every error is a *search.Error whose Param names the parameter at fault.
func ParseRequest(v url.Values, now time.Time) (*search.Request, error) {
	if err := checkParams(v); err != nil {
		return nil, err
	}
	if err := checkFormat(v); err != nil {
		return nil, err
	}
	r := &search.Request{
		Filters: map[search.Facet][]string{},
		Exclude: map[search.Facet][]string{},
	}
	var err error
	if r.Query, err = parseQuery(v.Get("q")); err != nil {
		return nil, err
	}
	for _, f := range search.Facets {
		if err = addValues(r.Filters, f, v, f.Param()); err != nil {
			return nil, err
		}
		if err = addValues(r.Exclude, f, v, "not_"+f.Param()); err != nil {
			return nil, err
		}
	}
	if r.From, r.To, err = parseRange(v.Get("from"), v.Get("to"), now); err != nil {
		return nil, err
	}
	if r.Sort, err = parseSort(v.Get("sort"), r.Query); err != nil {
		return nil, err
	}
	if r.Page, err = intParam(v, "page", 1, 1, search.MaxPage, false); err != nil {
		return nil, err
	}
	if r.Size, err = intParam(v, "size", search.DefaultSize, 1, search.MaxSize, true); err != nil {
		return nil, err
	}
	if r.FacetSize, err = intParam(v, "facet_size", search.DefaultFacet, 1, search.MaxFacetSize, true); err != nil {
		return nil, err
	}
	if err = parsePaging(v, r); err != nil {
		return nil, err
	}
	if err = parseStories(v, r); err != nil { // stories.go
		return nil, err
	}
	return r, nil
}

// parsePaging reads cursor, the per-facet sizes and facet_sort.
func parsePaging(v url.Values, r *search.Request) error {
	r.Cursor = strings.TrimSpace(v.Get("cursor"))
	if r.Cursor != "" && r.Page > 1 {
		return badParam("cursor", "give cursor or page, not both: a cursor already says where the next page starts")
	}
	for _, f := range search.Facets {
		name := "facet_size." + string(f)
		n, err := intParam(v, name, 0, 1, search.MaxFacetSize, true)
		if err != nil {
			return err
		}
		if n > 0 {
			if r.FacetSizes == nil {
				r.FacetSizes = map[search.Facet]int{}
			}
			r.FacetSizes[f] = n
		}
	}
	switch s := search.FacetSort(v.Get("facet_sort")); s {
	case "", search.ByCount, search.ByName:
		r.FacetSort = s
	default:
		return badParam("facet_sort", "unknown facet_sort %q: use count or name", clip(string(s)))
	}
	return nil
}

// ExportLimit returns the number of rows an export of v may write: its
// limit parameter, at most search.MaxExport, which is also the default.
func ExportLimit(v url.Values) (int, error) {
	return intParam(v, "limit", search.MaxExport, 1, search.MaxExport, true)
}

// known reports whether name is a search parameter.
func known(name string) bool {
	if slices.Contains(single, name) {
		return true
	}
	name = strings.TrimPrefix(name, "not_")
	for _, f := range search.Facets {
		if name == f.Param() {
			return true
		}
	}
	return false
}

// checkParams rejects unknown, repeated and oversized parameters and
// values that are not clean text.
func checkParams(v url.Values) error {
	size := 0
	for name, vals := range v {
		if !known(name) {
			return badParam(name, "unknown parameter %q: use q, person, org, place, source, not_person, not_org, not_place, not_source, from, to, sort, page, size, cursor, facet_size, facet_size.people (orgs, places, sources), facet_sort, format, limit, collapse or count", clip(name))
		}
		if len(vals) > 1 && slices.Contains(single, name) {
			return badParam(name, "%s is given %d times: give it once", name, len(vals))
		}
		for _, s := range vals {
			size += len(name) + len(s)
			if !utf8.ValidString(s) {
				return badParam(name, "%s is not valid UTF-8 text", name)
			}
			if strings.IndexFunc(s, isControl) >= 0 {
				return badParam(name, "%s contains a control character: remove it", name)
			}
		}
	}
	if size > maxParamSize {
		return badParam("", "the parameters are too long (%d bytes, at most %d): shorten the query or remove filters", size, maxParamSize)
	}
	return nil
}

// isControl reports whether r is a control character other than white space.
func isControl(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }

// parseQuery parses q; an empty or blank q is a nil Query (every article).
func parseQuery(q string) (*search.Query, error) {
	if strings.TrimSpace(q) == "" {
		return nil, nil
	}
	query, err := search.Parse(q)
	if err != nil {
		if e, ok := err.(*search.Error); ok {
			if e.Param == "" {
				e.Param = "q"
			}
			return nil, e
		}
		return nil, badParam("q", "cannot read the query: %v", err)
	}
	return query, nil
}

// addValues sets m[f] to the values of parameter name, if there are any.
func addValues(m map[search.Facet][]string, f search.Facet, v url.Values, name string) error {
	values, err := facetValues(v, name)
	if len(values) > 0 {
		m[f] = values
	}
	return err
}

// facetValues returns the distinct non-empty values of parameter name.
func facetValues(v url.Values, name string) ([]string, error) {
	var out []string
	for _, s := range v[name] {
		s = strings.TrimSpace(s)
		if s == "" || slices.Contains(out, s) {
			continue
		}
		if len(s) > maxValueLen {
			return nil, badParam(name, "a %s value is %d bytes long: at most %d are allowed", name, len(s), maxValueLen)
		}
		out = append(out, s)
	}
	if len(out) > maxValues {
		return nil, badParam(name, "%s is given %d values: give at most %d", name, len(out), maxValues)
	}
	return out, nil
}

// parseSort reads sort. Without one, a query sorts by relevance and a
// browse without a query (where relevance means nothing) newest first.
func parseSort(s string, q *search.Query) (search.Sort, error) {
	switch search.Sort(s) {
	case search.Relevance, search.Newest, search.Oldest:
		return search.Sort(s), nil
	case "":
		if q.Empty() {
			return search.Newest, nil
		}
		return search.Relevance, nil
	}
	return "", badParam("sort", "unknown sort %q: use relevance, newest or oldest", clip(s))
}

// intParam reads an integer parameter between lo and hi, def when absent.
// Values above hi are lowered to hi when clamp is set, else rejected.
func intParam(v url.Values, name string, def, lo, hi int, clamp bool) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		if len(s) > 0 && strings.Trim(s, "0123456789") == "" {
			n = hi + 1 // all digits, too large for an int
		} else {
			return 0, badParam(name, "%s must be a whole number, not %q", name, clip(s))
		}
	}
	switch {
	case n < lo:
		return 0, badParam(name, "%s must be at least %d", name, lo)
	case n > hi && clamp:
		return hi, nil
	case n > hi:
		return 0, badParam(name, "%s must be at most %d: narrow the search with filters or dates to reach later results", name, hi)
	}
	return n, nil
}

// checkFormat accepts the response formats this server can write, and
// limit only with an export format.
func checkFormat(v url.Values) error {
	switch f := v.Get("format"); f {
	case "", "json":
		if strings.TrimSpace(v.Get("limit")) != "" {
			return badParam("limit", "limit applies to exports only: add format=csv or format=ndjson, or use size")
		}
		return nil
	case "csv", "ndjson":
		_, err := ExportLimit(v)
		return err
	default:
		return badParam("format", "unknown format %q: use json, csv or ndjson", clip(f))
	}
}

// badParam returns a *search.Error about parameter name.
func badParam(name, format string, args ...any) *search.Error {
	return &search.Error{Message: fmt.Sprintf(format, args...), Param: name}
}

// clip shortens s for quoting in an error message.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}
