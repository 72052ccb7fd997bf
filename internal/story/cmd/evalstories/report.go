package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/newsfts/newsfts/internal/story"
	"github.com/newsfts/newsfts/internal/story/perturb"
)

// bands are the length bands the recall table splits originals into, by
// shingles: below story.MinShingles, below story.SketchShingles (judged by
// sketches), the rest (judged by signatures).
var bands = []struct {
	name     string
	from, to int
}{{"<30", 0, story.MinShingles}, {"30-99", story.MinShingles, story.SketchShingles}, {"100+", story.SketchShingles, 1 << 30}}

// perturbedRecall prints, per kind of perturbation and per length band of
// the original, the share of copies that landed in their original's story.
func perturbedRecall(s *story.Set, every int, arts []reuters) {
	if every <= 0 {
		return
	}
	fmt.Printf("  %-12s %-16s", "copies found", "all")
	for _, b := range bands {
		fmt.Printf(" %-16s", b.name+" shingles")
	}
	fmt.Println()
	for j, k := range perturb.Kinds {
		found, total := make([]int, len(bands)+1), make([]int, len(bands)+1)
		for i := 0; i < len(arts); i += every {
			ok := s.Story(fmt.Sprintf("%s~%d", arts[i].ID, j+1)) == s.Story(arts[i].ID)
			n := s.Shingles(arts[i].ID)
			for bi, b := range bands {
				if b.from <= n && n < b.to {
					total[bi+1], found[bi+1] = total[bi+1]+1, found[bi+1]+b2i(ok)
				}
			}
			total[0], found[0] = total[0]+1, found[0]+b2i(ok)
		}
		fmt.Printf("  %-12s", k)
		for i := range found {
			fmt.Printf(" %5d/%-5d %.3f", found[i], total[i], float64(found[i])/float64(max(total[i], 1)))
		}
		fmt.Println()
	}
}

// copyPrecision scores the grouping of the copies alone: each copy's true
// story is the story its original was put in, so that merges of two
// Reuters originals, which the exact labels count against precision
// though most are Reuters' own re-filings (see -sample), do not count.
func copyPrecision(s *story.Set, label map[string]string) story.Score {
	byOriginal := map[string]string{}
	for id := range label {
		if orig, _, ok := strings.Cut(id, "~"); ok {
			byOriginal[id] = s.Story(orig)
		} else {
			byOriginal[id] = s.Story(id)
		}
	}
	return story.Evaluate(s, byOriginal)
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
	merged := 0
	eachStory(s, arts, func(st string, members []story.Member) {
		originals := originalsOf(members)
		if len(originals) < 2 {
			return
		}
		merged++
		if merged <= n {
			fmt.Printf("story %s holds originals %v:\n", st, originals)
			for _, id := range originals[:min(len(originals), 3)] {
				fmt.Printf("    %s: %.110q\n", id, body[id])
			}
		}
	})
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
	eachStory(s, arts, func(st string, ms []story.Member) {
		byLabel := map[string]int{}
		for _, m := range ms {
			byLabel[label[m.ID]]++
		}
		same := 0
		for _, k := range byLabel {
			same += k * (k - 1) / 2
		}
		if p := len(ms)*(len(ms)-1)/2 - same; p > 0 {
			worst = append(worst, bad{st, p, len(ms), originalsOf(ms)})
		}
	})
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
