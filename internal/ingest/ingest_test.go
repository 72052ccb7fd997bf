package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
)

func processor(t *testing.T, noClean bool) *Processor {
	t.Helper()
	ents, err := entity.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Processor{Entities: ents, NoClean: noClean}
}

func TestGivenMetadataAndEntities(t *testing.T) {
	p := processor(t, false)
	raw := article.RawDoc{
		ID: "line-1", Origin: "x.jsonl:1", Format: article.Text,
		Data: []byte("Officials from Pakistan met in Ankara on Monday to discuss the rail corridor.\n\n" +
			"President Recep Tayyip Erdoğan said the line would reopen next spring."),
		Fields: &article.Fields{
			Title: "Rail talks", Published: "2025-08-12T16:05:33+05:00", Source: "Indus Evening Post",
			People: []string{"recep tayyip erdogan", "Sana Qureshi"},
			Orgs:   []string{"Ankara"}, // the input says Ankara is an organisation here
			Places: []string{"Türkiye", "turkey"},
		},
	}
	a, err := p.Article(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Rail talks" || a.Source != "Indus Evening Post" || a.From["title"] != "input" || a.From["published"] != "input" {
		t.Errorf("metadata = %q %q %v", a.Title, a.Source, a.From)
	}
	if want := time.Date(2025, 8, 12, 16, 5, 33, 0, time.FixedZone("", 5*3600)); !a.Published.Equal(want) {
		t.Errorf("published = %v", a.Published)
	}
	count := func(list []string, key string) (n int) {
		for _, v := range list {
			if entity.Key(v) == key {
				n++
			}
		}
		return n
	}
	if count(a.People, "recep tayyip erdogan") != 1 || count(a.People, "sana qureshi") != 1 {
		t.Errorf("people = %q: given names merged by key, each once", a.People)
	}
	if count(a.Places, "ankara") != 0 || count(a.Orgs, "ankara") != 1 {
		t.Errorf("Ankara given as an org must not stay a place: orgs %q places %q", a.Orgs, a.Places)
	}
	if n := count(a.Places, entity.Key(p.Entities.Canonical(entity.Place, "Turkey"))); n != 1 {
		t.Errorf("places = %q: Türkiye and turkey are one place", a.Places)
	}
}

func TestArticleEmptyAndNoClean(t *testing.T) {
	p := processor(t, false)
	if _, err := p.Article(article.RawDoc{ID: "e", Format: article.Text, Data: []byte("\n\n  \n")}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty document: err = %v, want ErrEmpty", err)
	}
	nc := processor(t, true)
	a, err := nc.Article(article.RawDoc{ID: "n", Format: article.Text, Data: []byte("Subscribe to our weekly news digest.\nwrapped line\n\nSecond.")})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Paragraphs(); !reflect.DeepEqual(got, []string{"Subscribe to our weekly news digest. wrapped line", "Second."}) {
		t.Errorf("-no-clean paragraphs = %q: every paragraph kept, wraps joined", got)
	}
	if a.People == nil || a.Orgs == nil || a.Places == nil {
		t.Error("entity lists must be empty, not nil")
	}
	c, err := p.Article(article.RawDoc{ID: "c", Format: article.Text, Data: []byte(
		"A long paragraph of ordinary news prose about the harbour, the ferries and the people who ride them every day.\n\n" +
			"Subscribe to our weekly news digest.\n\nInvalid Email Address")})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(c.Body, "Subscribe") || strings.Contains(c.Body, "Invalid Email") {
		t.Errorf("cleaning kept boilerplate: %q", c.Body)
	}
}

func TestGivenBodyKeptWhenCleanerFindsLittle(t *testing.T) {
	p := processor(t, false)
	table := "Shr 42 cts vs 38 cts\n\nNet 12.1 mln vs 10.9 mln\n\nRevs 310.4 mln vs 288.0 mln\n\nNOTE: year-ago restated.\n\nReuter"
	a, err := p.Article(article.RawDoc{ID: "w", Format: article.Text, Data: []byte(table),
		Fields: &article.Fields{Title: "ACME CORP 4TH QTR NET"}})
	if err != nil {
		t.Fatalf("a wire table given as a JSON Lines body was dropped: %v", err)
	}
	if !strings.Contains(a.Body, "Revs 310.4 mln") || a.From["body"] != "input" {
		t.Errorf("body = %q, from = %v", a.Body, a.From)
	}
	prose := "A long paragraph of ordinary news prose about the harbour, the ferries and the people who ride them every day of the week.\n\n" +
		"Another paragraph that carries the story on, with the mayor's plans for a second pier and what they would cost the city.\n\n" +
		"Subscribe to our weekly news digest."
	b, err := p.Article(article.RawDoc{ID: "p", Format: article.Text, Data: []byte(prose), Fields: &article.Fields{}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Body, "Subscribe") || b.From["body"] != "" {
		t.Errorf("a JSON Lines body with boilerplate was not cleaned: %q %v", b.Body, b.From)
	}
}
