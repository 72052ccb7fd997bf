package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// maxIDLen is the longest document id accepted, in bytes.
const maxIDLen = 256

// similarCount is the number of articles under "More like this".
const similarCount = 5

// apiDoc serves GET /api/doc/{id}: the article as JSON.
func (s *server) apiDoc(w http.ResponseWriter, r *http.Request) error {
	a, err := s.doc(r)
	if err != nil {
		return err
	}
	out := *a // lists as [] rather than null, as in search hits
	out.People, out.Orgs, out.Places = nonNil(a.People), nonNil(a.Orgs), nonNil(a.Places)
	return s.writeJSON(w, http.StatusOK, s.withCopies(r.Context(), &out)) // copies.go
}

// docPage serves GET /doc/{id}: the article page.
func (s *server) docPage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.doc(r)
	if err != nil {
		return err
	}
	similar, err := s.searcher.Similar(r.Context(), a.ID, similarCount)
	if err != nil { // the article itself is there: show it without
		s.log.Warn("more like this failed", "id", a.ID, "err", err)
		similar = nil
	}
	p := newDocPage(a, similar, s.leads(r.Context(), similar))
	p.Copies = s.copyViews(r.Context(), a) // copies.go
	return s.writeHTML(w, http.StatusOK, "doc", p)
}

// doc fetches the article named by the route's id.
func (s *server) doc(r *http.Request) (*article.Article, error) {
	id, err := url.PathUnescape(mux.Vars(r)["id"])
	if err != nil {
		return nil, &search.Error{Message: "the id in the address is not properly escaped", Param: "id"}
	}
	if err := checkID(id); err != nil {
		return nil, err
	}
	a, err := s.searcher.Doc(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, search.ErrNotFound
	}
	return a, nil
}

// checkID rejects ids that no document can have.
func checkID(id string) error {
	switch {
	case id == "":
		return &search.Error{Message: "the id is empty: give a document id from a search result", Param: "id"}
	case len(id) > maxIDLen:
		return &search.Error{Message: "the id is too long: ids have at most 256 bytes", Param: "id"}
	case !utf8.ValidString(id), strings.IndexFunc(id, unicode.IsControl) >= 0:
		return &search.Error{Message: "the id contains characters no id has: copy it from a search result", Param: "id"}
	}
	return nil
}
