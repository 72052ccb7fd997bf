// Package web serves searchd's JSON API and HTML pages over a
// search.Searcher; it never sees the search engine behind it.
//
// The whole route table is in routes. Every handler returns an error
// instead of writing one: a single adapter, serve, maps errors to status
// codes (a *search.Error to 400, search.ErrNotFound to 404, an expired
// deadline to 503, anything else to 500 with the details only in the log)
// and writes them as JSON under /api/ and /healthz, as an HTML page
// elsewhere. Responses are rendered into a buffer first, so a failing
// template never leaves half a page behind a 200.
//
// Each page is a typed value: the search page is a searchPage built from
// the search.Response that the API writes as JSON, the article page a
// docPage built from the article.Article that /api/doc writes. Every
// response carries a strict Content-Security-Policy (no scripts, styles
// only from /static/), and every request runs under the deadline given by
// Options.RequestTimeout.
//
// Facet values typed by users ("place=Turkey", "org=mit") are replaced by
// the labels they stand for (Searcher.Canonical) right after the
// parameters are parsed, so the search, the selected marks and every link
// of the page deal in the labels that facets show.
package web

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/newsfts/newsfts/internal/search"
	"github.com/newsfts/newsfts/ui"
)

// DefaultTimeout is the request deadline when Options.RequestTimeout is 0.
const DefaultTimeout = 10 * time.Second

// Options configures the handler that New returns.
type Options struct {
	Logger         *slog.Logger     // where errors are logged; slog.Default() when nil
	RequestTimeout time.Duration    // deadline of one request; DefaultTimeout when 0
	Now            func() time.Time // the clock for relative dates; time.Now when nil
}

// server holds what the handlers share. It is read-only after New.
type server struct {
	searcher search.Searcher
	log      *slog.Logger
	timeout  time.Duration
	now      func() time.Time
	pages    map[string]*template.Template // by page name: "search", "doc", "error"
}

// New returns the handler of every searchd route, serving searches from s.
// It parses the embedded templates and fails if any is broken.
func New(s search.Searcher, o Options) (http.Handler, error) {
	if s == nil {
		return nil, fmt.Errorf("web: no searcher")
	}
	srv := &server{searcher: s, log: o.Logger, timeout: o.RequestTimeout, now: o.Now}
	if srv.log == nil {
		srv.log = slog.Default()
	}
	if srv.timeout <= 0 {
		srv.timeout = DefaultTimeout
	}
	if srv.now == nil {
		srv.now = time.Now
	}
	var err error
	if srv.pages, err = parseTemplates(ui.Templates()); err != nil {
		return nil, err
	}
	return securityHeaders(srv.withTimeout(srv.routes())), nil
}

// routes is the route table. Only GET and HEAD are served.
func (s *server) routes() *mux.Router {
	r := mux.NewRouter().UseEncodedPath()
	get := func(path, name string, h handler) {
		r.Handle(path, s.serve(h)).Methods(http.MethodGet, http.MethodHead).Name(name)
	}
	get("/", "search", s.searchPage)
	get("/doc/{id}", "doc", s.docPage)
	get("/api/search", "api.search", s.apiSearch)
	get("/api/doc/{id}", "api.doc", s.apiDoc)
	get("/healthz", "healthz", s.healthz)
	r.PathPrefix("/static/").Handler(s.serve(s.static)).Methods(http.MethodGet, http.MethodHead).Name("static")
	r.NotFoundHandler = s.serve(func(http.ResponseWriter, *http.Request) error { return errNoPage })
	r.MethodNotAllowedHandler = s.serve(func(http.ResponseWriter, *http.Request) error { return errMethod })
	return r
}

// withTimeout gives every request the server's deadline.
func (s *server) withTimeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// csp allows no scripts, no inline styles, and forms only to this site.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
