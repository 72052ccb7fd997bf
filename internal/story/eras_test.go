package story

import (
	"fmt"
	"testing"
	"time"
)

// TestErasKeepWindow checks that cutting the index into eras changes
// nothing about which articles are copies: a copy within the Window is
// found wherever the two fall around an era's edge, before 1970 too, one
// outside it is not, and undated articles still join dated stories and
// the other way round.
func TestErasKeepWindow(t *testing.T) {
	body := labelled(t)["flood-valley"]
	sig, n := SignArticle("", body)
	const w = DefaultWindow
	for _, base := range []time.Time{time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(1960, 7, 4, 0, 0, 0, 0, time.UTC)} {
		for step := range 30 { // 30 starts 5h apart cover several eras of 2w
			a := base.Add(time.Duration(step) * 5 * time.Hour)
			for _, d := range []time.Duration{0, time.Second, w - time.Second, w, -w, w + time.Second, -w - time.Second, 3 * w} {
				s := New(DefaultThreshold)
				s.Add(Member{ID: "a", Published: a, Sig: &sig, Shingles: n})
				s.Assign() // a is filed before b looks it up, in either order of time
				s.Add(Member{ID: "b", Published: a.Add(d), Sig: &sig, Shingles: n})
				s.Assign()
				want := -w <= d && d <= w
				if got := s.Story("b") == "a"; got != want {
					t.Fatalf("a at %v, b %v later: copy %v, want %v", a, d, got, want)
				}
			}
		}
	}
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		a, b   time.Time
		window time.Duration
	}{
		{"undated copy of a dated story", day, time.Time{}, w},
		{"dated copy of an undated story", time.Time{}, day, w},
		{"both undated", time.Time{}, time.Time{}, w},
		{"undated, no window", day, time.Time{}, 0},
	} {
		s := New(DefaultThreshold)
		s.Window = tc.window
		s.Add(Member{ID: "a", Published: tc.a, Sig: &sig, Shingles: n})
		s.Assign()
		s.Add(Member{ID: "other", Published: day, Sig: signOf("a different text about budgets and taxes and the price of bread in the capital city this week"), Shingles: n})
		s.Add(Member{ID: "b", Published: tc.b, Sig: &sig, Shingles: n})
		s.Assign()
		if s.Story("b") != "a" || s.Story("other") != "other" {
			t.Errorf("%s: stories of b and other %q, %q; want a, other", tc.name, s.Story("b"), s.Story("other"))
		}
	}
}

// TestErasWindowChanged checks that a Set whose Window changes after
// stories were filed cuts its eras again: a copy 20 days after its story
// is found once the Window is 30 days.
func TestErasWindowChanged(t *testing.T) {
	body := labelled(t)["flood-valley"]
	sig, n := SignArticle("", body)
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s := New(DefaultThreshold)
	for i := range 50 { // the same text every 40 days: a story each
		s.Add(Member{ID: fmt.Sprint("y", i), Published: day.Add(time.Duration(i) * 960 * time.Hour), Sig: &sig, Shingles: n})
	}
	s.Assign()
	s.Window = 30 * 24 * time.Hour
	s.Add(Member{ID: "late", Published: day.Add(20 * 24 * time.Hour), Sig: &sig, Shingles: n})
	s.Assign()
	if got := s.Story("late"); got != "y0" {
		t.Errorf("copy 20 days after y0 with a 30-day window: story %q, want y0", got)
	}
	if s.Stories() != 50 {
		t.Errorf("%d stories, want 50", s.Stories())
	}
}
