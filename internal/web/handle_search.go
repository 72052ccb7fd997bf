package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"

	"github.com/newsfts/newsfts/internal/search"
)

// apiSearch serves GET /api/search: the search.Response as JSON.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	_, resp, err := s.search(r)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, resp)
}

// searchPage serves GET /: the HTML search page. A parameter problem is
// shown on the page itself, above a form that still holds the query.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) error {
	req, resp, err := s.search(r)
	var bad *search.Error
	if errors.As(err, &bad) {
		p := badSearchPage(r.URL.Query(), bad)
		return s.writeHTML(w, http.StatusBadRequest, "search", p)
	}
	if err != nil {
		return err
	}
	return s.writeHTML(w, http.StatusOK, "search", newSearchPage(r.URL.Query(), req, resp))
}

// search runs the search that r's parameters describe.
func (s *server) search(r *http.Request) (*search.Request, *search.Response, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, nil, &search.Error{Message: "the address's parameters are malformed: " + err.Error()}
	}
	req, err := ParseRequest(v, s.now())
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
	return req, resp, nil
}

// complete fills in what the API promises whatever the Searcher left
// out: empty lists rather than null, and selected facet values marked.
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
		for i := range *values {
			v := &(*values)[i]
			v.Selected = v.Selected || slices.Contains(req.Filters[f], v.Value)
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
