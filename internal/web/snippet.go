package web

// Snippets and links that come from the index.
//
// A hit's snippet is HTML: escaped text with the matches wrapped in
// <mark>. The page inserts it unescaped, so it is not trusted as it comes:
// safeSnippet rebuilds it from scratch. Everything between the literal
// tags <mark> and </mark> is decoded and escaped again, so a stray "<", a
// quote or any other tag turns into visible text, and the marks are
// re-balanced. The result can contain no markup but <mark> and </mark>.

import (
	"html"
	"html/template"
	"net/url"
	"strings"
)

const (
	openMark  = "<mark>"
	closeMark = "</mark>"
)

// safeSnippet returns snippet as HTML holding only escaped text and
// balanced <mark> elements.
func safeSnippet(snippet string) template.HTML {
	snippet = strings.ToValidUTF8(snippet, "\uFFFD")
	var b strings.Builder
	open := false
	for snippet != "" {
		i, tag := nextMark(snippet)
		b.WriteString(html.EscapeString(html.UnescapeString(snippet[:i])))
		switch {
		case tag == openMark && !open:
			b.WriteString(openMark)
			open = true
		case tag == closeMark && open:
			b.WriteString(closeMark)
			open = false
		}
		snippet = snippet[i+len(tag):]
	}
	if open {
		b.WriteString(closeMark)
	}
	return template.HTML(b.String())
}

// nextMark returns the offset of the first mark tag in s and the tag, or
// len(s) and "" when there is none.
func nextMark(s string) (int, string) {
	i, tag := len(s), ""
	if j := strings.Index(s, openMark); j >= 0 {
		i, tag = j, openMark
	}
	if j := strings.Index(s, closeMark); j >= 0 && j < i {
		i, tag = j, closeMark
	}
	return i, tag
}

// webURL returns raw when it is an absolute http or https URL, the only
// kinds of address an article may link to, and "" otherwise.
func webURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return ""
	}
	return u.String()
}
