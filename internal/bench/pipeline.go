package bench

import (
	"errors"
	"fmt"
	"sync"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/pipeline"
	"github.com/newsfts/newsfts/internal/search"
)

// Pipeline builds and publishes a newsfts index of the sources under root
// in-process with package pipeline, the indexer's own (one reader, workers
// cleaning and extracting entities, the caller's goroutine adding to a
// newsindex.Builder whose writers build segments), so that a Go benchmark
// profiles the indexer's code. It leaves out what only incremental runs
// need (the manifest) and story grouping. It returns the articles indexed
// and the inputs skipped. The bench itself times the real indexer binary.
func Pipeline(root string, sources []string, workers int, maxBytes int64, opts ...newsindex.Option) (indexed, skipped int, err error) {
	ents, err := entity.New(nil)
	if err != nil {
		return 0, 0, fmt.Errorf("entity extractor: %w", err)
	}
	b, err := newsindex.Create(root, opts...)
	if err != nil {
		return 0, 0, err
	}
	b.SetAliases(search.People, ents.Aliases(entity.Person))
	b.SetAliases(search.Orgs, ents.Aliases(entity.Org))
	b.SetAliases(search.Places, ents.Aliases(entity.Place))
	var mu sync.Mutex
	skip := func() { mu.Lock(); skipped++; mu.Unlock() }
	err = pipeline.Run(pipeline.Config{
		Reader:  &article.Reader{MaxBytes: maxBytes, Skip: func(article.Skip) { skip() }},
		Proc:    &ingest.Processor{Entities: ents},
		Workers: workers,
		Reject:  func(string, article.RawDoc, error) { skip() },
		Write: func(r pipeline.Result) error {
			indexed++
			return b.Add(r.Article)
		},
	}, sources)
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
