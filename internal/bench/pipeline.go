package bench

import (
	"errors"
	"fmt"
	"sync"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/search"
)

// Pipeline builds and publishes a newsfts index of the sources under root
// in-process, the way the indexer command does (one reader, workers
// cleaning and extracting entities, the caller's goroutine writing), so
// that a Go benchmark can profile it. It returns the articles indexed and
// the inputs skipped. The bench itself times the real indexer binary.
func Pipeline(root string, sources []string, workers int, maxBytes int64, opts ...newsindex.Option) (indexed, skipped int, err error) {
	ents, err := entity.New(nil)
	if err != nil {
		return 0, 0, fmt.Errorf("entity extractor: %w", err)
	}
	proc := &ingest.Processor{Entities: ents}
	b, err := newsindex.Create(root, opts...)
	if err != nil {
		return 0, 0, err
	}
	b.SetAliases(search.People, ents.Aliases(entity.Person))
	b.SetAliases(search.Orgs, ents.Aliases(entity.Org))
	b.SetAliases(search.Places, ents.Aliases(entity.Place))
	var mu sync.Mutex
	skip := func(article.Skip) { mu.Lock(); skipped++; mu.Unlock() }
	arts := process(proc, sources, workers, maxBytes, skip)
	for a := range arts {
		if err == nil {
			err = b.Add(a)
			indexed++
		}
	}
	if err == nil && indexed == 0 {
		err = errors.New("no article found in the sources")
	}
	if err != nil {
		b.Abort()
		return indexed, skipped, fmt.Errorf("pipeline: %w", err)
	}
	_, err = b.Publish()
	return indexed, skipped, err
}

// process reads the sources in one goroutine and cleans them in workers;
// the returned channel is closed when all are done.
func process(proc *ingest.Processor, sources []string, workers int, maxBytes int64, skip func(article.Skip)) <-chan *article.Article {
	raws := make(chan article.RawDoc, 64)
	arts := make(chan *article.Article, 64)
	go func() {
		r := &article.Reader{MaxBytes: maxBytes, Visit: func(d article.RawDoc) { raws <- d }, Skip: skip}
		r.Paths(sources)
		close(raws)
	}()
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for raw := range raws {
				if a, err := proc.Article(raw); err != nil {
					skip(article.Skip{Origin: raw.Origin, Err: err})
				} else {
					arts <- a
				}
			}
		}()
	}
	go func() { wg.Wait(); close(arts) }()
	return arts
}
