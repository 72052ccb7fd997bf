package main

// The bad-input corpus: testdata/bad holds the cases small enough to
// commit; the test makes the others in a temporary directory (a file over
// the size limit, HTML nested 100,000 deep, a symbolic link loop, a FIFO,
// a file nobody may read).

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/newsfts/newsfts/internal/newsindex"
)

const harbourProse = "The harbour board of Kelby voted on Tuesday to dredge the channel, which silt has narrowed since the floods. " +
	"The work starts in spring and should let the larger fishing boats back in, the harbour master, Ruth Anand, said."

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dst, 0o755)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dst, e.Name()), string(data))
	}
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// makeGenerated adds the cases that cannot be committed to dir and returns
// the skip reasons they must produce beside those of testdata/bad.
func makeGenerated(t *testing.T, dir string) []string {
	t.Helper()
	write(t, filepath.Join(dir, "over-limit.txt"), "Too long\n\n"+strings.Repeat(harbourProse+"\n\n", 3200))
	deep := strings.Repeat("<div>", 100000) + "<p>" + strings.Repeat("Nested forty fathoms deep, the story of the Kelby lighthouse keeper goes on. ", 4) + "</p>"
	write(t, filepath.Join(dir, "deep.html"), deep)
	if err := os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "up")); err != nil { // a directory loop: not followed
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	reasons := []string{"1 too large", "2 unreadable"}
	if os.Geteuid() != 0 { // root reads a mode 000 file anyway
		write(t, filepath.Join(dir, "secret.txt"), harbourProse)
		os.Chmod(filepath.Join(dir, "secret.txt"), 0)
		reasons[1] = "3 unreadable"
	}
	return reasons
}

func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	src, index := filepath.Join(dir, "news"), filepath.Join(dir, "index")
	os.MkdirAll(src, 0o755)
	write(t, filepath.Join(src, "harbour.txt"), "Channel to be dredged\n\n"+harbourProse+"\n")
	write(t, filepath.Join(src, "school.txt.gz"), gzipped(t, "School roof mended\n\nThe school in Kelby reopened its gym after the roof, torn by the gale in January, was mended over the holidays by parents and a local builder.\n"))
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-index", index, src}, nil, nil, &stderr); code != exitOK {
		t.Fatalf("good run: exit %d: %s", code, stderr.String())
	}

	// The bad corpus arrives in the same source, and a file already indexed
	// is truncated: both are skipped, the earlier articles stay.
	bad := filepath.Join(src, "incoming")
	copyDir(t, "testdata/bad", bad)
	reasons := makeGenerated(t, bad)
	school := gzipped(t, "never mind")
	write(t, filepath.Join(src, "school.txt.gz"), school[:len(school)/2])
	stderr.Reset()
	code := run([]string{"-max-bytes", "600000", "-index", index, src}, nil, nil, &stderr)
	log := stderr.String()
	if code != exitSkipped {
		t.Fatalf("bad run: exit %d, want %d: %s", code, exitSkipped, log)
	}
	for _, want := range append(reasons,
		"1 binary", "1 bad line", "2 bad gzip", "1 no article text", "published",
		"broken-line.jsonl:2", "over-limit.txt", "loop.txt", "fifo.txt", "truncated.txt.gz", "school.txt.gz") {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	checkDocs(t, "after the bad run", index, map[string]string{
		"harbour":                    "dredge",
		"school":                     "gale",
		"bad-jl-1":                   "librarian",
		"bad-jl-3":                   "stone bridge",
		"incoming-deep":              "lighthouse keeper",
		"incoming-invalid-utf8":      "harbour board",
		"incoming-utf16le":           "café in the town square",
		"incoming-utf16be":           "Osterby",
		"incoming-windows-1252":      "4 € for a loaf",
		"incoming-iso-8859-1":        "Rue Ménard",
		"incoming-windows-1252-dump": "12 € instead of 10 €",
	}, []string{"bad-jl-2", "incoming-empty", "incoming-binary", "incoming-over-limit", "incoming-truncated"})
	checkNoMojibake(t, index, []string{"incoming-windows-1252", "incoming-iso-8859-1", "incoming-windows-1252-dump", "incoming-utf16le"})
}

// checkNoMojibake checks that the articles' titles and bodies are valid
// UTF-8 free of the marks of a wrong decoding.
func checkNoMojibake(t *testing.T, index string, ids []string) {
	t.Helper()
	ix, err := newsindex.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, id := range ids {
		a, err := ix.Doc(context.Background(), id)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		text := a.Title + "\n" + a.Body
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\uFFFD\u0000") ||
			strings.Contains(text, "Ã") || strings.Contains(text, "â‚¬") {
			t.Errorf("%s: mojibake in %q", id, text)
		}
	}
}
