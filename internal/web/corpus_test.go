package web_test

// A test corpus with known counts, indexed for real by newsindex and
// served by web.New, for the API and browser tests. Article i of 60:
//
//	source   North Gazette, River Post, Hill Courier in turn (20 each)
//	places   Oslo when i is even (30), Bergen when i%5 == 0 (12; 6 with Oslo)
//	people   Ada Lind when i%4 == 0 (15), Per Holm when i%6 == 0 (10)
//	orgs     Port Authority when i%10 == 0 (6)
//	date     2024-01-01 + 5i days (January: i = 0..6)
//	title    "Ferry timetable changes, week N" when i%3 == 1, else "Harbour report N";
//	         article 59 has no title
//
// The tests count what they expect from these rules with plain loops.

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/web"
)

const corpusSize = 60

var sources = []string{"North Gazette", "River Post", "Hill Courier"}

func corpusArticle(i int) *article.Article {
	a := &article.Article{
		ID:        fmt.Sprintf("n%02d", i),
		Source:    sources[i%3],
		Published: time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 5*i),
		URL:       fmt.Sprintf("https://news.example/%d", i),
		Body: fmt.Sprintf("The harbour office published its notice number %d this morning.\n\n"+
			"Passengers asked about the ferry crossing, and the pilots said the tide tables held.", i),
	}
	a.Title = fmt.Sprintf("Harbour report %d", i)
	if i%3 == 1 {
		a.Title = fmt.Sprintf("Ferry timetable changes, week %d", i)
	}
	if i == corpusSize-1 {
		a.Title = ""
	}
	if i%2 == 0 {
		a.Places = append(a.Places, "Oslo")
	}
	if i%5 == 0 {
		a.Places = append(a.Places, "Bergen")
	}
	if i%4 == 0 {
		a.People = append(a.People, "Ada Lind")
	}
	if i%6 == 0 {
		a.People = append(a.People, "Per Holm")
	}
	if i%10 == 0 {
		a.Orgs = append(a.Orgs, "Port Authority")
	}
	return a
}

// count returns how many corpus articles satisfy keep.
func count(keep func(a *article.Article) bool) int {
	n := 0
	for i := range corpusSize {
		if keep(corpusArticle(i)) {
			n++
		}
	}
	return n
}

// corpusHandler indexes the corpus and returns searchd's handler over it.
func corpusHandler(t *testing.T) http.Handler {
	t.Helper()
	root := t.TempDir()
	b, err := newsindex.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	for i := range corpusSize {
		if err := b.Add(corpusArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
	ix, err := newsindex.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := web.New(ix, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
