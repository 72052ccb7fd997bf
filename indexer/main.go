// Command indexer cleans news articles, extracts their entities and
// publishes a Bleve index of them for searchd. See usage below: it is the
// manual.
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
)

// Exit codes, documented in the usage text.
const (
	exitOK      = 0 // everything read was indexed and published
	exitSkipped = 1 // published, but some inputs were skipped (see the log)
	exitUsage   = 2 // bad flags or arguments
	exitFailed  = 3 // nothing was published; the served index is unchanged
	exitLocked  = 4 // another indexer is running on the same index
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to the subcommand and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "extract" {
		return runExtract(args[1:], stdin, stdout, stderr)
	}
	return runIndex(args, stderr)
}

func newLogger(w io.Writer, quiet bool) *slog.Logger {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "indexer: "+format+"\n", args...)
	fmt.Fprintln(stderr, "run 'indexer -h' for the manual")
	return exitUsage
}
