// Package bench measures newsfts against raw Bleve on a news corpus: the
// harness behind `make bench`.
//
// # Method
//
// Wall-clock throughput on a shared two-core machine swings by tens of
// percent from one minute to the next, so the bench compares figures taken
// in one process tree and close in time. Each round builds the same corpus
// twice, alternating A B A B: first with a raw-Bleve baseline program
// (cmd/rawbleve: the corpus's own fields, Bleve's default mapping with the
// list fields as keywords, batches of 1000), then with the real indexer
// binary. Each build runs as a child process, so its CPU time (user + sys)
// and peak RSS come from the kernel's rusage of that child alone and
// include nothing of the harness. The table shows the median of the
// rounds; the ratios are taken between medians of the same run.
//
// Docs/s counts the corpus's input lines for both builds, since both read
// and process every line; the pipeline may index fewer (it skips documents
// in which the cleaner finds no text), and the table says how many.
//
// Queries go through a real searchd over HTTP on 127.0.0.1, one client,
// keep-alive, after a warm-up pass: every line of the query set is sent
// once per repetition, and p50/p95/p99 are taken over all the samples.
// searchd computes every facet (people, orgs, places, sources and the date
// histogram) on every request, so "facets on" holds for each query; the
// query set's own facet options cannot be turned off or narrowed. Its
// filters map to the API's facet parameters where one exists (places to
// place, people to person, orgs to org); topics and exchanges have none
// and are dropped, which Query.Dropped records.
//
// Replicate writes the corpus K times with distinct ids and light
// perturbation, so that the same bench runs at 4x, 16x or 64x and prints
// build CPU per article as a curve over the scales.
//
// Every loop is bounded: by a count of rounds and repetitions, and by a
// time limit on the query phase.
package bench
