// Command rawbleve builds the raw-Bleve baseline index of a JSON Lines
// corpus (see package baseline) and prints the number of documents
// indexed. newsbench runs it as a child process to measure it.
//
// usage: rawbleve -index DIR [-batch N] [-lean] [-unsafe] [-offline] CORPUS.jsonl[.gz]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsfts/newsfts/internal/bench/baseline"
)

func main() {
	var (
		dir  = flag.String("index", "", "directory of the new index (must not exist)")
		opts baseline.Options
	)
	flag.IntVar(&opts.Batch, "batch", baseline.DefaultBatch, "documents per Bleve batch")
	flag.BoolVar(&opts.Lean, "lean", false, "lean mapping: no _all, no term vectors, body not stored")
	flag.BoolVar(&opts.Unsafe, "unsafe", false, "unsafe_batch: batches return before they are persisted")
	flag.BoolVar(&opts.Offline, "offline", false, "Bleve's offline builder: one merge at the end")
	flag.Parse()
	if *dir == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: rawbleve -index DIR [-batch N] [-lean] [-unsafe] [-offline] CORPUS.jsonl[.gz]")
		os.Exit(2)
	}
	n, err := baseline.Build(flag.Arg(0), *dir, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rawbleve:", err)
		os.Exit(1)
	}
	fmt.Println(n)
}
