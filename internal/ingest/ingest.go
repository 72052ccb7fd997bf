// Package ingest turns a RawDoc into an Article: it runs the cleaner for the
// document's format, lets metadata given by a JSON Lines line override what
// the cleaner found, and extracts the entities that become facets. It is
// the one place where the steps of the pipeline are put together, shared by
// `indexer` and `indexer extract` so that both always agree.
package ingest

import (
	"errors"
	"strings"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/extract"
)

// ErrEmpty is returned for a document in which no article text was found.
var ErrEmpty = errors.New("no article text found")

// Processor cleans documents and extracts their entities. It is safe for
// concurrent use.
type Processor struct {
	Entities *entity.Extractor // the entity extractor, with the operator's aliases
	NoClean  bool              // the text is already clean: keep every paragraph
}

// Article processes one document.
func (p *Processor) Article(raw article.RawDoc) (*article.Article, error) {
	res := p.clean(raw)
	a := &article.Article{
		ID:        raw.ID,
		Origin:    raw.Origin,
		Title:     res.Title,
		Byline:    res.Byline,
		Published: res.Published,
		Source:    res.Source,
		Section:   res.Section,
		URL:       res.URL,
		From:      res.From,
	}
	if raw.Fields != nil {
		given(a, raw.Fields)
	}
	a.Body = strings.Join(res.Paragraphs, "\n\n")
	if strings.TrimSpace(a.Body) == "" {
		return nil, ErrEmpty
	}
	p.entities(a, p.Entities.Extract(a.Title, res.Paragraphs), raw.Fields)
	return a, nil
}

// clean runs the cleaner for raw's format, or only splits paragraphs when
// the text is already clean.
func (p *Processor) clean(raw article.RawDoc) *extract.Result {
	switch {
	case raw.Format == article.HTML:
		return extract.HTML(raw.Data)
	case p.NoClean:
		return &extract.Result{Paragraphs: Unwrap(string(raw.Data))}
	case raw.Fields != nil:
		return cleanGiven(Unwrap(string(raw.Data)))
	default:
		return extract.Text(raw.Data)
	}
}

// cleanGiven cleans the body of a JSON Lines line. Such a body was already
// cut out of its page by whoever wrote the line, so it is trusted more than
// a page dump: the cleaner gets it one paragraph per line, as a dump would
// have it, and its verdict is taken only when it keeps at least half of the
// words. Otherwise (wire copy made of short table lines, such as earnings
// reports, reads to the cleaner like a menu) the body stays as given.
func cleanGiven(paras []string) *extract.Result {
	res := extract.Text([]byte(strings.Join(paras, "\n\n")))
	if 2*words(res.Paragraphs) >= words(paras) {
		return res
	}
	res.Paragraphs = paras
	if res.From == nil {
		res.From = map[string]string{}
	}
	res.From["body"] = "input"
	return res
}

func words(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(strings.Fields(p))
	}
	return n
}

// given lets the metadata of a JSON Lines line override the cleaner's.
func given(a *article.Article, f *article.Fields) {
	from := func(key string) {
		if a.From == nil {
			a.From = map[string]string{}
		}
		a.From[key] = "input"
	}
	set := func(dst *string, key, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
			from(key)
		}
	}
	set(&a.Title, "title", f.Title)
	set(&a.Byline, "byline", f.Byline)
	set(&a.Source, "source", f.Source)
	set(&a.Section, "section", f.Section)
	set(&a.URL, "url", f.URL)
	if t, ok := extract.ParseDate(f.Published); ok {
		a.Published = t
		from("published")
	}
}

var kinds = [3]entity.Kind{entity.Person, entity.Org, entity.Place}

// entities sets a's people, organisations and places: the extracted ones
// followed by those the input gives, under their canonical names, each once
// (compared by entity.Key). A name the input gives is authoritative about
// its kind, so the same name extracted under another kind is dropped.
// The lists are never nil, so that JSON shows [] rather than null.
func (p *Processor) entities(a *article.Article, set entity.Set, f *article.Fields) {
	found := [3][]string{set.People, set.Orgs, set.Places}
	var givenNames [3][]string
	claimed := map[string]entity.Kind{}
	for i, k := range kinds {
		for _, name := range fieldsOf(f, k) {
			c := p.Entities.Canonical(k, name)
			givenNames[i] = append(givenNames[i], c)
			claimed[entity.Key(c)] = k
		}
	}
	var out [3][]string
	for i, k := range kinds {
		out[i] = make([]string, 0, len(found[i])+len(givenNames[i]))
		seen := map[string]bool{}
		add := func(name string, extracted bool) {
			key := entity.Key(name)
			if owner, ok := claimed[key]; key == "" || seen[key] || extracted && ok && owner != k {
				return
			}
			seen[key] = true
			out[i] = append(out[i], name)
		}
		for _, name := range found[i] {
			add(name, true)
		}
		for _, name := range givenNames[i] {
			add(name, false)
		}
	}
	a.People, a.Orgs, a.Places = out[0], out[1], out[2]
}

func fieldsOf(f *article.Fields, k entity.Kind) []string {
	if f == nil {
		return nil
	}
	switch k {
	case entity.Person:
		return f.People
	case entity.Org:
		return f.Orgs
	}
	return f.Places
}
