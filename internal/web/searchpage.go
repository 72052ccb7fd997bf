package web

import (
	"html/template"
	"maps"
	"net/url"
	"slices"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// searchPage is the HTML search page: the form, the hits, the facets and
// the links to every variation of the search.
type searchPage struct {
	Query     string        // q as typed
	Sorts     []option      // the choices of the sort select
	Hidden    []param       // filters kept when the form is submitted
	Error     *search.Error // a parameter problem, shown above the form
	Suggest   *suggestion   // a corrected query for Error, if there is one
	Empty     []emptyView   // when nothing matched: the parts that emptied the result
	Total     uint64        // matching articles
	Exact     bool          // Total is exact
	First     int           // 1-based rank of the first hit shown
	Last      int           // rank of the last hit shown
	Hits      []hitView     // the page of results
	Facets    []facetView   // people, organisations, places, sources
	Excluded  []filterView  // active exclusions, each with a remove link
	Dates     []dateView    // published-date buckets
	Chart     *chart        // the same buckets as SVG bars
	AllDates  string        // removes the date range; "" when none is set
	Pages     pagination    // links to other pages
	Restart   string        // page 1, when this page is past the last hit
	Deep      bool          // this page was reached by cursor: ranks are unknown
	JSONURL   string        // the same search from the JSON API
	CSVURL    string        // its matching articles as CSV
	NDJSONURL string        // and as NDJSON
	ByName    string        // the facets ordered A–Z; "" when they are
	ByCount   string        // the facets ordered by count; "" when they are
	Stories   storyLinks    // collapse=story and count=stories, on or off
}

// storyLinks switch collapsing and story counts (stories.go).
type storyLinks struct {
	Collapsed, Counted bool
	Collapse, Count    string // the same search with the option switched
}

// param is one URL parameter value.
type param struct{ Name, Value string }

// hitView is one result.
type hitView struct {
	Title     string
	Href      string // the article page
	Source    string
	Published time.Time
	Snippet   template.HTML // sanitised: escaped text and <mark> only
	Story     *storyNote    // with collapse=story: its story's other copies (stories.go)
}

// facetView is one facet in the sidebar.
type facetView struct {
	Title  string // "People"
	ID     string // of its heading: "facet-people"
	Values []filterView
	More   string // lists more values; "" when there are no more
}

// filterView is a facet value with the links that change its filter.
type filterView struct {
	Value    string
	Count    int
	Counted  bool   // Count is known (a selected value may have no count)
	Selected bool   // the value is a filter of the search
	Href     string // toggles the value
	Exclude  string // excludes the value; for an exclusion, removes it
}

// dateView is a published-date bucket.
type dateView struct {
	From, To string // the first and last day, YYYY-MM-DD
	Count    int
	Selected bool
	Href     string
}

// pagination links to the pages around the current one.
type pagination struct {
	Prev, Next string // "" at either end
	First      string // page 1, on a page reached by cursor
	Pages      []pageLink
}

// pageLink is one page number.
type pageLink struct {
	N       int
	Href    string
	Current bool
}

// option is a choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// sortOptions are the choices of the sort select with the one named by
// the sort parameter s selected. The default is sent as no sort at all, so
// that a query typed after browsing sorts by relevance again.
func sortOptions(s string) []option {
	opts := []option{
		{Value: "", Label: "Relevance"},
		{Value: string(search.Newest), Label: "Newest first"},
		{Value: string(search.Oldest), Label: "Oldest first"},
	}
	for i := range opts {
		opts[i].Selected = opts[i].Value == s
	}
	if s == string(search.Relevance) {
		opts[0].Selected = true
	}
	return opts
}

// facetTitles head the facets in the sidebar and the article page.
var facetTitles = map[search.Facet]string{
	search.People:  "People",
	search.Orgs:    "Organisations",
	search.Places:  "Places",
	search.Sources: "Sources",
}

// newSearchPage builds the page for the parameters v, parsed into req,
// with the result resp. leads holds the link text of hits without a
// title: the start of their body.
func newSearchPage(v url.Values, req *search.Request, resp *search.Response, leads map[string]string) *searchPage {
	l := newLinks(v)
	p := &searchPage{
		Query:     v.Get("q"),
		Sorts:     sortOptions(l.v.Get("sort")),
		Hidden:    hidden(l.v),
		Total:     resp.Total,
		Exact:     resp.TotalExact,
		Deep:      req.Cursor != "",
		JSONURL:   l.api(),
		CSVURL:    l.export("csv"),
		NDJSONURL: l.export("ndjson"),
		Empty:     emptyViews(l, resp.EmptyBecause),
	}
	p.Stories = storyLinks{Collapsed: req.Collapse, Counted: req.CountStories,
		Collapse: l.storyToggle("collapse", onOff(!req.Collapse, "story")),
		Count:    l.storyToggle("count", onOff(!req.CountStories, "stories"))}
	if req.FacetSort == search.ByName {
		p.ByCount = l.facetSort(search.ByCount)
	} else {
		p.ByName = l.facetSort(search.ByName)
	}
	if len(resp.Hits) > 0 {
		p.First = (req.Page-1)*req.Size + 1
		p.Last = p.First + len(resp.Hits) - 1
	} else if resp.Total > 0 {
		p.Restart = l.page(1)
	}
	for _, h := range resp.Hits {
		p.Hits = append(p.Hits, newHitView(h, leads))
	}
	for _, f := range search.Facets {
		p.Facets = append(p.Facets, facetSidebar(l, f, req, *resp.Facets.Of(f)))
		p.Excluded = append(p.Excluded, exclusions(l, f, req.Exclude[f])...)
	}
	p.Dates, p.AllDates = dateSidebar(l, resp.Facets.Published)
	p.Chart = newChart(p.Dates)
	p.Pages = paginate(l, req, resp)
	return p
}

// newHitView shows hit h; an untitled hit is named by the start of its
// body (from leads), or a placeholder.
func newHitView(h search.Hit, leads map[string]string) hitView {
	title := h.Title
	if title == "" {
		title = leads[h.ID]
	}
	return hitView{
		Title: orUntitled(title), Href: docURL(h.ID), Source: h.Source,
		Published: h.Published, Snippet: safeSnippet(h.Snippet),
	}
}

// badSearchPage is the page for parameters v that have problem bad: the
// form, still holding the query and the other parameters, the problem,
// and the corrected search when there is one.
func badSearchPage(v url.Values, bad *search.Error) *searchPage {
	l := newLinks(v)
	l.v.Del(bad.Param)
	return &searchPage{Query: v.Get("q"), Sorts: sortOptions(l.v.Get("sort")), Hidden: hidden(l.v), Error: bad,
		Suggest: suggest(v, bad)}
}

// hidden lists the parameters the form must carry besides q and sort.
func hidden(v url.Values) []param {
	var out []param
	for _, name := range slices.Sorted(maps.Keys(v)) {
		if name == "q" || name == "sort" || name == "page" || name == "cursor" {
			continue
		}
		for _, s := range v[name] {
			out = append(out, param{name, s})
		}
	}
	return out
}

// facetSidebar lists the counted values of f, then any selected value the
// counts left out, so that every filter in effect can be removed.
func facetSidebar(l links, f search.Facet, req *search.Request, counts []search.FacetValue) facetView {
	name := f.Param()
	fv := facetView{Title: facetTitles[f], ID: "facet-" + string(f), More: l.more(f, len(counts), req)}
	for _, c := range counts {
		fv.Values = append(fv.Values, filterView{
			Value: c.Value, Count: c.Count, Counted: true,
			Selected: c.Selected,
			Href:     l.toggle(name, c.Value), Exclude: l.exclude(name, c.Value),
		})
	}
	for _, s := range req.Filters[f] {
		if !slices.ContainsFunc(counts, func(c search.FacetValue) bool { return c.Value == s }) {
			fv.Values = append(fv.Values, filterView{
				Value: s, Selected: true,
				Href: l.toggle(name, s), Exclude: l.exclude(name, s),
			})
		}
	}
	return fv
}

// exclusions lists the excluded values of f with links that remove them.
func exclusions(l links, f search.Facet, values []string) []filterView {
	var out []filterView
	for _, s := range values {
		out = append(out, filterView{Value: s, Exclude: l.without("not_"+f.Param(), s)})
	}
	return out
}

// dateSidebar links each bucket to its range. A bucket's To is exclusive
// and the to parameter's date inclusive, so the link names the day before.
func dateSidebar(l links, buckets []search.DateBucket) ([]dateView, string) {
	var out []dateView
	for _, b := range buckets {
		last := b.To
		if t, err := time.Parse(dateLayout, b.To); err == nil {
			last = formatDay(t.AddDate(0, 0, -1))
		}
		out = append(out, dateView{
			From: b.From, To: last, Count: b.Count,
			Selected: l.v.Get("from") == b.From && l.v.Get("to") == last,
			Href:     l.dates(b.From, last),
		})
	}
	all := ""
	if l.v.Has("from") || l.v.Has("to") {
		all = l.dates("", "")
	}
	return out, all
}

// paginate links up to four pages either side of the current one. Past
// the last page that page= reaches, and on pages reached by cursor, Next
// follows the cursor instead.
func paginate(l links, req *search.Request, resp *search.Response) pagination {
	const around = 4
	var p pagination
	if req.Cursor != "" {
		p.First = l.page(1)
		if resp.NextCursor != "" {
			p.Next = l.cursor(resp.NextCursor)
		}
		return p
	}
	size := uint64(max(req.Size, 1))
	pages := int(min((resp.Total+size-1)/size, search.MaxPage))
	if req.Page > 1 {
		p.Prev = l.page(req.Page - 1)
	}
	if req.Page < pages {
		p.Next = l.page(req.Page + 1)
	} else if resp.NextCursor != "" && uint64(req.Page)*size < resp.Total {
		p.Next = l.cursor(resp.NextCursor)
	}
	if pages < 2 {
		return p
	}
	for n := max(1, req.Page-around); n <= min(pages, req.Page+around); n++ {
		p.Pages = append(p.Pages, pageLink{N: n, Href: l.page(n), Current: n == req.Page})
	}
	return p
}

// orUntitled returns title, or a placeholder when it is blank.
func orUntitled(title string) string {
	if title == "" {
		return "(untitled)"
	}
	return title
}

// onOff is value when on, else "".
func onOff(on bool, value string) string {
	if on {
		return value
	}
	return ""
}
