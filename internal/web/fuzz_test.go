package web

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/search"
)

// FuzzParseRequest checks that any query string is either a valid Request
// within the limits or a *search.Error naming a parameter, never a panic.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{"", "q=a+OR+b&person=x&page=2", "size=1000&from=now-3y&to=2024-01-01",
		"q=%22x&sort=z", "page=99999999999999999999", "from=now-9999999999d", "not_place=%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := ParseRequest(v, testNow)
		if err != nil {
			var se *search.Error
			if !errors.As(err, &se) || se.Message == "" {
				t.Fatalf("ParseRequest(%q) error %v is not a *search.Error", raw, err)
			}
			return
		}
		if r.Page < 1 || r.Page > search.MaxPage || r.Size < 1 || r.Size > search.MaxSize ||
			r.FacetSize < 1 || r.FacetSize > search.MaxFacetSize {
			t.Fatalf("ParseRequest(%q) = %+v: out of limits", raw, r)
		}
		if !r.From.IsZero() && !r.To.IsZero() && !r.From.Before(r.To) {
			t.Fatalf("ParseRequest(%q): empty range %v to %v", raw, r.From, r.To)
		}
	})
}

// FuzzSafeSnippet checks that no markup but <mark> and </mark> survives.
func FuzzSafeSnippet(f *testing.F) {
	for _, s := range []string{"a <mark>b</mark>", "<mark><script>", "</mark><mark", "&lt;<<mark>>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(safeSnippet(s))
		rest := strings.NewReplacer(openMark, "", closeMark, "").Replace(out)
		if strings.ContainsAny(rest, `<>"'`) {
			t.Fatalf("safeSnippet(%q) = %q: markup left", s, out)
		}
		if strings.Count(out, openMark) != strings.Count(out, closeMark) {
			t.Fatalf("safeSnippet(%q) = %q: unbalanced", s, out)
		}
	})
}
