package article

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// collect reads paths and returns what was visited and skipped, by origin.
func collect(t *testing.T, r *Reader, paths ...string) (map[string]RawDoc, map[string]string) {
	t.Helper()
	docs, skips := map[string]RawDoc{}, map[string]string{}
	r.Visit = func(d RawDoc) { docs[d.Origin] = d }
	r.Skip = func(s Skip) { skips[s.Origin] = s.Err.Error() }
	r.Paths(paths)
	return docs, skips
}

func gz(t *testing.T, data string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(data))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReaderWalk(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a.txt":        []byte("Plain text article."),
		"b.html":       []byte("<html><body><p>Hello</p></body></html>"),
		"sub/c.htm.gz": gz(t, "<p>zipped page</p>"),
		"sub/d.txt.gz": gz(t, "zipped text"),
		"notes.md":     []byte("# not an input format: ignored in directories"),
		"e.jsonl":      []byte(`{"id":"x1","title":"T","body":"one"}` + "\n\n" + `{broken` + "\n" + `{"id":7,"text":"<p>two</p>","date":"2025-01-02"}` + "\n"),
		"bin.txt":      {0x7f, 'E', 'L', 'F', 0, 0, 1},
		"big.txt":      bytes.Repeat([]byte("a"), 300),
		"f.jsonl":      []byte(`{"title":"","body":""}`),
		"g.jsonl":      []byte(`{"id":{"x":1},"body":"b"}`),
	})
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	docs, skips := collect(t, &Reader{MaxBytes: 200}, dir)

	wantDocs := map[string]Format{
		"a.txt": Text, "b.html": HTML, "sub/c.htm.gz": HTML, "sub/d.txt.gz": Text,
		"e.jsonl:1": Text, "e.jsonl:4": HTML,
	}
	var got []string
	for origin, d := range docs {
		rel, _ := filepath.Rel(dir, origin)
		got = append(got, rel)
		if wantDocs[rel] != d.Format {
			t.Errorf("%s: format %q, want %q", rel, d.Format, wantDocs[rel])
		}
	}
	sort.Strings(got)
	if len(got) != len(wantDocs) {
		t.Errorf("visited %v, want %d documents", got, len(wantDocs))
	}
	wantSkips := map[string]string{
		"e.jsonl:3":    "not a JSON object",
		"bin.txt":      "binary",
		"big.txt":      "limit",
		"f.jsonl:1":    `no "body"`,
		"g.jsonl:1":    "id must be",
		"dangling.txt": "symbolic link",
	}
	for rel, want := range wantSkips {
		if msg, ok := skips[filepath.Join(dir, rel)]; !ok || !strings.Contains(msg, want) {
			t.Errorf("skip %s = %q, want it to mention %q", rel, msg, want)
		}
	}
	if len(skips) != len(wantSkips) {
		t.Errorf("skips = %v", skips)
	}
	if d := docs[filepath.Join(dir, "sub/c.htm.gz")]; string(d.Data) != "<p>zipped page</p>" {
		t.Errorf("gzip not decoded: %q", d.Data)
	}
	j := docs[filepath.Join(dir, "e.jsonl:4")]
	if j.Fields == nil || j.Fields.ID != "7" || j.Fields.Published != "2025-01-02" || string(j.Data) != "<p>two</p>" {
		t.Errorf("jsonl line 4 = %+v %+v", j, j.Fields)
	}
}

func TestReaderNamedFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"page.dat":  []byte("<!DOCTYPE html><html><body>x</body></html>"),
		"lines.out": gz(t, `{"id":"a","body":"b"}`),
		"dump":      []byte("Just words.\nMore words."),
	})
	docs, skips := collect(t, &Reader{},
		filepath.Join(dir, "page.dat"), filepath.Join(dir, "lines.out"), filepath.Join(dir, "dump"), filepath.Join(dir, "absent.txt"))
	if docs[filepath.Join(dir, "page.dat")].Format != HTML {
		t.Error("named file with HTML content not detected as HTML")
	}
	if d := docs[filepath.Join(dir, "lines.out:1")]; d.Fields == nil || d.Fields.ID != "a" {
		t.Errorf("gzipped JSON Lines without a telling name not read: %v", docs)
	}
	if docs[filepath.Join(dir, "dump")].Format != Text {
		t.Error("text not detected")
	}
	if _, ok := skips[filepath.Join(dir, "absent.txt")]; !ok {
		t.Error("missing file not reported")
	}
}

