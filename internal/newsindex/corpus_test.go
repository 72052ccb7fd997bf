package newsindex

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// The test corpus: short invented articles with the kinds of text news
// pages bring along (diacritics, dotted capital I, markup-like text, a
// missing date, one article dated much later).

var istanbul = time.FixedZone("TRT", 3*60*60)

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func corpus() []*article.Article {
	return []*article.Article{
		{
			ID: "a1", Title: "Erdoğan meets regional leaders in Ankara",
			Byline: "By A. Writer", Source: "The Daily Ledger", Section: "World",
			URL:       "https://ledger.example/world/erdogan-ankara",
			Published: time.Date(2024, 3, 5, 9, 30, 0, 0, istanbul),
			Body: "President Recep Tayyip Erdoğan hosted a summit on trade and energy.\n\n" +
				"Officials from Türkiye and its neighbours signed two agreements.\n\n" +
				"The talks ran late into the evening, and a joint statement promised further " +
				"meetings on ports, railways and electricity grids before the end of the year.",
			People: []string{"Recep Tayyip Erdoğan"}, Orgs: []string{"NATO"}, Places: []string{"Türkiye", "Ankara"},
			From:   map[string]string{"published": "json-ld", "title": "og:title"},
			Origin: "dumps/ledger/erdogan.txt",
		},
		{
			ID: "a2", Title: "Researchers build a cheaper battery",
			Source: "Harbor Times", Published: date("2024-03-20T08:00:00Z"),
			Body: "A team led by Jane Gören at MIT described batteries made from sodium. " +
				"The cells cost less to make, the researchers said.",
			People: []string{"Jane Gören"}, Orgs: []string{"MIT"}, Places: []string{"Boston"},
		},
		{
			ID: "a3", Title: "Storm closes ports along the coast",
			Source: "The Sunday Guardian", Published: date("2024-04-02T18:00:00Z"),
			Body: "A storm shut the ports of İSTANBUL overnight. A page widget printed " +
				"<script>alert('x')</script> into the text, which must stay text.",
			Places: []string{"Istanbul"},
		},
		{
			ID: "a4", Title: "Election results due on Sunday",
			Source: "The Daily Ledger", Published: date("2024-05-14T12:00:00Z"),
			Body: "The election board said counting would finish on Sunday. " +
				"Kemal Kılıçdaroğlu and Recep Tayyip Erdoğan both spoke to crowds.",
			People: []string{"Kemal Kılıçdaroğlu", "Recep Tayyip Erdoğan"},
			Orgs:   []string{"Supreme Election Council"}, Places: []string{"Türkiye"},
		},
		{
			ID: "a5", Title: "Battery prices fall again",
			Source: "Harbor Times", Published: date("2024-06-01T07:00:00Z"),
			Body: "Prices of lithium cells fell for a fourth month, analysts at Tesla and MIT noted.",
			Orgs: []string{"MIT", "Tesla"},
		},
		{
			ID: "a6", Title: "Undated note about the harbour",
			Source: "The Sunday Guardian",
			Body:   "This note carries no date at all, as some scraped pages do.",
		},
		{
			ID: "a7", Title: "Goren wins the city chess title",
			Source: "Harbor Times", Published: date("2024-03-21T20:00:00Z"),
			Body:   "Jane Goren, better known for her research, won the open chess title on Saturday.",
			People: []string{"Jane Gören"},
		},
		{
			ID: "a8", Title: "Harbour reopens after repairs",
			Source: "The Sunday Guardian", Published: date("2025-01-10T12:00:00Z"),
			Body:   "Work on the harbour wall in Istanbul ended, and ferries sailed again.",
			Places: []string{"Istanbul"},
		},
	}
}

// publishCorpus builds and publishes arts in a new root and returns it.
func publishCorpus(t *testing.T, arts []*article.Article) string {
	t.Helper()
	root := t.TempDir()
	publish(t, root, arts)
	return root
}

// publish builds arts whole in root, publishes them and returns the
// generation.
func publish(t *testing.T, root string, arts []*article.Article) string {
	t.Helper()
	return publishWith(t, Create, root, arts)
}

// publishWith is publish with the Builder that open (Create or Update)
// returns.
func publishWith(t *testing.T, open func(string, ...Option) (*Builder, error), root string, arts []*article.Article) string {
	t.Helper()
	b, err := open(root, BatchSize(3))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	gen, err := b.Publish()
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

func openCorpus(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(publishCorpus(t, corpus()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func mustSearch(t *testing.T, ix *Index, r *search.Request) *search.Response {
	t.Helper()
	resp, err := ix.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	return resp
}

// ids lists the hit ids in order.
func ids(resp *search.Response) []string {
	out := []string{}
	for _, h := range resp.Hits {
		out = append(out, h.ID)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
