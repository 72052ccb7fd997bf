package newsindex

// More like this.
//
// Similar finds the articles that share the most with one article: its
// people, organisations and places (keyword terms, boosted, since a shared
// entity says more than a shared word) and its most distinctive words.
// The words are the article's title and body run through the index's own
// text analyser, weighted by tf·idf: how often the article uses a word
// times the log of how rare the word is in the index (document frequency
// read from the index reader, one posting-list count per candidate). The
// query is a disjunction of all these terms, so an article matching more
// of them scores higher, with the article itself excluded. At 300,000
// articles it takes tens of milliseconds, so each generation keeps the
// answers it gave (an article page is often opened again).

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsfts/newsfts/internal/search"
)

// Limits of a similarity query.
const (
	similarWords      = 12       // distinctive words in the query
	similarCandidates = 40       // most frequent words whose rarity is looked up
	similarTextBytes  = 32 << 10 // of title and body analysed
	entityBoost       = 3.0
	maxSimilar        = 50
)

// Similar returns up to n articles most like article id, best first,
// without the article itself; an error wrapping search.ErrNotFound when
// there is no such article.
func (ix *Index) Similar(ctx context.Context, id string, n int) ([]search.Hit, error) {
	n = clamp(n, 1, maxSimilar, 5)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, fmt.Errorf("similar: %w", ErrClosed)
	}
	key := fmt.Sprintf("%d %s", n, id)
	if hs, ok := ix.cur.similar.get(key); ok {
		return hs, nil
	}
	hs, err := ix.similar(ctx, id, n)
	if err == nil {
		ix.cur.similar.put(key, hs)
	}
	return hs, err
}

// similar is Similar without the cache; the caller holds ix.mu.
func (ix *Index) similar(ctx context.Context, id string, n int) ([]search.Hit, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fieldTitle, fieldBody, fieldPeople, fieldOrgs, fieldPlaces}
	res, err := ix.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("similar %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("similar %q: %w", id, search.ErrNotFound)
	}
	like := ix.likeQuery(ctx, res.Hits[0].Fields)
	if like == nil {
		return []search.Hit{}, nil
	}
	bq := bleve.NewBooleanQuery()
	bq.AddShould(like...)
	bq.AddMustNot(bleve.NewDocIDQuery(ix.cur.ownCopies(id))) // story.go
	sreq := bleve.NewSearchRequestOptions(bq, n, 0, false)
	sreq.Fields = hitFields
	if res, err = ix.alias.SearchInContext(ctx, sreq); err != nil {
		return nil, fmt.Errorf("similar %q: %w", id, err)
	}
	return hits(res.Hits, ix.cur.labelSet), nil
}

// likeQuery is one term query per entity and distinctive word of an
// article's stored fields f; nil when there is none.
func (ix *Index) likeQuery(ctx context.Context, f map[string]interface{}) []query.Query {
	var qs []query.Query
	term := func(field, t string, boost float64) {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		tq.SetBoost(boost)
		qs = append(qs, tq)
	}
	for _, field := range []string{fieldPeople, fieldOrgs, fieldPlaces} {
		for _, k := range strs(f[field]) {
			term(field, k, entityBoost)
		}
	}
	text := str(f[fieldTitle]) + "\n" + str(f[fieldBody])
	for _, w := range ix.distinctive(ctx, strings.ToValidUTF8(text[:min(len(text), similarTextBytes)], "")) {
		term(fieldBody, w, 1)
		term(fieldTitle, w, titleBoost/2)
	}
	return qs
}

// distinctive returns the words of text with the highest tf·idf, as the
// text analyser indexes them (folded, stemmed, without stop words).
func (ix *Index) distinctive(ctx context.Context, text string) []string {
	a := ix.cur.idx.Mapping().AnalyzerNamed(analyzerText)
	if a == nil {
		return nil
	}
	tf := map[string]int{}
	for _, tok := range a.Analyze([]byte(text)) {
		if len(tok.Term) > 2 {
			tf[string(tok.Term)]++
		}
	}
	words := make([]string, 0, len(tf))
	for w := range tf {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(tf[b]-tf[a], cmp.Compare(a, b)) })
	words = words[:min(len(words), similarCandidates)]
	weight := ix.idf(ctx, words)
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(float64(tf[b])*weight[b], float64(tf[a])*weight[a]), cmp.Compare(a, b))
	})
	return words[:min(len(words), similarWords)]
}

// idf returns log(N/df) of each word in the body field; a word the
// reader cannot count weighs 1.
func (ix *Index) idf(ctx context.Context, words []string) map[string]float64 {
	out := make(map[string]float64, len(words))
	for _, w := range words {
		out[w] = 1
	}
	r, err := ix.cur.reader()
	if err != nil {
		return out
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil || n == 0 {
		return out
	}
	for _, w := range words {
		tfr, err := r.TermFieldReader(ctx, []byte(w), fieldBody, false, false, false)
		if err != nil {
			continue
		}
		if df := tfr.Count(); df > 0 {
			out[w] = math.Log(float64(n) / float64(df))
		}
		tfr.Close()
	}
	return out
}
