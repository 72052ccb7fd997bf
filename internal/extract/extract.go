// Package extract removes boilerplate from scraped news pages and keeps the
// metadata found in it: title, byline, publication date, source, section and
// URL, each with a note of where it was found.
//
// Two inputs are handled. Text reads a plain-text dump of a page, the way a
// scraper's innerText gives it: one block per line, with menus, breadcrumbs,
// paywall and newsletter dialogs, teaser lists and footers all kept. HTML
// reads the page itself and uses its structure and metadata. Both produce a
// Result; both share ParseDate, Dehyphenate and the boilerplate lexicon.
//
// Neither ever panics on bad input: invalid UTF-8 is repaired with U+FFFD,
// input beyond MaxInput is cut, and every step is linear in the input.
// Metadata is never guessed: a field stays empty when the page does not
// state it.
//
// The text cleaner's design is described in text.go, the HTML cleaner's in
// html.go, print dehyphenation in hyphen.go and date parsing in date.go.
package extract

import (
	"bytes"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// MaxInput is the number of bytes of one page that the cleaners read; the
// rest is ignored, which bounds the work on pathological input.
const MaxInput = 8 << 20

// Result is what the cleaner found in one page.
//
// From maps each metadata field found ("title", "byline", "source",
// "section", "url", "published") to where it was found. Text dumps give
// "breadcrumb", "repeated-line" (a line printed twice near the top),
// "headline-line", "byline-line", "date-line", "blurb" (a site's
// self-description) and "copyright". HTML pages give "json-ld",
// "og:title", "og:site_name", "og:url", "twitter:title", "article:section",
// "meta:NAME" (meta author, date and application-name tags), "canonical",
// "time", "h1", "title", "byline-element", "breadcrumb" and "copyright".
// From["body"] is "text-fallback" when an HTML page could not be parsed
// and was read as a text dump.
type Result struct {
	Title     string
	Byline    string
	Source    string            // publisher, e.g. "The Sunday Guardian"
	Section   string            // e.g. "World"
	URL       string            // canonical URL
	Published time.Time         // zero when absent; never guessed
	From      map[string]string // field -> where it was found; see below
	// Paragraphs is the article body, cleaned, in order.
	Paragraphs []string
}

// Body joins the paragraphs with blank lines, the form article.Article
// stores.
func (r *Result) Body() string {
	return strings.Join(r.Paragraphs, "\n\n")
}

// set records a metadata value and where it came from, unless the field
// already has a value (earlier sources win) or v is empty.
func (r *Result) set(field *string, name, v, from string) {
	if strings.IndexByte(v, '&') >= 0 {
		v = html.UnescapeString(v) // "&#163;" escaped twice in a meta tag
	}
	v = cleanSpace(v)
	if *field != "" || v == "" {
		return
	}
	*field = v
	r.From[name] = from
}

// setDate records a publication date the same way.
func (r *Result) setDate(t time.Time, from string) {
	if !r.Published.IsZero() || t.IsZero() {
		return
	}
	r.Published = t
	r.From["published"] = from
}

func newResult() *Result {
	return &Result{From: make(map[string]string)}
}

// normalizeInput cuts data to MaxInput, drops a byte-order mark, repairs
// invalid UTF-8 with U+FFFD and turns CRLF and lone CR into LF.
func normalizeInput(data []byte) string {
	if len(data) > MaxInput {
		data = data[:MaxInput]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := strings.ToValidUTF8(string(data), "\uFFFD")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// cleanSpace collapses runs of white space (including no-break spaces) to
// one space, drops zero-width and control characters, and trims the ends.
func cleanSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
