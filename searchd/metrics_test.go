package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/web"
)

func TestRoute(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/", "search"},
		{"/api/search", "api.search"},
		{"/healthz", "healthz"},
		{"/doc/text-meridian", "doc"},
		{"/api/doc/x-1", "api.doc"},
		{"/static/app.css", "static"},
		{"/doc/", "other"},
		{"/doc/a/b", "other"},
		{"/wp-admin/setup.php", "other"},
		{"/api/searchx", "other"},
	}
	for _, tt := range tests {
		if got := route(tt.path); got != tt.want {
			t.Errorf("route(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestMetricsEndpoint(t *testing.T) {
	root := t.TempDir()
	b, err := newsindex.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	b.Add(&article.Article{ID: "a-1", Title: "Talks in Ankara", Body: "Delegations met in Ankara on Monday."})
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	ix, err := newsindex.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w, err := web.New(ix, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := instrumented(w, ix)
	for _, path := range []string{"/api/search?q=ankara", "/api/search?q=ankara", "/doc/no-such-id", "/healthz"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`newsfts_http_requests_total{route="api.search",code="200"} 2`,
		`newsfts_http_requests_total{route="doc",code="404"} 1`,
		`newsfts_http_requests_total{route="healthz",code="200"} 1`,
		`newsfts_http_request_duration_seconds_count{route="api.search"} 2`,
		`newsfts_http_request_duration_seconds_bucket{route="doc",le="+Inf"} 1`,
		`newsfts_index_info{generation="gen-`,
		"newsfts_index_documents 1",
		"newsfts_index_age_seconds ",
		"newsfts_index_swaps_total 0",
		"newsfts_index_reload_errors_total 0",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, `route="metrics"`) {
		t.Error("/metrics counts itself")
	}
}
