package newsindex

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/search"
)

// maxFieldBytes bounds any one text value handed to Bleve, so a runaway
// input cannot make one document unbounded work. A body longer than this
// is cut at a rune boundary.
const maxFieldBytes = 4 << 20

// toDocument turns a into the flat map Bleve indexes under the field names
// of mapping.go. Text is made valid UTF-8 first: the highlighter cuts
// snippets by runes and gives up on invalid bytes.
func toDocument(a *article.Article) map[string]interface{} {
	doc := map[string]interface{}{
		fieldTitle:   clean(a.Title),
		fieldBody:    clean(a.Body),
		fieldPeople:  keys(a.People),
		fieldOrgs:    keys(a.Orgs),
		fieldPlaces:  keys(a.Places),
		fieldByline:  clean(a.Byline),
		fieldSection: clean(a.Section),
		fieldURL:     clean(a.URL),
		fieldOrigin:  clean(a.Origin),
	}
	if s := keys([]string{a.Source}); len(s) > 0 {
		doc[fieldSources] = s[0]
	}
	if !a.Published.IsZero() {
		doc[fieldPublished] = a.Published.Format(time.RFC3339Nano)
		doc[fieldPublishedText] = a.Published.Format(time.RFC3339Nano)
		doc[fieldPublishedDay] = a.Published.UTC().Format(time.DateOnly)
	}
	if len(a.From) > 0 {
		if b, err := json.Marshal(a.From); err == nil {
			doc[fieldFrom] = clean(string(b))
		}
	}
	return doc
}

func clean(s string) string {
	if len(s) > maxFieldBytes {
		s = s[:maxFieldBytes]
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// cleanAll cleans each value and drops empty ones.
func cleanAll(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v = strings.TrimSpace(clean(v)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// keys returns the entity.Key of each cleaned value, each once; see
// labels.go.
func keys(vs []string) []string {
	out := make([]string, 0, len(vs))
	seen := make(map[string]bool, len(vs))
	for _, v := range cleanAll(vs) {
		if k := entity.Key(v); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// fromFields rebuilds an Article from stored fields as Bleve returns them
// (a string for one value, []interface{} for several), with the labels of
// ls for its facet keys.
func fromFields(id string, f map[string]interface{}, ls labelSet) *article.Article {
	a := &article.Article{
		ID:      id,
		Title:   str(f[fieldTitle]),
		Byline:  str(f[fieldByline]),
		Source:  ls.label(search.Sources, str(f[fieldSources])),
		Section: str(f[fieldSection]),
		URL:     str(f[fieldURL]),
		Body:    str(f[fieldBody]),
		People:  ls.labelsOf(search.People, strs(f[fieldPeople])),
		Orgs:    ls.labelsOf(search.Orgs, strs(f[fieldOrgs])),
		Places:  ls.labelsOf(search.Places, strs(f[fieldPlaces])),
		Origin:  str(f[fieldOrigin]),
	}
	a.Published = parseTime(str(f[fieldPublishedText]))
	if from := str(f[fieldFrom]); from != "" {
		_ = json.Unmarshal([]byte(from), &a.From) // stored by toDocument; a bad value just leaves From empty
	}
	return a
}

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// str returns the first value of a stored field, or "".
func str(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

// strs returns every value of a stored field, never nil.
func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}
