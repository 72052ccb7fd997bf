package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/newsfts/newsfts/internal/article"
)

// runExtract prints one JSON object per article found in the files, or in
// stdin when no file is named; no index is touched.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("indexer extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	format := fs.String("format", "", "text, html or jsonl (default: detect)")
	noClean := fs.Bool("no-clean", false, "the text is already clean")
	aliases := fs.String("aliases", "", "entity alias file")
	maxBytes := fs.Int64("max-bytes", article.DefaultMaxBytes, "largest input in bytes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	switch article.Format(*format) {
	case "", article.Text, article.HTML, article.JSONL:
	default:
		return usageError(stderr, "-format %q: use text, html or jsonl", *format)
	}
	proc, err := newProcessor(*aliases, *noClean)
	if err != nil {
		fmt.Fprintf(stderr, "indexer extract: %v\n", err)
		return exitFailed
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	skipped := 0
	skip := func(origin string, err error) {
		fmt.Fprintf(stderr, "indexer extract: skipped %s: %v\n", origin, err)
		skipped++
	}
	r := &article.Reader{
		MaxBytes: *maxBytes,
		Format:   article.Format(*format),
		Skip:     func(s article.Skip) { skip(s.Origin, s.Err) },
		Visit: func(raw article.RawDoc) {
			a, err := proc.Article(raw)
			if err != nil {
				skip(raw.Origin, err)
				return
			}
			enc.Encode(a)
		},
	}
	if fs.NArg() == 0 {
		r.Stream("-", stdin)
	} else {
		r.Paths(fs.Args())
	}
	if skipped > 0 {
		return exitSkipped
	}
	return exitOK
}
