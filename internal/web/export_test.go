package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// pagedSearcher serves n hits in pages by cursor, as an index does for
// HitsOnly requests, and records the page sizes asked for.
type pagedSearcher struct {
	fakeSearcher
	n     int
	sizes []int
	fail  int // the page (from 1) that fails; 0 for none
}

func (p *pagedSearcher) Search(ctx context.Context, r *search.Request) (*search.Response, error) {
	p.sizes = append(p.sizes, r.Size)
	if !r.HitsOnly {
		return nil, fmt.Errorf("export asked for facets")
	}
	if len(p.sizes) == p.fail {
		return nil, fmt.Errorf("index gone")
	}
	from := 0
	fmt.Sscanf(r.Cursor, "after-%d", &from)
	resp := &search.Response{Total: uint64(p.n), TotalExact: true}
	for i := from; i < min(from+r.Size, p.n); i++ {
		resp.Hits = append(resp.Hits, search.Hit{ID: fmt.Sprintf("h%04d", i), Title: "t"})
	}
	if end := from + r.Size; end < p.n {
		resp.NextCursor = fmt.Sprintf("after-%d", end)
	}
	return resp, nil
}

// TestExportPages checks that an export follows cursors over several
// internal pages, stops at its limit, and says when it was cut short.
func TestExportPages(t *testing.T) {
	tests := []struct {
		n, fail  int
		query    string
		rows     int
		sizes    []int
		complete string
	}{
		{1234, 0, "format=ndjson", 1234, []int{500, 500, 500}, "true"},
		{1234, 0, "format=csv&limit=700", 700, []int{500, 200}, "true"},
		{20000, 0, "format=csv", search.MaxExport, []int{500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500}, "true"},
		{1234, 2, "format=ndjson", 500, []int{500, 500}, "false"},
	}
	for _, tt := range tests {
		p := &pagedSearcher{n: tt.n, fail: tt.fail}
		h, err := New(p, Options{Logger: discard()})
		if err != nil {
			t.Fatal(err)
		}
		w := get(h, "GET", "/api/search?"+tt.query)
		body := w.Body.String()
		rows := strings.Count(body, "\n")
		if strings.Contains(tt.query, "csv") {
			rows-- // the header
		}
		if w.Code != 200 || rows != tt.rows || fmt.Sprint(p.sizes) != fmt.Sprint(tt.sizes) {
			t.Errorf("%s over %d hits: HTTP %d, %d rows, page sizes %v; want %d rows, sizes %v", tt.query, tt.n, w.Code, rows, p.sizes, tt.rows, tt.sizes)
		}
		if !strings.Contains(body, fmt.Sprintf("h%04d", tt.rows-1)) || strings.Contains(body, fmt.Sprintf("h%04d", tt.rows)) {
			t.Errorf("%s: rows are not h0000 to h%04d", tt.query, tt.rows-1)
		}
		if got := w.Result().Trailer.Get("X-Export-Complete"); got != tt.complete {
			t.Errorf("%s: X-Export-Complete %q, want %q", tt.query, got, tt.complete)
		}
	}
	// A failure before anything is written is an ordinary error.
	h, _ := New(&pagedSearcher{n: 10, fail: 1}, Options{Logger: discard()})
	if w := get(h, "GET", "/api/search?format=csv"); w.Code != 500 {
		t.Errorf("first page fails: HTTP %d, want 500", w.Code)
	}
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestInertCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Plain title", "Plain title"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1 day", "'+1 day"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := inertCell(tt.in); got != tt.want {
			t.Errorf("inertCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
