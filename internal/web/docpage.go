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
}

// entityList is one kind of entity named in the article.
type entityList struct {
	Title string // "People"
	Names []entityLink
}

// entityLink is a name with the search for articles naming it.
type entityLink struct{ Name, Href string }

// newDocPage builds the page of article a.
func newDocPage(a *article.Article) *docPage {
	p := &docPage{
		Title: orUntitled(a.Title), Byline: a.Byline, Source: a.Source,
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
	return p
}
