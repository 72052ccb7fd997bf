package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/story"
	"github.com/newsfts/newsfts/internal/story/perturb"
)

// perturbedRecall prints, per kind of perturbation, the share of copies
// that landed in their original's story: of all originals, and of those
// with at least longBody shingles (short wire items are where copies are
// missed: a few edited words or boilerplate lines are a large share of
// them).
func perturbedRecall(s *story.Set, every int, arts []reuters) {
	const longBody = 50
	if every <= 0 {
		return
	}
	for j, k := range perturb.Kinds {
		var found, total, foundLong, totalLong int
		for i := 0; i < len(arts); i += every {
			id := fmt.Sprintf("%s~%d", arts[i].ID, j+1)
			ok := s.Story(id) == s.Story(arts[i].ID)
			long := s.Shingles(arts[i].ID) >= longBody
			total, found = total+1, found+b2i(ok)
			if long {
				totalLong, foundLong = totalLong+1, foundLong+b2i(ok)
			}
		}
		fmt.Printf("  %-12s copies grouped with their original: %d/%d (%.3f); bodies of %d+ shingles: %d/%d (%.3f)\n",
			k, found, total, float64(found)/float64(total), longBody, foundLong, totalLong, float64(foundLong)/float64(max(totalLong, 1)))
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// showMerged prints up to n stories that hold more than one original
// article, with the start of each body.
func showMerged(s *story.Set, label map[string]string, arts []reuters, n int) {
	body := map[string]string{}
	for _, a := range arts {
		body[a.ID] = a.Body
	}
	seen, merged := map[string]bool{}, 0
	for _, a := range arts {
		st := s.Story(a.ID)
		if seen[st] {
			continue
		}
		seen[st] = true
		var originals []string
		for _, m := range s.Members(st) {
			if !strings.Contains(m.ID, "~") {
				originals = append(originals, m.ID)
			}
		}
		if len(originals) < 2 {
			continue
		}
		merged++
		if merged <= n {
			fmt.Printf("story %s holds originals %v:\n", st, originals)
			for _, id := range originals[:min(len(originals), 3)] {
				fmt.Printf("    %s: %.110q\n", id, body[id])
			}
		}
	}
	fmt.Printf("stories holding more than one original article: %d\n", merged)
}

// showWorst prints the n stories that hold the most pairs of different
// labels, the bulk of the false positives.
func showWorst(s *story.Set, label map[string]string, arts []reuters, n int) {
	type bad struct {
		story     string
		pairs     int
		size      int
		originals []string
	}
	var worst []bad
	seen := map[string]bool{}
	for _, a := range arts {
		st := s.Story(a.ID)
		if seen[st] {
			continue
		}
		seen[st] = true
		ms := s.Members(st)
		byLabel := map[string]int{}
		var originals []string
		for _, m := range ms {
			byLabel[label[m.ID]]++
			if !strings.Contains(m.ID, "~") {
				originals = append(originals, m.ID)
			}
		}
		same := 0
		for _, k := range byLabel {
			same += k * (k - 1) / 2
		}
		if p := len(ms)*(len(ms)-1)/2 - same; p > 0 {
			worst = append(worst, bad{st, p, len(ms), originals})
		}
	}
	slices.SortFunc(worst, func(a, b bad) int { return b.pairs - a.pairs })
	body := map[string]string{}
	for _, a := range arts {
		body[a.ID] = a.Body
	}
	for _, w := range worst[:min(n, len(worst))] {
		fmt.Printf("story %s: %d members, %d pairs of different articles, originals %v: %.100q\n", w.story, w.size, w.pairs, w.originals, body[w.story])
	}
}

// samplePairs prints n pairs of original articles, chosen at random (with
// a fixed seed), that were grouped although their bodies differ: the ones
// to judge by eye, since the labels call them all false positives.
func samplePairs(s *story.Set, label map[string]string, arts []reuters, n int) {
	if n <= 0 {
		return
	}
	byID := map[string]reuters{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	var pairs [][2]string
	for _, a := range arts {
		st := s.Story(a.ID)
		if st == a.ID || strings.Contains(st, "~") || label[st] == label[a.ID] {
			continue
		}
		pairs = append(pairs, [2]string{st, a.ID})
	}
	rnd := rand.New(rand.NewPCG(9, 9))
	rnd.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	fmt.Printf("%d originals grouped with a different original; a sample:\n", len(pairs))
	for _, p := range pairs[:min(n, len(pairs))] {
		a, b := byID[p[0]], byID[p[1]]
		fmt.Printf("--- %s %s | %s\n    %.300q\n--- %s %s | %s\n    %.300q\n\n", a.ID, a.Date, a.Title, a.Body, b.ID, b.Date, b.Title, b.Body)
	}
}
