package baseline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// writeLines writes n small wire items as JSON Lines.
func writeLines(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"%d","title":"MILL %d CUTS OUTPUT","date":"1987-04-0%dT10:00:00Z","body":"The mill said output fell.\n Reuter","places":["canada"],"people":[],"orgs":[],"topics":["%s"]}`+"\n",
			i+1, i, 1+i%9, []string{"tin", "zinc"}[i%2])
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBuild(t *testing.T) {
	src := writeLines(t, 30)
	for _, o := range []Options{{}, {Batch: 7}, {Batch: 7, Lean: true, Unsafe: true}, {Batch: 7, Offline: true}, {Lean: true, Offline: true}} {
		dir := filepath.Join(t.TempDir(), "idx")
		if n, err := Build(src, dir, o); n != 30 || err != nil {
			t.Errorf("Build(%+v) = %d, %v; want 30", o, n, err)
			continue
		}
		idx, err := bleve.Open(dir)
		if err != nil {
			t.Fatalf("Build(%+v): open: %v", o, err)
		}
		q := bleve.NewTermQuery("zinc")
		q.SetField("topics")
		res, err := idx.Search(bleve.NewSearchRequest(q))
		count, _ := idx.DocCount()
		idx.Close()
		if err != nil || count != 30 || res.Total != 15 {
			t.Errorf("Build(%+v): %d documents, %d with topic zinc (%v); want 30 and 15", o, count, res.Total, err)
		}
	}
}

func TestBuildRejectsBadCorpus(t *testing.T) {
	for _, text := range []string{"{\"title\":\"no id\"}\n", "{\"id\":\"1\"}\nnot json\n"} {
		src := filepath.Join(t.TempDir(), "bad.jsonl")
		os.WriteFile(src, []byte(text), 0o644)
		if _, err := Build(src, filepath.Join(t.TempDir(), "idx"), Options{}); err == nil {
			t.Errorf("Build of %q: no error", text)
		}
	}
}
