package main

import (
	"strings"

	"github.com/newsfts/newsfts/internal/extract"
)

// cleaned returns body as the indexer would index it from a JSON Lines
// line: the text cleaner's paragraphs when it keeps at least half of the
// words, else body as given. This mirrors ingest's handling of a given
// body, which is not exported.
func cleaned(body string) string {
	res := extract.Text([]byte(body))
	kept := strings.Join(res.Paragraphs, "\n\n")
	if 2*len(strings.Fields(kept)) >= len(strings.Fields(body)) {
		return kept
	}
	return body
}
