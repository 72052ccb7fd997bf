package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/newsindex"
)

// Bodies of the story tests: wire copy of a harbour story, a lightly
// edited copy of it, and a different story on the same topic.
const (
	wireBody = "Dockworkers at the port of Rijeka walked out on Monday morning over a plan to automate two container terminals, halting the loading of at least six ships, the union said.\n\n" +
		"The union's leader, Marko Bilic, told reporters the strike would last until the port authority agreed to guarantee jobs for the next five years, and that workers at two other ports were ready to join.\n\n" +
		"The port authority said the automation plan had been agreed with the government last year and that no worker would lose a job before 2028, calling the strike unnecessary."
	editedBody = "Dockworkers at the port of Rijeka walked out on Monday over a plan to automate two of its container terminals, halting the loading of at least six ships, the union said.\n\n" +
		"The port authority said the automation plan had been agreed with the government last year and that no worker would lose a job before 2028, calling the strike unnecessary.\n\n" +
		"The union's leader, Marko Bilic, told reporters the strike would last until the port authority agreed to guarantee jobs for the next five years, and that workers at two other ports were ready to join."
	otherBody = "The port of Rijeka reported record container traffic for the third quarter on Tuesday, with volumes up twelve percent on a year earlier thanks to new rail links to Hungary.\n\n" +
		"The port authority said it expected the rise to continue into next year and would open a tender for a third crane in the spring, while shipping lines asked for longer opening hours."
)

func storyLine(id, source, published, body string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "title": "Port " + id, "source": source, "published": published, "body": body})
	return string(b) + "\n"
}

func copyIDs(t *testing.T, ix *newsindex.Index, id string) []string {
	t.Helper()
	cs, err := ix.Copies(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cs {
		if c.First {
			ids = append(ids, "*"+c.ID)
		} else {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestStories(t *testing.T) {
	dir := t.TempDir()
	src, index := filepath.Join(dir, "feed.jsonl"), filepath.Join(dir, "index")
	for _, tc := range []struct {
		name  string
		lines []string
		args  []string
		id    string
		want  []string // copies of id, the first one starred
		story string   // StoryOf(id)
	}{
		{"copies grouped, first seen marked", []string{
			storyLine("wire", "Wire Service", "2026-03-02T08:00:00Z", wireBody),
			storyLine("daily", "The Daily", "2026-03-02T10:30:00Z", editedBody),
			storyLine("other", "The Daily", "2026-03-03T09:00:00Z", otherBody),
		}, nil, "daily", []string{"*wire", "daily"}, "wire"},
		{"a different story on the same topic stays alone", nil, nil, "other", nil, "other"},
		{"founder removed: the copy keeps the story id", []string{
			storyLine("daily", "The Daily", "2026-03-02T10:30:00Z", editedBody),
			storyLine("other", "The Daily", "2026-03-03T09:00:00Z", otherBody),
			storyLine("late", "Evening Post", "2026-03-02T18:00:00Z", wireBody),
		}, nil, "late", []string{"*daily", "late"}, "wire"},
		{"-no-stories", nil, []string{"-no-stories", "-full"}, "late", nil, "late"},
	} {
		if tc.lines != nil {
			write(t, src, strings.Join(tc.lines, ""))
		}
		args := append([]string{"-q", "-index", index}, tc.args...)
		if code := runIndex(append(args, src), io.Discard); code != exitOK {
			t.Fatalf("%s: exit %d", tc.name, code)
		}
		ix, err := newsindex.Open(index)
		if err != nil {
			t.Fatal(err)
		}
		if got := copyIDs(t, ix, tc.id); !slices.Equal(got, tc.want) {
			t.Errorf("%s: copies of %s %q, want %q", tc.name, tc.id, got, tc.want)
		}
		if got := ix.StoryOf(tc.id); got != tc.story {
			t.Errorf("%s: StoryOf(%s) = %q, want %q", tc.name, tc.id, got, tc.story)
		}
		ix.Close()
	}
	_ = os.Remove(src)
}
