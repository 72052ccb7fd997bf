package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/search"
)

// apiSearch serves GET /api/search: the search.Response as JSON, or the
// matching articles as CSV or NDJSON.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	if isExport(r) {
		return s.export(w, r)
	}
	req, resp, err := s.search(r)
	if err != nil {
		return err
	}
	if req.Collapse {
		return s.writeJSON(w, http.StatusOK, s.storyResponse(r.Context(), resp)) // stories.go
	}
	return s.writeJSON(w, http.StatusOK, resp)
}

// searchPage serves GET /: the HTML search page. A parameter problem is
// shown on the page itself, above a form that still holds the query. With
// format=csv or ndjson it exports, as the API does for the same address.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) error {
	if isExport(r) {
		return s.export(w, r)
	}
	req, resp, err := s.search(r)
	var bad *search.Error
	if errors.As(err, &bad) {
		p := badSearchPage(r.URL.Query(), bad)
		return s.writeHTML(w, http.StatusBadRequest, "search", p)
	}
	if err != nil {
		return err
	}
	leads := s.leads(r.Context(), resp.Hits)
	p := newSearchPage(canonicalParams(r.URL.Query(), req), req, resp, leads)
	if req.Collapse {
		for i, h := range s.storyResponse(r.Context(), resp).Hits {
			p.Hits[i].Story = newStoryNote(h) // stories.go
		}
	}
	return s.writeHTML(w, http.StatusOK, "search", p)
}

// leads returns the start of the body of each hit without a title, by id:
// the HTML page's link text for it. The JSON title stays empty, never
// guessed. An article that cannot be read keeps the placeholder.
func (s *server) leads(ctx context.Context, hits []search.Hit) map[string]string {
	out := map[string]string{}
	for _, h := range hits {
		if h.Title != "" {
			continue
		}
		if a, err := s.searcher.Doc(ctx, h.ID); err == nil && a != nil {
			out[h.ID] = lead(a.Body)
		}
	}
	return out
}

// search runs the search that r's parameters describe, with facet values
// made canonical.
func (s *server) search(r *http.Request) (*search.Request, *search.Response, error) {
	v, req, err := s.request(r)
	if err != nil {
		return nil, nil, err
	}
	resp, err := s.searcher.Search(r.Context(), req)
	if err != nil {
		return nil, nil, err
	}
	if resp == nil {
		resp = &search.Response{}
	}
	complete(resp, req)
	asTyped(resp.EmptyBecause, v)
	return req, resp, nil
}

// request parses r's parameters into a search with canonical facet values.
func (s *server) request(r *http.Request) (url.Values, *search.Request, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, nil, &search.Error{Message: "the address's parameters are malformed: " + err.Error()}
	}
	req, err := ParseRequest(v, s.now())
	if err != nil {
		return nil, nil, err
	}
	if _, ok := s.searcher.(storySearcher); !ok && (req.Collapse || req.CountStories) {
		return nil, nil, badParam(storyParam(req), "this index does not group articles into stories")
	}
	s.canonical(req)
	return v, req, nil
}

// asTyped shows the dates of culprits as the user typed them ("now-30d"),
// not as the instants they stood for.
func asTyped(cs []search.Culprit, v url.Values) {
	for i := range cs {
		if p := cs[i].Param; p == "from" || p == "to" {
			cs[i].Value = strings.TrimSpace(v.Get(p))
		}
	}
}

// canonical replaces each facet value a user typed by the label it stands
// for ("Turkey" by "Türkiye"), each label once. From here on the web layer
// deals in labels only: filters, selected marks, links and exclusions.
func (s *server) canonical(req *search.Request) {
	for _, m := range []map[search.Facet][]string{req.Filters, req.Exclude} {
		for f, values := range m {
			var out []string
			for _, v := range values {
				if c := s.searcher.Canonical(f, v); !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
			m[f] = out
		}
	}
}

// canonicalParams returns v with the facet parameters replaced by the
// canonical values of req, so that every link of the page carries labels.
func canonicalParams(v url.Values, req *search.Request) url.Values {
	out := url.Values{}
	for name, vals := range v {
		out[name] = vals
	}
	for _, f := range search.Facets {
		out.Del(f.Param())
		out.Del("not_" + f.Param())
		if len(req.Filters[f]) > 0 {
			out[f.Param()] = req.Filters[f]
		}
		if len(req.Exclude[f]) > 0 {
			out["not_"+f.Param()] = req.Exclude[f]
		}
	}
	return out
}

// complete fills in what the API promises whatever the Searcher left
// out: empty lists rather than null, and selected facet values marked.
// A value is selected when it is one of the request's canonical labels,
// which is what the page's toggle links rely on.
func complete(resp *search.Response, req *search.Request) {
	if resp.Hits == nil {
		resp.Hits = []search.Hit{}
	}
	for i := range resp.Hits {
		h := &resp.Hits[i]
		h.People, h.Orgs, h.Places = nonNil(h.People), nonNil(h.Orgs), nonNil(h.Places)
	}
	for _, f := range search.Facets {
		values := resp.Facets.Of(f)
		if *values == nil {
			*values = []search.FacetValue{}
		}
		for i := range *values { // by label: the links toggle labels
			v := &(*values)[i]
			v.Selected = slices.Contains(req.Filters[f], v.Value)
		}
	}
	if resp.Facets.Published == nil {
		resp.Facets.Published = []search.DateBucket{}
	}
}

// nonNil returns s, or an empty slice for nil.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
