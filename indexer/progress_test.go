package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total int64
		want        string
	}{
		{50, 100, "indexer: 50/100 inputs, "},
		{50, -1, "indexer: 50 inputs, "}, // total not counted yet: no ETA
		{0, 100, "indexer: 0 inputs, 0/s"},
	}
	for _, tt := range tests {
		p := &progress{done: func() int64 { return tt.done }, start: time.Now().Add(-10 * time.Second)}
		p.total.Store(tt.total)
		got := p.line()
		if !strings.HasPrefix(got, tt.want) || (tt.total > tt.done && tt.done > 0) != strings.Contains(got, "ETA") {
			t.Errorf("line(%d of %d) = %q, want %q...", tt.done, tt.total, got, tt.want)
		}
	}
	p := &progress{done: func() int64 { return 50 }, start: time.Now().Add(-10 * time.Second)}
	p.total.Store(100)
	if got := p.line(); !strings.Contains(got, "5/s, ETA 10s") {
		t.Errorf("50 of 100 in 10s: %q, want 5/s and 10s left", got)
	}
}

func TestConsoleClearsProgress(t *testing.T) {
	var buf bytes.Buffer
	c := &console{w: &buf, tty: true}
	c.draw("indexer: 1/2 inputs")
	c.Write([]byte("level=WARN msg=skipped\n"))
	c.Write([]byte("second\n"))
	want := "\r\033[Kindexer: 1/2 inputs\r\033[Klevel=WARN msg=skipped\nsecond\n"
	if buf.String() != want {
		t.Errorf("console wrote %q, want %q", buf.String(), want)
	}
	if newConsole(&buf).tty {
		t.Error("a buffer is not a terminal")
	}
	if finish := startProgress(newConsole(&buf), nil, nil); finish == nil {
		t.Error("startProgress returned no finish")
	}
}

func TestCountInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.html.gz", "c.jsonl", "notes.md", "sub/d.txt"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	if n := countInputs([]string{dir, filepath.Join(dir, "notes.md")}); n != 5 {
		t.Errorf("countInputs = %d, want 5 (4 in the walk, 1 named)", n)
	}
}
