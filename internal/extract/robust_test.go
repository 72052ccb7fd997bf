package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBadInput feeds both cleaners input that must not make them panic, and
// checks that what comes out is valid UTF-8.
func TestBadInput(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + "<p>" + strings.Repeat("Deeply nested prose with words, many of them, in it. ", 5) + "</p>"
	tests := []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"only spaces", " \n\t\r\n "},
		{"invalid utf-8", "Title\n\xff\xfe\xc3\x28 broken \xe2\x82 bytes in a line that is long enough to be prose, with the usual words in it.\n"},
		{"bom and crlf", "\xef\xbb\xbfTitle\r\nBy Someone\r\n" + strings.Repeat("A sentence of ordinary prose that goes on. ", 4) + "\r\n"},
		{"nul and control bytes", "\x00\x01\x02 text \x1b[31m more \x7f"},
		{"broken html", "<html><body><p>Unclosed <b>bold <i>italic <div></p></span></table>text</body><p"},
		{"unterminated tag and comment", "<div class=\"a <!-- never closed"},
		{"deep nesting", deep},
		{"json-ld garbage", `<script type="application/ld+json">{"@graph":[[[[[[[[[[[{"@type":"NewsArticle"}]]]]]]]]]]]}</script>`},
		{"only hyphens", strings.Repeat("-", 1000) + " a-" + strings.Repeat("b-", 200)},
		{"huge single line", strings.Repeat("word ", 400000)},
		{"many short lines", strings.Repeat("Menu\n", 200000)},
		{"one wrapped paragraph", strings.Repeat("words that wrap on\n", 200000)},
		{"binary", string([]byte{0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x03})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, clean := range map[string]func([]byte) *Result{"Text": Text, "HTML": HTML} {
				res := clean([]byte(tt.data))
				if res == nil || res.From == nil {
					t.Fatalf("%s returned %v", name, res)
				}
				for _, s := range append([]string{res.Title, res.Byline, res.Source, res.Section}, res.Paragraphs...) {
					if !utf8.ValidString(s) {
						t.Errorf("%s: invalid UTF-8 in %q", name, s)
					}
				}
			}
		})
	}
}

func TestInvalidUTF8Repaired(t *testing.T) {
	got := Text([]byte("The council met on Monday and agreed, after a long debate, to fund the caf\xe9 on the square for two more years.\n"))
	if len(got.Paragraphs) != 1 || !strings.Contains(got.Paragraphs[0], "caf\uFFFD on") {
		t.Errorf("paragraphs = %q, want one with U+FFFD in place of the bad byte", got.Paragraphs)
	}
}

func TestDeepHTMLFallsBackToText(t *testing.T) {
	prose := strings.Repeat("Deeply nested prose with words, many of them, in it. ", 5)
	got := HTML([]byte(strings.Repeat("<div>", 1000) + "<p>" + prose + "</p>"))
	if got.From["body"] != "text-fallback" || len(got.Paragraphs) != 1 || got.Paragraphs[0] != strings.TrimSpace(prose) {
		t.Errorf("From = %v, paragraphs = %q", got.From, got.Paragraphs)
	}
}

// FuzzCleaners feeds arbitrary bytes to both cleaners: they must not panic,
// and what they return must be valid UTF-8 and at most three bytes out
// per byte in. Run it with
// `go test -run=^$ -fuzz=FuzzCleaners ./internal/extract`.
func FuzzCleaners(f *testing.F) {
	f.Add([]byte("Home > News > Title\nBy Jo Lane\nPublished: 3 March 2026\n" + article + "\nMost Popular\nA teaser\n© 2026 Valley Post"))
	f.Add([]byte(`<html><head><meta property="og:title" content="T &amp;#163;"></head><body><div class="story">` + htmlProse + `</div></body></html>`))
	f.Add([]byte("segunda-feira, 22 de janeiro de 2026 às 10:13\nIn this March 2, 2025, file photo, a truck. (AP Photo/Jo)\n1 / 8\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for name, clean := range map[string]func([]byte) *Result{"Text": Text, "HTML": HTML} {
			res := clean(data)
			body := 0
			for _, p := range res.Paragraphs {
				body += len(p)
			}
			for _, s := range append([]string{res.Title, res.Byline, res.Source, res.Section, res.URL}, res.Paragraphs...) {
				if !utf8.ValidString(s) {
					t.Fatalf("%s: invalid UTF-8 in %q", name, s)
				}
				// A byte becomes at most U+FFFD (3 bytes); nothing is repeated.
				if len(s) > 3*len(data)+16 || body > 3*len(data)+16 {
					t.Fatalf("%s: %d bytes out (body %d) from %d in", name, len(s), body, len(data))
				}
			}
		}
	})
}
