package newsindex

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// TestOddArticles indexes articles that real scrapes produce now and then.
func TestOddArticles(t *testing.T) {
	huge := strings.Repeat("word ", maxFieldBytes/5+1000) + "needle"
	arts := []*article.Article{
		{ID: "early", Title: "Dated before 1677", Published: time.Date(1500, 1, 2, 0, 0, 0, 0, time.UTC), Body: "An archive page."},
		{ID: "late", Title: "Dated after 2262", Published: time.Date(3000, 1, 2, 0, 0, 0, 0, time.UTC), Body: "A typo in a year."},
		{ID: "bad-utf8", Title: "Broken \xff\xfe bytes", Body: "Text with \xc3\x28 invalid \xa0 bytes and a match."},
		{ID: "empty", Title: "", Body: ""},
		{ID: "huge", Title: "Huge body", Body: huge},
		{ID: "markup", Title: "<b>Bold</b> & co", Body: "Tags <i>stay</i> text & ampersands too, match."},
	}
	ix, err := Open(publishCorpus(t, arts))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name string
		req  search.Request
		want int
	}{
		{"all", search.Request{}, len(arts)},
		{"in the bad bytes", search.Request{Query: q(word("match"))}, 2},
		{"cut off the huge body", search.Request{Query: q(word("needle"))}, 0},
		{"newest", search.Request{Sort: search.Newest}, len(arts)},
		{"dated range", search.Request{From: time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Size = 20
			resp := mustSearch(t, ix, &tt.req)
			if len(resp.Hits) != tt.want {
				t.Errorf("%d hits %v, want %d", len(resp.Hits), ids(resp), tt.want)
			}
			for _, h := range resp.Hits {
				if strings.Contains(h.Snippet, "<i>") || strings.Contains(h.Snippet, "\xff") {
					t.Errorf("%s: unescaped snippet %q", h.ID, h.Snippet)
				}
			}
		})
	}
	for _, a := range arts {
		got, err := ix.Doc(t.Context(), a.ID)
		if err != nil {
			t.Fatalf("Doc(%s): %v", a.ID, err)
		}
		if !got.Published.Equal(a.Published) {
			t.Errorf("Doc(%s).Published = %v, want %v", a.ID, got.Published, a.Published)
		}
	}
}

// TestTwoProcesses checks, with real processes, that two readers can open
// one generation at once and that a builder publishes while they do.
func TestTwoProcesses(t *testing.T) {
	if root := os.Getenv("NEWSINDEX_CHILD_ROOT"); root != "" {
		childProcess(t, root)
		return
	}
	root := publishCorpus(t, corpus()[:3])
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, mode := range []string{"read", "build"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$")
		cmd.Env = append(os.Environ(), "NEWSINDEX_CHILD_ROOT="+root, "NEWSINDEX_CHILD_MODE="+mode)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("child %s: %v\n%s", mode, err, out)
		}
	}
	if swapped, err := ix.Reload(); !swapped || err != nil {
		t.Fatalf("Reload after the child's publish = %v, %v", swapped, err)
	}
	if got := ix.Stats().Docs; got != 8 {
		t.Errorf("docs after reload %d, want 8", got)
	}
}

func childProcess(t *testing.T, root string) {
	if os.Getenv("NEWSINDEX_CHILD_MODE") == "build" {
		publish(t, root, corpus())
		return
	}
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if resp := mustSearch(t, ix, &search.Request{}); resp.Total != 3 {
		t.Fatalf("child reader: total %d, want 3", resp.Total)
	}
}
