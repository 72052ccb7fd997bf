package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedStory indexes seeds/ with the real indexer and checks, through
// the real searchd, the story seeds/news.jsonl line 5 re-files: one hit
// when collapsed, carried by two outlets, in the collapsed export too,
// and its places counted once per story with count=stories.
func TestSeedStory(t *testing.T) {
	index := filepath.Join(t.TempDir(), "index")
	if code, out := indexer(t, "-q", "-index", index, filepath.Join("..", "seeds")); code != 0 {
		t.Fatalf("indexer: exit %d: %s", code, out)
	}
	d := startSearchd(t, index)
	var flat, collapsed struct {
		Total uint64
		Hits  []struct {
			ID      string
			Outlets int
			Copies  []struct{ ID, Source string }
		}
		Facets struct {
			Places []struct {
				Value string
				Count int
			}
		}
	}
	if err := json.Unmarshal([]byte(fetch(t, d.url, "/api/search?q=freight+rail")), &flat); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(fetch(t, d.url, "/api/search?q=freight+rail&collapse=story&count=stories")), &collapsed); err != nil {
		t.Fatal(err)
	}
	if len(flat.Hits) != 2 || len(collapsed.Hits) != 1 {
		t.Fatalf("%d hits, %d collapsed: want the story's 2 copies, 1 collapsed", len(flat.Hits), len(collapsed.Hits))
	}
	if h := collapsed.Hits[0]; h.Outlets != 2 || len(h.Copies) != 2 {
		t.Errorf("collapsed hit %+v: want 2 outlets and 2 copies", h)
	}
	if collapsed.Total != flat.Total {
		t.Errorf("collapsed total %d, want the articles' %d", collapsed.Total, flat.Total)
	}
	twice := 0 // places of both copies: counted twice as articles
	for _, p := range flat.Facets.Places {
		if p.Count == 2 {
			twice++
		}
	}
	for _, p := range collapsed.Facets.Places {
		if p.Count != 1 {
			t.Errorf("place %s counted %d times with count=stories, want once", p.Value, p.Count)
		}
	}
	if twice == 0 || len(collapsed.Facets.Places) == 0 {
		t.Errorf("%d places counted twice as articles, %d places as stories: the test needs both", twice, len(collapsed.Facets.Places))
	}
	csv := strings.Split(strings.TrimSpace(fetch(t, d.url, "/api/search?q=freight+rail&collapse=story&format=csv")), "\n")
	if len(csv) != 2 || !strings.HasSuffix(csv[0], "story,outlets,copies") || !strings.HasSuffix(csv[1], ",2,2") {
		t.Errorf("collapsed CSV:\n%s", strings.Join(csv, "\n"))
	}
}
