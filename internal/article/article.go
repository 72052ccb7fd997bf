// Package article defines the Article that flows through newsfts, from the
// cleaner to the index and the API, and the RawDoc that the readers produce
// before any cleaning has happened.
package article

import "time"

// Format names an input format.
type Format string

// The input formats newsfts reads. Any of them may be gzipped.
const (
	Text  Format = "text"  // a plain-text dump of a scraped page
	HTML  Format = "html"  // an HTML page
	JSONL Format = "jsonl" // JSON Lines, one article per line
)

// Article is one cleaned news article with its metadata and entities.
// Its JSON form is the `indexer extract` contract.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"published,omitzero"` // zero when the input has no date
	Source    string    `json:"source"`             // publisher, e.g. "The Sunday Guardian"
	Section   string    `json:"section"`            // e.g. "World", from breadcrumbs or JSON-LD
	URL       string    `json:"url"`                // canonical URL
	Body      string    `json:"body"`               // cleaned paragraphs separated by "\n\n"
	People    []string  `json:"people"`             // canonical names, each once
	Orgs      []string  `json:"orgs"`
	Places    []string  `json:"places"`

	// From records where each metadata field was found, e.g.
	// {"published": "json-ld", "title": "og:title"}; absent for fields not found.
	From map[string]string `json:"from,omitempty"`
	// Origin is where the article was read: a path, "path:line" for JSON
	// Lines, or "-" for standard input.
	Origin string `json:"origin,omitempty"`
}

// Paragraphs splits Body into its paragraphs.
func (a *Article) Paragraphs() []string {
	return splitParagraphs(a.Body)
}

// RawDoc is one input document before cleaning.
type RawDoc struct {
	ID     string  // the given id of a JSON Lines line, else one made by FileID or LineID
	Origin string  // path, "path:line" for JSON Lines, or "-" for stdin
	Format Format  // Text or HTML; a JSON Lines line has the format of its body
	Data   []byte  // the page text or HTML (for JSON Lines: the body field)
	Fields *Fields // metadata given by a JSON Lines line; nil for files
}

// Fields is the metadata a JSON Lines line carries beside its body.
// Entities given here are kept beside the extracted ones.
type Fields struct {
	ID        string
	Title     string
	Published string // as given; parsed by the cleaner's date parser
	URL       string
	Source    string
	Byline    string
	Section   string
	People    []string
	Orgs      []string
	Places    []string
}
