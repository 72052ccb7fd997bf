package bench_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/bench"
)

func TestReplicate(t *testing.T) {
	src := writeCorpus(t, 50)
	orig := readLines(t, src)
	tests := []struct {
		k, lines int
	}{{1, 50}, {3, 150}}
	for _, tt := range tests {
		dst := filepath.Join(t.TempDir(), "out.jsonl.gz")
		c, err := bench.Replicate(src, dst, tt.k)
		if err != nil {
			t.Fatalf("Replicate(k=%d): %v", tt.k, err)
		}
		got := readLines(t, dst)
		if c.Lines != tt.lines || len(got) != tt.lines {
			t.Fatalf("Replicate(k=%d) wrote %d lines (counted %d), want %d", tt.k, len(got), c.Lines, tt.lines)
		}
		if n, err := bench.Count(dst); err != nil || n.Bytes != c.Bytes {
			t.Errorf("Count = %d bytes, %v; Replicate said %d", n.Bytes, err, c.Bytes)
		}
		ids := map[string]bool{}
		for i, l := range got {
			if ids[l.ID] {
				t.Errorf("k=%d: id %q repeated", tt.k, l.ID)
			}
			ids[l.ID] = true
			checkCopy(t, orig[i%len(orig)], l, i/len(orig))
		}
	}
}

// checkCopy checks that copy r of an article differs as documented.
func checkCopy(t *testing.T, o, c testLine, r int) {
	t.Helper()
	want, _ := time.Parse(time.RFC3339, o.Date)
	got, _ := time.Parse(time.RFC3339, c.Date)
	if shift := got.Sub(want); shift != time.Duration(r)*bench.Shift {
		t.Errorf("copy %d of %s: date moved by %v", r, o.ID, shift)
	}
	if (c.Title == o.Title) != (r == 0) || len(c.Title) != len(o.Title) {
		t.Errorf("copy %d of %s: title %q from %q", r, o.ID, c.Title, o.Title)
	}
	if c.Body != o.Body || c.Places[0] != o.Places[0] {
		t.Errorf("copy %d of %s: body or places changed", r, o.ID)
	}
}

func TestReplicateRejectsBrokenLine(t *testing.T) {
	src := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(src, []byte("{\"id\":\"1\",\"title\":\"A B\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := bench.Replicate(src, filepath.Join(t.TempDir(), "o.gz"), 2); err == nil {
		t.Error("Replicate of a broken line: no error")
	}
}

func readLines(t *testing.T, path string) []testLine {
	t.Helper()
	var out []testLine
	err := bench.EachLine(path, func(b []byte) error {
		var l testLine
		err := json.Unmarshal(b, &l)
		out = append(out, l)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
