package web

// The parts of the search page added for deep paging, facet sizes and
// orders, suggested fixes, and searches that found nothing.

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsfts/newsfts/internal/search"
)

// moreStep is how many values a facet's "more" link adds.
const moreStep = 40

// suggestion is a corrected query with the search it would run.
type suggestion struct {
	Query, Href string
}

// emptyView is a part of the search that emptied the result, with the
// search without it.
type emptyView struct {
	What  string // "the words", "Places", "the start date"
	Value string
	Count uint64 // hits without it
	Href  string
}

// suggest links the suggestion of e, when it has one, for the
// parameters v.
func suggest(v url.Values, e *search.Error) *suggestion {
	if e == nil || e.Suggestion == "" || e.Param == "" {
		return nil
	}
	l := newLinks(v)
	return &suggestion{Query: e.Suggestion, Href: l.edit("/", func(v url.Values) {
		v.Set(e.Param, e.Suggestion)
		v.Del("page")
		v.Del("cursor")
	})}
}

// emptyViews links each culprit to the same search without it.
func emptyViews(l links, cs []search.Culprit) []emptyView {
	var out []emptyView
	for _, c := range cs {
		out = append(out, emptyView{What: partName(c.Param), Value: c.Value, Count: c.HitsWithout, Href: l.withoutPart(c)})
	}
	return out
}

// partName names the parameter of a culprit for the page.
func partName(param string) string {
	switch param {
	case "q":
		return "the words"
	case "from":
		return "the start date"
	case "to":
		return "the end date"
	}
	for _, f := range search.Facets {
		switch param {
		case f.Param():
			return facetTitles[f]
		case "not_" + f.Param():
			return "excluding " + facetTitles[f]
		}
	}
	return param
}

// withoutPart is the search without culprit c: without its clause of q,
// or without every value of its filter parameter.
func (l links) withoutPart(c search.Culprit) string {
	return l.edit("/", func(v url.Values) {
		v.Del("page")
		v.Del("cursor")
		if c.Param != "q" {
			v.Del(c.Param)
			return
		}
		set(v, "q", withoutClause(v.Get("q"), c.Value))
	})
}

// withoutClause returns q without its top-level clause written as clause.
func withoutClause(q, clause string) string {
	parsed, err := search.Parse(q)
	if err != nil || parsed.Empty() {
		return q
	}
	var keep []string
	for _, n := range parsed.All {
		if s := (&search.Query{All: []search.Node{n}}).String(); s != clause {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, " ")
}

// more is the search with facet f listing moreStep more values, or "" when
// f already lists every value it has (fewer than it may show) or the most
// allowed.
func (l links) more(f search.Facet, shown int, req *search.Request) string {
	size := req.SizeOf(f)
	if shown < size || size >= search.MaxFacetSize {
		return ""
	}
	return l.edit("/", func(v url.Values) {
		v.Set("facet_size."+string(f), strconv.Itoa(min(size+moreStep, search.MaxFacetSize)))
	})
}

// facetSort is the search with the facets ordered by s; the default
// order is sent as no parameter.
func (l links) facetSort(s search.FacetSort) string {
	return l.edit("/", func(v url.Values) {
		set(v, "facet_sort", "")
		if s == search.ByName {
			v.Set("facet_sort", string(s))
		}
	})
}

// cursor is the next page of the same search by cursor c.
func (l links) cursor(c string) string {
	return l.edit("/", func(v url.Values) {
		v.Del("page")
		v.Set("cursor", c)
	})
}

// export is the same search as an export in format, from the first hit.
func (l links) export(format string) string {
	return l.edit("/api/search", func(v url.Values) {
		v.Del("page")
		v.Del("cursor")
		v.Del("size")
		v.Set("format", format)
	})
}

// lead is the start of body, cut at a word, as link text for an article
// without a title.
func lead(body string) string {
	const max = 90
	body = strings.Join(strings.Fields(body), " ")
	if utf8.RuneCountInString(body) <= max {
		return body
	}
	rs := []rune(body)[:max]
	if i := strings.LastIndexByte(string(rs), ' '); i > max/2 {
		return string(rs)[:i] + "…"
	}
	return string(rs) + "…"
}

// storyToggle is the search with parameter name set to value, or without
// it when value is "", from its first page: a change of collapse or count
// makes another list, which old pages and cursors do not belong to.
func (l links) storyToggle(name, value string) string {
	return l.edit("/", func(v url.Values) {
		v.Del("page")
		v.Del("cursor")
		set(v, name, value)
	})
}
