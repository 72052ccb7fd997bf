package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/newsfts/newsfts/internal/search"
)

// handler serves one route. It writes only on success; an error it
// returns is turned into a response by serve.
type handler func(w http.ResponseWriter, r *http.Request) error

// Errors of the routing itself.
var (
	errNoPage = errors.New("no such page")
	errMethod = errors.New("method not allowed")
)

// errorPage is an error as the client sees it.
type errorPage struct {
	Status int           `json:"-"`
	Title  string        `json:"-"` // the status text, for the HTML page
	Error  *search.Error `json:"error"`
}

// serve adapts h to an http.Handler, writing the error h returns.
func (s *server) serve(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		p := s.classify(r, err)
		if p.Status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "GET, HEAD")
		}
		if wantsJSON(r) {
			err = s.writeJSON(w, p.Status, p)
		} else {
			err = s.writeHTML(w, p.Status, "error", p)
		}
		if err != nil {
			s.log.Error("writing an error response", "path", r.URL.Path, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	})
}

// classify maps err to the status and message the client is told. Only
// errors the client can act on are described; the rest are logged.
func (s *server) classify(r *http.Request, err error) errorPage {
	var se *search.Error
	status, msg := http.StatusInternalServerError, "internal error: the problem has been logged; try again later"
	switch {
	case errors.As(err, &se):
		return errorPage{Status: http.StatusBadRequest, Title: http.StatusText(http.StatusBadRequest), Error: se}
	case errors.Is(err, errMethod):
		status, msg = http.StatusMethodNotAllowed, r.Method+" is not allowed here: use GET"
	case errors.Is(err, errNoPage):
		status, msg = http.StatusNotFound, "there is no page at this address: start from the search page at /"
	case errors.Is(err, search.ErrNotFound):
		status, msg = http.StatusNotFound, "no article has this id: it may have been removed from the index"
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, "the search took too long: try a narrower query, or again later"
		s.log.Warn("request timed out", "path", r.URL.Path, "err", err)
	case errors.Is(err, context.Canceled):
		status, msg = http.StatusServiceUnavailable, "the request was cancelled"
		s.log.Debug("client went away", "path", r.URL.Path)
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	return errorPage{Status: status, Title: http.StatusText(status), Error: &search.Error{Message: msg}}
}

// wantsJSON reports whether r is answered in JSON rather than HTML.
func wantsJSON(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz"
}
