package web

// Links to variations of the current search.
//
// Every link on the search page is the current search with one change: a
// facet value toggled, a value excluded, a date range chosen, another page.
// A links value holds the current parameters, without empty values, and
// each method returns the address with one change applied. Any change but
// a page turn goes back to page 1, since the old page number means nothing
// in a different result list.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// links builds addresses of the search page from the current parameters.
type links struct {
	v url.Values // current parameters, trimmed, without empty values
}

// newLinks keeps the non-empty values of v.
func newLinks(v url.Values) links {
	clean := url.Values{}
	for name, vals := range v {
		for _, s := range vals {
			if s = strings.TrimSpace(s); s != "" {
				clean.Add(name, s)
			}
		}
	}
	return links{v: clean}
}

// edit returns path with the current parameters changed by change.
func (l links) edit(path string, change func(url.Values)) string {
	v := url.Values{}
	for name, vals := range l.v {
		v[name] = slices.Clone(vals)
	}
	change(v)
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// has reports whether parameter name has value s.
func (l links) has(name, s string) bool { return slices.Contains(l.v[name], s) }

// toggle adds value s to parameter name, or removes it when present, and
// removes s from the exclusions of the same facet.
func (l links) toggle(name, s string) string {
	on := !l.has(name, s)
	return l.edit("/", func(v url.Values) {
		del(v, name, s)
		del(v, "not_"+name, s)
		if on {
			v.Add(name, s)
		}
		v.Del("page")
	})
}

// exclude adds s to the exclusions of parameter name, unselecting it.
func (l links) exclude(name, s string) string {
	return l.edit("/", func(v url.Values) {
		del(v, name, s)
		del(v, "not_"+name, s)
		v.Add("not_"+name, s)
		v.Del("page")
	})
}

// without removes value s of parameter name.
func (l links) without(name, s string) string {
	return l.edit("/", func(v url.Values) {
		del(v, name, s)
		v.Del("page")
	})
}

// dates sets the date range; empty values remove from or to.
func (l links) dates(from, to string) string {
	return l.edit("/", func(v url.Values) {
		set(v, "from", from)
		set(v, "to", to)
		v.Del("page")
	})
}

// page returns the address of page n of the same search.
func (l links) page(n int) string {
	return l.edit("/", func(v url.Values) {
		set(v, "page", "")
		v.Del("cursor")
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
	})
}

// api returns the same search as a call of the JSON API.
func (l links) api() string {
	return l.edit("/api/search", func(url.Values) {})
}

// del removes value s from parameter name.
func del(v url.Values, name, s string) {
	vals := slices.DeleteFunc(v[name], func(x string) bool { return x == s })
	if len(vals) == 0 {
		v.Del(name)
		return
	}
	v[name] = vals
}

// set sets parameter name to s, or removes it when s is empty.
func set(v url.Values, name, s string) {
	if s == "" {
		v.Del(name)
		return
	}
	v.Set(name, s)
}

// docURL returns the address of the article page of id.
func docURL(id string) string { return "/doc/" + url.PathEscape(id) }

// facetURL returns the address of a search filtered on one facet value.
func facetURL(param, value string) string {
	return "/?" + url.Values{param: {value}}.Encode()
}
