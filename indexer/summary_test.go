package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    summary
		want string
	}{
		{summary{inputs: changes{unchanged: 12}, docs: 15, served: "gen-1", skips: map[string]int{}},
			"indexer: 0 changed (0 new, 0 modified, 0 removed), 12 unchanged; articles: 0 added, 0 updated, 0 removed, 0 duplicate ids, 0 extracted, 15 in the index; 0 skipped; nothing to publish, still serving gen-1 (0.0s)"},
		{summary{inputs: changes{added: 1, modified: 1, removed: 1, unchanged: 3}, added: 1, updated: 1, removed: 2, extracted: 2, docs: 5,
			skips: map[string]int{"binary": 1, "bad line": 2}, published: "gen-2", served: "gen-2", took: 1500 * time.Millisecond},
			"indexer: 3 changed (1 new, 1 modified, 1 removed), 3 unchanged; articles: 1 added, 1 updated, 2 removed, 0 duplicate ids, 2 extracted, 5 in the index; 3 skipped (2 bad line, 1 binary); published gen-2 (1.5s)"},
		{summary{docs: 9, served: "gen-1", refused: true, skips: map[string]int{}},
			"indexer: 0 changed (0 new, 0 modified, 0 removed), 0 unchanged; articles: 0 added, 0 updated, 0 removed, 0 duplicate ids, 0 extracted, 9 in the index; 0 skipped; NOT published (sanity check), still serving gen-1 (0.0s)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("summary\n got %s\nwant %s", got, tt.want)
		}
	}
}

func TestJSONLog(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	write(t, filepath.Join(src, "a.txt"), story("Quay repairs delayed", "Gdynia", "storms damaged the quay"))
	write(t, filepath.Join(src, "b.txt"), "\x00binary")
	var stderr bytes.Buffer
	code := run([]string{"-log-format", "json", "-index", filepath.Join(dir, "index"), src}, nil, nil, &stderr)
	if code != exitSkipped {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	var last map[string]any
	for _, line := range lines {
		if err := json.Unmarshal([]byte(line), &last); err != nil {
			t.Fatalf("not a JSON record: %q", line)
		}
	}
	if last["msg"] != "summary" || last["added"] != 1.0 || last["skipped"] != 1.0 || !strings.HasPrefix(last["published"].(string), "gen-") {
		t.Errorf("summary record: %v", last)
	}
	for _, bad := range [][]string{{"-log-format", "xml"}, {"-max-loss", "1.5"}, {"-max-empty", "-1"}} {
		if code := run(append(bad, "-index", filepath.Join(dir, "index"), src), nil, nil, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}
