package web

import (
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// docPage is the article page.
type docPage struct {
	Title      string
	Byline     string
	Source     string
	Section    string
	Published  time.Time
	URL        string       // the original address as given
	Link       string       // URL when it is http or https, else ""
	Paragraphs []string     // the cleaned body
	Entities   []entityList // people, organisations, places
	Similar    []hitView    // more like this
	Copies     []copyView   // the copies of its story, itself included (copies.go)
}

// entityList is one kind of entity named in the article.
type entityList struct {
	Title string // "People"
	Names []entityLink
}

// entityLink is a name with the search for articles naming it.
type entityLink struct{ Name, Href string }

// newDocPage builds the page of article a, with the articles similar to
// it; leads names the untitled ones. An untitled article is headed by
// the start of its body.
func newDocPage(a *article.Article, similar []search.Hit, leads map[string]string) *docPage {
	title := a.Title
	if title == "" {
		title = lead(a.Body)
	}
	p := &docPage{
		Title: orUntitled(title), Byline: a.Byline, Source: a.Source,
		Section: a.Section, Published: a.Published, URL: a.URL, Link: webURL(a.URL),
		Paragraphs: a.Paragraphs(),
	}
	kinds := []struct {
		facet search.Facet
		names []string
	}{{search.People, a.People}, {search.Orgs, a.Orgs}, {search.Places, a.Places}}
	for _, k := range kinds {
		if len(k.names) == 0 {
			continue
		}
		list := entityList{Title: facetTitles[k.facet]}
		for _, n := range k.names {
			list.Names = append(list.Names, entityLink{Name: n, Href: facetURL(k.facet.Param(), n)})
		}
		p.Entities = append(p.Entities, list)
	}
	for _, h := range similar {
		p.Similar = append(p.Similar, newHitView(h, leads))
	}
	return p
}
