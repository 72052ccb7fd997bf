package newsindex

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// synthetic makes n articles of ~300 words from a fixed vocabulary, with
// entities drawn from small pools, dated over three years. Deterministic.
func synthetic(n int) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*7919%65521)
	}
	vocab[0], vocab[1], vocab[2] = "storm", "election", "battery"
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[int(r.ExpFloat64()*400)%len(vocab)]
		}
		return strings.Join(ws, " ")
	}
	pick := func(prefix string, pool, k int) []string {
		out := make([]string, k)
		for i := range out {
			out[i] = fmt.Sprintf("%s %d", prefix, int(r.ExpFloat64()*float64(pool)/4)%pool)
		}
		return out
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]*article.Article, n)
	for i := range arts {
		arts[i] = &article.Article{
			ID: fmt.Sprintf("s%06d", i), Title: words(8), Body: words(300),
			Source:    fmt.Sprintf("Source %d", r.IntN(20)),
			Published: start.Add(time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour)))),
			People:    pick("Person", 500, 3), Orgs: pick("Org", 200, 2), Places: pick("Place", 100, 2),
		}
	}
	return arts
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// BenchmarkBuild indexes and publishes 10,000 synthetic articles.
func BenchmarkBuild(b *testing.B) {
	arts := synthetic(10000)
	for b.Loop() {
		root := b.TempDir()
		b, err := Create(root)
		if err != nil {
			panic(err)
		}
		for _, a := range arts {
			if err := b.Add(a); err != nil {
				panic(err)
			}
		}
		if _, err := b.Publish(); err != nil {
			panic(err)
		}
		fmt.Fprintf(os.Stderr, "index of %d articles: %.1f MB\n", len(arts), float64(dirSize(root))/1e6)
	}
}

// BenchmarkSearch runs typical requests over 10,000 synthetic articles.
func BenchmarkSearch(b *testing.B) {
	root := b.TempDir()
	bl, err := Create(root)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range synthetic(10000) {
		bl.Add(a)
	}
	if _, err := bl.Publish(); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(root)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	reqs := map[string]*search.Request{
		"browse":        {},
		"word":          {Query: q(word("storm"))},
		"two words":     {Query: q(word("storm"), word("election"))},
		"phrase":        {Query: q(phrase("storm election"))},
		"word+filters":  {Query: q(word("battery")), Filters: map[search.Facet][]string{search.Sources: {"Source 1", "Source 2"}, search.People: {"Person 3"}}},
		"newest+filter": {Sort: search.Newest, Filters: map[search.Facet][]string{search.Places: {"Place 1"}}},
	}
	for name, r := range reqs {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(b.Context(), r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
