package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/story"
)

// pair is two originals that grouping put in one story though their
// labels differ, A the earlier-filed id of the two.
type pair struct{ A, B string }

// falsePairs returns every pair of originals that s put in one story and
// label calls different stories, sorted.
func falsePairs(s *story.Set, label map[string]string, arts []reuters) []pair {
	var out []pair
	eachStory(s, arts, func(_ string, members []story.Member) {
		originals := originalsOf(members)
		for i, x := range originals {
			for _, y := range originals[i+1:] {
				if label[x] != label[y] {
					out = append(out, newPair(x, y))
				}
			}
		}
	})
	slices.SortFunc(out, func(a, b pair) int { return strings.Compare(a.A+" "+a.B, b.A+" "+b.B) })
	return out
}

// newPair orders two Reuters ids numerically.
func newPair(x, y string) pair {
	if len(x) > len(y) || len(x) == len(y) && x > y {
		x, y = y, x
	}
	return pair{x, y}
}

// writePairs writes pairs to path, one "idA idB" line each, and with
// text also the start of both articles, to judge by eye (that file holds
// Reuters text: keep it out of the repository).
func writePairs(path string, pairs []pair, arts []reuters, s *story.Set, text bool) error {
	byID := map[string]reuters{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("false pairs: %w", err)
	}
	w := bufio.NewWriter(f)
	for _, p := range pairs {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\n", p.A, p.B, s.Shingles(p.A), s.Shingles(p.B))
		if text {
			a, b := byID[p.A], byID[p.B]
			fmt.Fprintf(w, "  A %s | %s\n    %.400q\n  B %s | %s\n    %.400q\n", a.Date, a.Title, a.Body, b.Date, b.Title, b.Body)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("false pairs: %w", err)
	}
	return f.Close()
}

// eachStory calls f once for each story of the articles in arts, in the
// order of its first article there, with the story's members.
func eachStory(s *story.Set, arts []reuters, f func(story string, members []story.Member)) {
	seen := map[string]bool{}
	for _, a := range arts {
		if st := s.Story(a.ID); !seen[st] {
			seen[st] = true
			f(st, s.Members(st))
		}
	}
}

// originalsOf returns the ids of the Reuters originals among members (a
// perturbed copy's id holds "~").
func originalsOf(members []story.Member) []string {
	var ids []string
	for _, m := range members {
		if !strings.Contains(m.ID, "~") {
			ids = append(ids, m.ID)
		}
	}
	return ids
}
