package main

// The incremental benchmark: `make bench-incremental` (not part of make
// test; it needs the Reuters-21578 corpus outside the repository). It
// splits the corpus into one JSON Lines file per article, builds the index
// from nothing, re-runs over unchanged files, then changes 1% of the files
// and re-runs, and reports the three times. The change run must take at
// most a tenth of the full build.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBenchIncremental(t *testing.T) {
	corpus := os.Getenv("NEWSFTS_BENCH_CORPUS")
	if corpus == "" {
		t.Skip("set NEWSFTS_BENCH_CORPUS to reuters21578.jsonl.gz (make bench-incremental)")
	}
	dir := t.TempDir()
	src, index := filepath.Join(dir, "src"), filepath.Join(dir, "index")
	files := splitCorpus(t, corpus, src)
	timed := func(name string, want string) time.Duration {
		var stderr bytes.Buffer
		start := time.Now()
		code := run([]string{"-q", "-index", index, src}, nil, nil, &stderr)
		took := time.Since(start)
		summary := lastLine(stderr.String())
		t.Logf("%-12s %8.2fs  %s", name, took.Seconds(), summary)
		if code > exitSkipped || !strings.Contains(summary, want) {
			t.Fatalf("%s: exit %d: %s", name, code, stderr.String())
		}
		return took
	}
	full := timed("full build", "published")
	none := timed("no change", "0 changed")
	changed := files[:len(files)/100]
	for _, f := range changed {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Replace(b, []byte(`"body":"`), []byte(`"body":"Revised by the desk on Friday. `), 1)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	one := timed("1% changed", fmt.Sprintf("%d changed", len(changed)))
	t.Logf("%d files; 1%% changed: %.1f%% of the full build; no change: %.1f%%",
		len(files), 100*one.Seconds()/full.Seconds(), 100*none.Seconds()/full.Seconds())
	if one > full/10 {
		t.Errorf("re-indexing 1%% took %v, over a tenth of the full build (%v)", one, full)
	}
}

// splitCorpus writes each line of the gzipped JSON Lines corpus to its own
// file under src, 500 files a directory, and returns their paths.
func splitCorpus(t *testing.T, corpus, src string) []string {
	t.Helper()
	f, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 16<<20)
	var files []string
	for n := 0; sc.Scan(); n++ {
		sub := filepath.Join(src, fmt.Sprintf("%03d", n/500))
		if n%500 == 0 {
			os.MkdirAll(sub, 0o755)
		}
		path := filepath.Join(sub, fmt.Sprintf("%05d.jsonl", n))
		if err := os.WriteFile(path, append(sc.Bytes(), '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return files
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
