package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// seedsDir is the sample corpus at the top of the repository.
const seedsDir = "../../seeds"

// golden is the reviewed form of a Result.
type golden struct {
	Title      string            `json:"title"`
	Byline     string            `json:"byline"`
	Source     string            `json:"source"`
	Section    string            `json:"section"`
	URL        string            `json:"url"`
	Published  string            `json:"published,omitempty"`
	From       map[string]string `json:"from"`
	Paragraphs []string          `json:"paragraphs"`
}

func toGolden(r *Result) golden {
	g := golden{Title: r.Title, Byline: r.Byline, Source: r.Source, Section: r.Section, URL: r.URL,
		From: r.From, Paragraphs: r.Paragraphs}
	if !r.Published.IsZero() {
		g.Published = r.Published.Format(time.RFC3339)
	}
	return g
}

// TestGoldenSeeds cleans every text and HTML page of the sample corpus and
// compares the result with testdata/golden/NAME.json. Run
// `go test ./internal/extract -run Golden -update` to rewrite them after a
// deliberate change, and review the diff.
func TestGoldenSeeds(t *testing.T) {
	var files []string
	for _, dir := range []string{"text", "html"} {
		m, err := filepath.Glob(filepath.Join(seedsDir, dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no sample pages under %s", seedsDir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			got := cleanSeed(t, f)
			data, err := json.MarshalIndent(toGolden(got), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".gz")+".json")
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(data, want) {
				t.Errorf("%s differs from %s; got:\n%s", name, path, data)
			}
		})
	}
}

// readFile returns a file's bytes or fails the test.
func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func cleanSeed(t *testing.T, path string) *Result {
	t.Helper()
	data := readFile(t, path)
	name := path
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		name = strings.TrimSuffix(path, ".gz")
	}
	if strings.HasSuffix(name, ".html") {
		return HTML(data)
	}
	return Text(data)
}

// TestSeedsNeverLeak checks, over the whole sample corpus, the promises
// the seeds README makes: no boilerplate and no teaser reaches a body.
func TestSeedsNeverLeak(t *testing.T) {
	forbidden := []string{"Jokić", "Nuggets", "NBA", "Subscribe", "unlock", "Copyright", "©", "Most Popular",
		"Last Updated", "Previous Article", "Next Article", "No time to read", "Get a summary", "Home >",
		"cookie", "Advertisement"}
	for _, dir := range []string{"text", "html"} {
		files, _ := filepath.Glob(filepath.Join(seedsDir, dir, "*"))
		for _, f := range files {
			r := cleanSeed(t, f)
			body := r.Body()
			if len(r.Paragraphs) < 3 {
				t.Errorf("%s: only %d paragraphs", f, len(r.Paragraphs))
			}
			for _, s := range forbidden {
				if strings.Contains(strings.ToLower(body), strings.ToLower(s)) {
					t.Errorf("%s: body has %q", f, s)
				}
			}
			if r.Title != "" && strings.Contains(body, r.Title) {
				t.Errorf("%s: body repeats the title %q", f, r.Title)
			}
		}
	}
}
