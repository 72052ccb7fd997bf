// Command indexer cleans news articles, extracts their entities and
// publishes a Bleve index of them for searchd. See usage below: it is the
// manual.
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/newsfts/newsfts/internal/pipeline"
)

// Exit codes, documented in the usage text.
const (
	exitOK      = 0 // everything read was indexed and published
	exitSkipped = 1 // published, but some inputs were skipped (see the log)
	exitUsage   = 2 // bad flags or arguments
	exitFailed  = 3 // nothing was published; the served index is unchanged
	exitLocked  = 4 // another indexer is running on the same index
	exitRefused = 5 // the new generation failed the sanity check; not published
)

func main() {
	pipeline.TuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to the subcommand and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "extract" {
		return runExtract(args[1:], stdin, stdout, stderr)
	}
	return runIndex(args, stderr)
}

// newLogger logs to w in format (text or json), warnings and errors only
// when quiet.
func newLogger(w io.Writer, quiet bool, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if quiet {
		opts.Level = slog.LevelWarn
	}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "indexer: "+format+"\n", args...)
	fmt.Fprintln(stderr, "run 'indexer -h' for the manual")
	return exitUsage
}