func TestReaderBadGzipAndStream(t *testing.T) {
	whole := gz(t, strings.Repeat("text ", 1000))
	r := &Reader{}
	var docs []RawDoc
	var skips []Skip
	r.Visit = func(d RawDoc) { docs = append(docs, d) }
	r.Skip = func(s Skip) { skips = append(skips, s) }
	r.Stream("-", bytes.NewReader(whole[:len(whole)/2]))
	if len(docs) != 0 || len(skips) != 1 || !strings.Contains(skips[0].Err.Error(), "EOF") {
		t.Errorf("truncated gzip: docs %d skips %v", len(docs), skips)
	}
	r.Format = HTML
	r.Stream("-", strings.NewReader("no markup at all"))
	if len(docs) != 1 || docs[0].Format != HTML || docs[0].Origin != "-" {
		t.Errorf("forced format: %+v", docs)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"\ufeff<!doctype html><p>x", HTML},
		{"  <div>x</div>", HTML},
		{`{"title":"x"}`, JSONL},
		{"Home > World > Story\n\nText.", Text},
		{"Prices < 5 and > 3", Text},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	a := Article{Body: "\n one \n\n\n two\nlines \n\n"}
	got := a.Paragraphs()
	if len(got) != 2 || got[0] != "one" || got[1] != "two\nlines" {
		t.Errorf("Paragraphs = %q", got)
	}
}

func TestIDs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/Isi-Hub.txt.gz", "text-isi-hub"},
		{"story.html", "story"},
		{"a/b.c.htm", "a-b-c"},
		{"Türkiye haberi.txt", "t-rkiye-haberi"},
		{"---.txt", "doc"},
		{"dump", "dump"},
	}
	for _, tt := range tests {
		if got := FileID(tt.in); got != tt.want {
			t.Errorf("FileID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := LineID("news.jsonl", 3); got != "news-3" {
		t.Errorf("LineID = %q", got)
	}
	long := FileID(strings.Repeat("word ", 40) + ".txt")
	if len(long) > maxIDLen || long == FileID(strings.Repeat("word ", 41)+".txt") {
		t.Errorf("long ids not bounded or not distinct: %q", long)
	}
}

func TestReaderIDs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"text/one.txt": []byte("x"),
		"n.jsonl":      []byte(`{"id":"given","body":"b"}` + "\n" + `{"body":"c"}`),
	})
	ids := map[string]bool{}
	r := &Reader{Visit: func(d RawDoc) { ids[d.ID] = true }}
	r.Paths([]string{dir, filepath.Join(dir, "text", "one.txt")})
	for _, want := range []string{"text-one", "one", "given", "n-2"} {
		if !ids[want] {
			t.Errorf("id %q missing from %v", want, ids)
		}
	}
}

func TestChanged(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"kept.txt":      []byte("Known text."),
		"new.txt":       []byte("New text."),
		"zipped.txt.gz": gz(t, "Zipped text."),
		"lines.jsonl":   []byte(`{"id":"l1","body":"One."}` + "\n"),
	})
	raw := func(name string) Sum {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	known := map[string]Sum{filepath.Join(dir, "kept.txt"): raw("kept.txt")}
	sums := map[string]Sum{}
	r := &Reader{Changed: func(path string, sum Sum) bool {
		sums[path] = sum
		return known[path] != sum
	}}
	docs, skips := collect(t, r, dir)
	if len(skips) != 0 {
		t.Errorf("skips: %v", skips)
	}
	tests := []struct {
		name string
		read bool // visited
	}{
		{"kept.txt", false},
		{"new.txt", true},
		{"zipped.txt.gz", true},
		{"lines.jsonl", true},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if sums[path] != raw(tt.name) {
			t.Errorf("%s: sum is not the SHA-256 of the stored bytes", tt.name)
		}
		_, visited := docs[path]
		if tt.name == "lines.jsonl" {
			_, visited = docs[path+":1"]
		}
		if visited != tt.read {
			t.Errorf("%s: visited = %v, want %v", tt.name, visited, tt.read)
		}
	}
	if d := docs[filepath.Join(dir, "zipped.txt.gz")]; string(d.Data) != "Zipped text." {
		t.Errorf("changed gzip file read as %q after hashing", d.Data)
	}
}

func TestStop(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte("A."), "b.txt": []byte("B."), "c.txt": []byte("C.")})
	opened := 0
	r := &Reader{
		Changed: func(string, Sum) bool { opened++; return true },
		Stop:    func() bool { return opened == 2 },
	}
	docs, _ := collect(t, r, dir)
	if opened != 2 || len(docs) != 2 {
		t.Errorf("Stop after two files: %d hashed, %d read", opened, len(docs))
	}
}
