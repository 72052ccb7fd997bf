// Package newsindex is newsfts's only door to Bleve: the index mapping and
// its field names (mapping.go), building a new generation of the index and
// publishing it atomically (builder.go, update.go, publish.go), serving the published
// generation read-only with hot swaps (index.go) as soon as it is
// published (watch.go), faceted search over it
// (query.go, search.go, histogram.go, snippet.go), and one label per facet
// value across the corpus (labels.go).
//
// The indexer builds and publishes:
//
//	b, err := newsindex.Create(root)   // fails with ErrLocked if another indexer runs
//	b.SetAliases(search.Places, extractor.Aliases(entity.Place))  // and people, orgs
//	for each article { err = b.Add(a) }
//	gen, err := b.Publish()            // or b.Abort() to drop the build
//
// A cron run that re-indexes only what changed starts from a copy of the
// served generation instead, and keeps its bookkeeping in the generation:
//
//	b, err := newsindex.Update(root)   // b.Base() == "" means: add everything
//	manifest, err := b.State("manifest")
//	b.Delete(id); b.Add(a); b.SetState("manifest", newManifest)
//	gen, err := b.Publish()
//
// A run may first ask, read-only and without the lock, whether it has
// anything to do (ServedState, Busy); an operator undoes a bad publish
// with Rollback(root).
//
// searchd serves:
//
//	ix, err := newsindex.Open(root)
//	go ix.Watch(ctx, time.Minute, log) // picks up each new publish
//	v := ix.Canonical(search.Places, "Turkey")  // "Türkiye": what a typed value stands for
//	resp, err := ix.Search(ctx, req)
//
// Nothing else in newsfts imports Bleve; the web layer sees only the
// search.Searcher interface that *Index implements.
package newsindex
