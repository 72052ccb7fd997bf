package newsindex

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// TestCursorPaging walks every sort order page by page with cursors and
// checks that the pages together are exactly the list one big page gives:
// no hit skipped, none repeated, same order. A fifth of the articles have
// no date, and many share a score, so the tie-breaks are exercised.
func TestCursorPaging(t *testing.T) {
	arts := synthetic(230)
	for i, a := range arts {
		if i%5 == 0 {
			a.Published = time.Time{}
		}
	}
	ix, err := Open(publishCorpus(t, arts))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		q    string
		sort search.Sort
		size int
	}{
		{"", search.Newest, 7},
		{"", search.Oldest, 50},
		{"storm", search.Relevance, 9},
		{"storm OR election", search.Relevance, 13},
		{"storm", search.Newest, 100},
	}
	for _, tt := range tests {
		base := request(t, tt.q, tt.sort)
		base.Size = search.ExportBatch
		base.HitsOnly = true
		all := ids(mustSearch(t, ix, base))
		if len(all) < 30 || len(all) >= search.ExportBatch {
			t.Fatalf("%q: %d hits, the test needs between 30 and %d", tt.q, len(all), search.ExportBatch)
		}
		var walked []string
		cur, pages := "", 0
		for pages = 0; pages < 200; pages++ {
			r := request(t, tt.q, tt.sort)
			r.Size, r.Cursor = tt.size, cur
			resp := mustSearch(t, ix, r)
			walked = append(walked, ids(resp)...)
			if resp.Total != uint64(len(all)) {
				t.Errorf("%q %s page %d: total %d, want %d", tt.q, tt.sort, pages, resp.Total, len(all))
			}
			if cur = resp.NextCursor; cur == "" {
				break
			}
		}
		if !slices.Equal(walked, all) {
			t.Errorf("%q %s size %d: cursor pages give %d hits %v…, want %d %v…", tt.q, tt.sort, tt.size,
				len(walked), walked[:min(5, len(walked))], len(all), all[:5])
		}
		if want := (len(all) + tt.size - 1) / tt.size; pages+1 != want {
			t.Errorf("%q %s: %d pages, want %d (next_cursor only when more hits follow)", tt.q, tt.sort, pages+1, want)
		}
	}
}

func request(t *testing.T, q string, s search.Sort) *search.Request {
	t.Helper()
	r := &search.Request{Sort: s}
	if q != "" {
		var err error
		if r.Query, err = search.Parse(q); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// TestCursorOfAnotherSearch checks that a cursor only continues the
// search that made it.
func TestCursorOfAnotherSearch(t *testing.T) {
	ix := openCorpus(t)
	first := request(t, "", search.Newest)
	first.Size = 2
	next := mustSearch(t, ix, first).NextCursor
	if next == "" {
		t.Fatal("no next_cursor after the first of several pages")
	}
	other := func(change func(r *search.Request)) *search.Request {
		r := request(t, "", search.Newest)
		r.Size, r.Cursor = 2, next
		change(r)
		return r
	}
	tests := []struct {
		name string
		r    *search.Request
	}{
		{"other sort", other(func(r *search.Request) { r.Sort = search.Oldest })},
		{"other query", other(func(r *search.Request) { r.Query, _ = search.Parse("harbour") })},
		{"filter", other(func(r *search.Request) { r.Filters = map[search.Facet][]string{search.Sources: {"Harbor Times"}} })},
		{"exclusion", other(func(r *search.Request) { r.Exclude = map[search.Facet][]string{search.Places: {"Istanbul"}} })},
		{"date", other(func(r *search.Request) { r.From = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) })},
		{"damaged", other(func(r *search.Request) { r.Cursor = next[:len(next)-3] + "!!!" })},
		{"truncated", other(func(r *search.Request) { r.Cursor = next[:10] })},
	}
	for _, tt := range tests {
		_, err := ix.Search(context.Background(), tt.r)
		var e *search.Error
		if !errors.As(err, &e) || e.Param != "cursor" {
			t.Errorf("%s: error %v, want a *search.Error about cursor", tt.name, err)
		}
	}
	same := other(func(r *search.Request) { r.Size = 3 }) // the page size may change
	if resp := mustSearch(t, ix, same); len(resp.Hits) != 3 {
		t.Errorf("same search, other size: %d hits, want 3", len(resp.Hits))
	}
}
