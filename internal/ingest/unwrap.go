package ingest

import (
	"strings"
	"unicode"
)

// Unwrap splits text that is already clean into paragraphs. Paragraphs are
// separated by blank lines or, in wire copy such as Reuters, by a line that
// starts indented; the other line breaks are hard wraps and are joined with
// a space. Inner runs of white space collapse to one space.
func Unwrap(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(strings.Fields(strings.Join(cur, " ")), " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case len(line) > len(strings.TrimLeftFunc(line, unicode.IsSpace)):
			flush() // an indented line starts a paragraph
			cur = append(cur, trimmed)
		default:
			cur = append(cur, trimmed)
		}
	}
	flush()
	return paras
}
