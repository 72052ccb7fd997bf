package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/search"
)

// story is a short article in the shape of a scraped text dump: a
// navigation line, a headline, a byline, prose, and a footer.
func story(title, place, detail string) string {
	return "Home | World | Business | Opinion\n" + title + "\nBy Dana Whitlock\n" +
		"Officials in " + place + " said on Tuesday that the harbour authority would review its plans after " + detail + ".\n" +
		"The review, expected to take several weeks, follows complaints from shipping firms about delays at the port.\n" +
		"A spokesperson for the authority declined to say whether fees would change before the end of the year.\n" +
		"Share this article\n© 2026 Example Media. All rights reserved.\n"
}

func jsonLine(id, detail string) string {
	return `{"id":"` + id + `","title":"Port review ` + id + `","body":"Officials in Valletta said the harbour board met on Monday after ` + detail + `. The board will publish its findings next month, a spokesperson said."}`
}

// step is one run of the indexer over the source directory, after edit.
type step struct {
	name    string
	edit    func(t *testing.T, src string)
	args    []string // extra flags
	code    int
	summary []string          // substrings of the summary line
	present map[string]string // id -> a word its body must hold
	absent  []string          // ids that must not be found
	publish bool              // whether CURRENT must change
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIncremental(t *testing.T) {
	dir := t.TempDir()
	src, index := filepath.Join(dir, "src"), filepath.Join(dir, "index")
	os.MkdirAll(src, 0o755)
	steps := []step{{
		name: "first run",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(src, "alpha.txt"), story("Harbour fees under review", "Gdansk", "a crane collapsed"))
			write(t, filepath.Join(src, "beta.txt"), story("Ferry timetable questioned", "Piraeus", "ferries ran late all summer"))
			write(t, filepath.Join(src, "feed.jsonl"), jsonLine("c-1", "a tanker ran aground")+"\n"+jsonLine("c-2", "dredging stopped")+"\n")
		},
		code:    exitOK,
		summary: []string{"3 changed (3 new, 0 modified, 0 removed), 0 unchanged", "4 added", "4 extracted", "4 in the index"},
		present: map[string]string{"alpha": "crane", "beta": "ferries", "c-1": "tanker", "c-2": "dredging"},
		publish: true,
	}, {
		name:    "nothing changed: no extraction, no publish",
		edit:    func(*testing.T, string) {},
		code:    exitOK,
		summary: []string{"0 changed", "3 unchanged", "0 extracted", "4 in the index", "nothing to publish"},
		present: map[string]string{"alpha": "crane"},
	}, {
		name: "change one, remove one, add one",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(src, "beta.txt"), story("Ferry timetable questioned", "Piraeus", "a strike halted the hydrofoils"))
			os.Remove(filepath.Join(src, "alpha.txt"))
			write(t, filepath.Join(src, "sub", "gamma.txt"), story("Lighthouse to close", "Split", "the lamp failed twice"))
		},
		code:    exitOK,
		summary: []string{"3 changed (1 new, 1 modified, 1 removed), 1 unchanged", "1 added, 1 updated, 1 removed", "2 extracted", "4 in the index"},
		present: map[string]string{"beta": "hydrofoils", "sub-gamma": "lamp", "c-1": "tanker"},
		absent:  []string{"alpha"},
		publish: true,
	}, {
		name: "a line breaks: its article stays",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(src, "feed.jsonl"), jsonLine("c-1", "a tanker ran aground twice")+"\n{broken\n")
		},
		code:    exitSkipped,
		summary: []string{"1 changed (0 new, 1 modified, 0 removed)", "1 updated", "1 skipped (1 bad line)", "4 in the index"},
		present: map[string]string{"c-1": "twice", "c-2": "dredging"},
		publish: true,
	}, {
		name: "a file turns binary: its article stays",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(src, "beta.txt"), "\x00\x01\x02 not text")
		},
		code:    exitSkipped,
		summary: []string{"1 changed (0 new, 1 modified, 0 removed)", "1 skipped (1 binary)", "4 in the index"},
		present: map[string]string{"beta": "hydrofoils"},
		publish: true,
	}, {
		name: "the line is fixed: the article it lost goes",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(src, "feed.jsonl"), jsonLine("c-1", "a tanker ran aground twice")+"\n")
		},
		code:    exitOK,
		summary: []string{"1 changed (0 new, 1 modified, 0 removed)", "1 updated, 1 removed", "3 in the index"},
		absent:  []string{"c-2"},
		publish: true,
	}, {
		name:    "-full reads everything again",
		edit:    func(*testing.T, string) {},
		args:    []string{"-full"},
		code:    exitSkipped, // beta.txt is still binary
		summary: []string{"3 changed (3 new", "2 extracted", "1 skipped (1 binary)", "2 in the index"},
		absent:  []string{"beta"},
		publish: true,
	}, {
		name: "another alias file: every input is read again",
		edit: func(t *testing.T, src string) {
			write(t, filepath.Join(filepath.Dir(src), "aliases.txt"), "place | Split | Spalato\n")
		},
		args:    []string{"-aliases", filepath.Join(dir, "aliases.txt")},
		code:    exitSkipped,
		summary: []string{"3 changed (0 new, 3 modified, 0 removed)", "2 extracted", "2 in the index"},
		present: map[string]string{"sub-gamma": "lamp"},
		publish: true,
	}, {
		name:    "the same alias file again: nothing to do",
		edit:    func(*testing.T, string) {},
		args:    []string{"-aliases", filepath.Join(dir, "aliases.txt")},
		code:    exitOK,
		summary: []string{"0 changed", "0 extracted"},
	}}
	for _, st := range steps {
		st.edit(t, src)
		os.MkdirAll(filepath.Join(src, "sub"), 0o755)
		before, _ := os.ReadFile(filepath.Join(index, "CURRENT"))
		var stderr bytes.Buffer
		code := run(append(append([]string{"-q", "-index", index}, st.args...), src), nil, nil, &stderr)
		out := stderr.String()
		if code != st.code {
			t.Errorf("%s: exit %d, want %d: %s", st.name, code, st.code, out)
		}
		for _, want := range st.summary {
			if !strings.Contains(out, want) {
				t.Errorf("%s: summary lacks %q: %s", st.name, want, out)
			}
		}
		after, _ := os.ReadFile(filepath.Join(index, "CURRENT"))
		if published := !bytes.Equal(before, after); published != st.publish {
			t.Errorf("%s: published = %v, want %v", st.name, published, st.publish)
		}
		checkDocs(t, st.name, index, st.present, st.absent)
	}
}

// checkDocs checks which articles the served index holds.
func checkDocs(t *testing.T, name, index string, present map[string]string, absent []string) {
	t.Helper()
	ix, err := newsindex.Open(index)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer ix.Close()
	for id, word := range present {
		a, err := ix.Doc(context.Background(), id)
		if err != nil {
			t.Errorf("%s: article %s: %v", name, id, err)
		} else if !strings.Contains(a.Body, word) {
			t.Errorf("%s: article %s lacks %q: %q", name, id, word, a.Body)
		}
	}
	for _, id := range absent {
		if _, err := ix.Doc(context.Background(), id); !errors.Is(err, search.ErrNotFound) {
			t.Errorf("%s: article %s: %v, want not found", name, id, err)
		}
	}
}
