package story

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/story/perturb"
)

// labelled reads testdata/stories.txt, different stories whose
// signatures tell them apart: label -> body.
func labelled(t *testing.T) map[string]string {
	t.Helper()
	out := readLabelled(t, "testdata/stories.txt")
	if len(out) < 8 {
		t.Fatalf("testdata/stories.txt: %d articles", len(out))
	}
	return out
}

// labelledAll is labelled with testdata/templated.txt: different stories
// from one template, which only the template guard tells apart.
func labelledAll(t *testing.T) map[string]string {
	t.Helper()
	out := labelled(t)
	maps.Copy(out, readLabelled(t, "testdata/templated.txt"))
	return out
}

// readLabelled reads a file of labelled articles: label -> body.
func readLabelled(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, part := range strings.Split(string(b), "\n## ")[1:] {
		label, body, _ := strings.Cut(part, "\n")
		out[label] = strings.TrimSpace(body)
	}
	return out
}

// copiesOf builds the labelled set: each base article and one copy per
// perturbation, published an hour apart by different outlets.
func copiesOf(bases map[string]string) ([]Member, map[string]string) {
	var ms []Member
	label := map[string]string{}
	t0 := time.Date(2025, 11, 30, 8, 0, 0, 0, time.UTC)
	labels := make([]string, 0, len(bases))
	for l := range bases {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	for i, l := range labels {
		bodies := []string{bases[l]}
		for j, k := range perturb.Kinds {
			bodies = append(bodies, perturb.Apply(bases[l], k, uint64(i*10+j)))
		}
		for j, body := range bodies {
			id := fmt.Sprintf("%s-%d", l, j)
			sig, n := Sign(body)
			ms = append(ms, Member{ID: id, Source: fmt.Sprintf("outlet%d", j), Published: t0.Add(time.Duration(j) * time.Hour),
				Sig: &sig, Shingles: n, Sketch: SketchArticle("", body, n)})
			label[id] = l
		}
	}
	return ms, label
}

func TestGroupingLabelled(t *testing.T) {
	ms, label := copiesOf(labelledAll(t))
	for _, th := range []float64{DefaultThreshold, DefaultThreshold - 0.2, DefaultThreshold + 0.2} {
		s := New(th)
		for _, m := range ms {
			s.Add(m)
		}
		s.Assign()
		sc := Evaluate(s, label)
		t.Logf("threshold %.2f: precision %.3f recall %.3f (%d stories for %d labels)", th, sc.Precision(), sc.Recall(), sc.Stories, sc.Labels)
		if th == DefaultThreshold && (sc.Precision() < 0.98 || sc.Recall() < 0.95) {
			t.Errorf("threshold %.2f: precision %.3f recall %.3f, want >= 0.98 and >= 0.95", th, sc.Precision(), sc.Recall())
		}
		if sc.FalsePos > 0 && th == DefaultThreshold {
			t.Errorf("different stories merged: %d pairs", sc.FalsePos)
		}
	}
}

// TestFounderIsEarliest checks that the story id is the earliest-published
// copy's id, whatever order the copies are added in.
func TestFounderIsEarliest(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	slices.Reverse(ms)
	s := New(DefaultThreshold)
	for _, m := range ms {
		s.Add(m)
	}
	s.Assign()
	for _, tc := range []struct{ id, want string }{
		{"bank-hike-3", "bank-hike-0"},
		{"flood-coast-5", "flood-coast-0"},
		{"intel-arrest-0", "intel-arrest-0"},
	} {
		if got := s.Story(tc.id); got != tc.want {
			t.Errorf("Story(%s) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

// TestMatchRules checks the rules beyond similarity: the window, and
// short bodies that must be equal, headline included.
func TestMatchRules(t *testing.T) {
	bases := labelled(t)
	long := bases["flood-valley"]
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	short := "Qtly div 25 cts vs 25 cts prior\n\nPay April 30\n\nRecord April 16"
	for _, tc := range []struct {
		name          string
		titleA, a     string
		titleB, b     string
		after         time.Duration // b published this long after a
		window        time.Duration
		wantSameStory bool
	}{
		{"copy a day later", "", long, "", long, 24 * time.Hour, DefaultWindow, true},
		{"copy two days later", "", long, "", long, 48 * time.Hour, DefaultWindow, true},
		{"copy ten days later", "", long, "", long, 240 * time.Hour, DefaultWindow, false},
		{"ten days later, no window", "", long, "", long, 240 * time.Hour, 0, true},
		{"short notices of two companies", "ACME SETS QUARTERLY", short, "ZENITH SETS QUARTERLY", short, time.Hour, DefaultWindow, false},
		{"short notice filed twice", "ACME SETS QUARTERLY", short, "ACME SETS QUARTERLY", short, time.Hour, DefaultWindow, true},
		{"short notice filed again 20 hours later", "ACME SETS QUARTERLY", short, "ACME SETS QUARTERLY", short, 20 * time.Hour, DefaultWindow, true},
		{"short notice two days later", "ACME SETS QUARTERLY", short, "ACME SETS QUARTERLY", short, 48 * time.Hour, DefaultWindow, false},
		{"short notice two days later, no window", "ACME SETS QUARTERLY", short, "ACME SETS QUARTERLY", short, 48 * time.Hour, 0, true},
		{"short notice, one figure changed", "ACME SETS QUARTERLY", short, "ACME SETS QUARTERLY", strings.Replace(short, "16", "17", 1), time.Hour, DefaultWindow, false},
	} {
		s := New(DefaultThreshold)
		s.Window = tc.window
		sa, na := SignArticle(tc.titleA, tc.a)
		sb, nb := SignArticle(tc.titleB, tc.b)
		s.Add(Member{ID: "a", Published: day, Sig: &sa, Shingles: na, Sketch: SketchArticle(tc.titleA, tc.a, na)})
		s.Add(Member{ID: "b", Published: day.Add(tc.after), Sig: &sb, Shingles: nb, Sketch: SketchArticle(tc.titleB, tc.b, nb)})
		s.Assign()
		if got := s.Story("b") == s.Story("a"); got != tc.wantSameStory {
			t.Errorf("%s: same story %v, want %v", tc.name, got, tc.wantSameStory)
		}
	}
}
