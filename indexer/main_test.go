package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/search"
)

func TestIndexCommand(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index")
	var stderr bytes.Buffer
	code := run([]string{"-q", "-index", index, "../seeds"}, nil, nil, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "16 added") || !strings.Contains(stderr.String(), "0 skipped") {
		t.Errorf("summary: %s", stderr.String())
	}
	current, err := os.ReadFile(filepath.Join(index, "CURRENT"))
	if err != nil || len(bytes.TrimSpace(current)) == 0 {
		t.Fatalf("CURRENT: %q %v", current, err)
	}
	checkCanonical(t, index, []canonicalCase{
		{search.Places, "Turkey", "Türkiye"},
		{search.Orgs, "mit", "National Intelligence Organization (MİT)"},
		{search.People, "mehmet goren", "Mehmet Gören"},
	})

	// Bad and empty inputs: skipped and counted, exit 1, still published
	// (in an index of their own: replacing the seeds by them would lose
	// too many documents, see TestSanityGate).
	index = filepath.Join(dir, "index2")
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "good.txt"), []byte("A real paragraph of news prose about Ankara and the talks held there on Monday."), 0o644)
	os.WriteFile(filepath.Join(bad, "lines.jsonl"), []byte("{\"id\":\"a\",\"body\":\"Talks in Ankara went on for hours on Monday evening.\"}\n{oops\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "blob.txt"), []byte{0, 1, 2, 3}, 0o644)
	stderr.Reset()
	if code := run([]string{"-index", index, bad}, nil, nil, &stderr); code != exitSkipped {
		t.Errorf("bad inputs: exit %d, want %d: %s", code, exitSkipped, stderr.String())
	}
	for _, want := range []string{"lines.jsonl:2", "blob.txt", "2 added", "2 skipped (1 bad line, 1 binary)"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("log lacks %q: %s", want, stderr.String())
		}
	}

	// No article at all: nothing published, CURRENT unchanged.
	before, _ := os.ReadFile(filepath.Join(index, "CURRENT"))
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	stderr.Reset()
	if code := run([]string{"-index", index, empty}, nil, nil, &stderr); code != exitFailed {
		t.Errorf("empty source: exit %d, want %d", code, exitFailed)
	}
	if after, _ := os.ReadFile(filepath.Join(index, "CURRENT")); !bytes.Equal(before, after) {
		t.Errorf("CURRENT changed by a failed run: %q -> %q", before, after)
	}

	// A second indexer while one holds the lock.
	b, err := newsindex.Create(index)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	stderr.Reset()
	if code := run([]string{"-index", index, "../seeds"}, nil, nil, &stderr); code != exitLocked {
		t.Errorf("locked: exit %d, want %d: %s", code, exitLocked, stderr.String())
	}
}

// TestIndexAliases checks that the operator's alias file reaches the index.
func TestIndexAliases(t *testing.T) {
	dir := t.TempDir()
	aliases := filepath.Join(dir, "aliases.txt")
	os.WriteFile(aliases, []byte("place | Kestrel Bay | Kestrel | Old Harbour\norg | MİT | National Intelligence Organization (MİT)\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Ferries sailed from Kestrel to Ankara on Monday, officials at the port said."), 0o644)
	index := filepath.Join(dir, "index")
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-index", index, "-aliases", aliases, filepath.Join(dir, "a.txt")}, nil, nil, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	checkCanonical(t, index, []canonicalCase{
		{search.Places, "old harbour", "Kestrel Bay"},
		{search.Places, "Turkey", "Türkiye"},
		{search.Orgs, "MIT", "MİT"},
		{search.Orgs, "National Intelligence Organisation", "MİT"},
	})
}

type canonicalCase struct {
	facet       search.Facet
	value, want string
}

// checkCanonical opens the published index and checks what typed values
// stand for.
func checkCanonical(t *testing.T, index string, tests []canonicalCase) {
	t.Helper()
	ix, err := newsindex.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range tests {
		if got := ix.Canonical(tt.facet, tt.value); got != tt.want {
			t.Errorf("Canonical(%s, %q) = %q, want %q", tt.facet, tt.value, got, tt.want)
		}
	}
}

func TestUsage(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(nil, nil, nil, &stderr); code != exitUsage {
		t.Errorf("no args: exit %d", code)
	}
	stderr.Reset()
	if code := run([]string{"-h"}, nil, nil, &stderr); code != exitOK || !strings.Contains(stderr.String(), "cron") {
		t.Errorf("-h: exit %d, manual %q", code, stderr.String())
	}
	if code := run([]string{"extract", "-format", "pdf"}, nil, nil, &stderr); code != exitUsage {
		t.Errorf("extract -format pdf: exit %d", code)
	}
}

func TestExtractCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "../seeds/text/meridian-ankara-relay.txt"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("not one JSON object: %v: %s", err, stdout.String())
	}
	for _, key := range []string{"id", "title", "byline", "published", "source", "section", "url", "body", "people", "orgs", "places"} {
		if _, ok := got[key]; !ok {
			t.Errorf("contract key %q missing: %s", key, stdout.String())
		}
	}
	if got["published"] != "2025-11-28T19:42:10+05:30" {
		t.Errorf("published = %v, want the IST time kept", got["published"])
	}

	// stdin, already clean JSON Lines: ids kept, entities found in the text.
	stdout.Reset()
	in := strings.NewReader(`{"id":"x-1","text":"President Recep Tayyip Erdoğan met officials in Ankara."}` + "\n" + `{"id":"x-2","text":"Nothing to see."}` + "\n")
	if code := run([]string{"extract", "-no-clean", "-format", "jsonl"}, in, &stdout, &stderr); code != exitOK {
		t.Fatalf("stdin: exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"id":"x-1"`) || !strings.Contains(lines[0], "Recep Tayyip Erdoğan") || !strings.Contains(lines[0], "Ankara") {
		t.Errorf("stdin output: %s", stdout.String())
	}
}
