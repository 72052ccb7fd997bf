package main

import (
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"
)

// summary is what one index run did, printed as one line at its end
// whatever -q says.
type summary struct {
	inputs    changes
	added     int            // articles new to the index
	updated   int            // articles indexed again
	removed   int            // articles deleted
	dupes     int            // articles replaced by a later one with the same id
	extracted int64          // documents cleaned (0 when nothing changed)
	docs      uint64         // documents in the generation served after the run
	skips     map[string]int // reason -> count
	published string         // the generation published, "" if none
	served    string         // the generation served after the run
	refused   bool           // the sanity check stopped the publish
	took      time.Duration
}

func (s *summary) skipped() int {
	n := 0
	for _, c := range s.skips {
		n += c
	}
	return n
}

// skipText is e.g. "3 skipped (2 binary, 1 no article text)".
func (s *summary) skipText() string {
	if s.skipped() == 0 {
		return "0 skipped"
	}
	var parts []string
	for _, reason := range slices.Sorted(maps.Keys(s.skips)) {
		parts = append(parts, fmt.Sprintf("%d %s", s.skips[reason], reason))
	}
	return fmt.Sprintf("%d skipped (%s)", s.skipped(), strings.Join(parts, ", "))
}

// String is the summary line.
func (s *summary) String() string {
	in := s.inputs
	outcome := "published " + s.published
	switch {
	case s.refused:
		outcome = "NOT published (sanity check), still serving " + s.served
	case s.published == "":
		outcome = "nothing to publish, still serving " + s.served
	}
	return fmt.Sprintf("indexer: %d changed (%d new, %d modified, %d removed), %d unchanged; "+
		"articles: %d added, %d updated, %d removed, %d duplicate ids, %d extracted, %d in the index; %s; %s (%.1fs)",
		in.total(), in.added, in.modified, in.removed, in.unchanged,
		s.added, s.updated, s.removed, s.dupes, s.extracted, s.docs, s.skipText(), outcome, s.took.Seconds())
}

// print writes the summary: a plain line, or one JSON record when the log
// is JSON.
func (s *summary) print(w io.Writer, format string) {
	if format != "json" {
		fmt.Fprintln(w, s.String())
		return
	}
	in := s.inputs
	slog.New(slog.NewJSONHandler(w, nil)).Info("summary",
		"changed", in.total(), "new", in.added, "modified", in.modified, "removed_inputs", in.removed,
		"unchanged", in.unchanged, "added", s.added, "updated", s.updated, "removed", s.removed,
		"duplicates", s.dupes, "extracted", s.extracted, "documents", s.docs,
		"skipped", s.skipped(), "skip_reasons", s.skips, "published", s.published, "refused", s.refused, "served", s.served,
		"seconds", s.took.Seconds())
}
