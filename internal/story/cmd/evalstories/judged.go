package main

import (
	_ "embed"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/newsfts/newsfts/internal/story"
)

// Judged labels.
//
// Neither automatic labelling knows whether two different Reuters
// originals that grouping merged are one story filed twice (a repeat, a
// correction, an update, a rewrite) or two stories from one template (two
// issuers' eurobonds, two markets' hog reports, a price table at two times
// of day). judged.tsv records verdicts given by eye: one line per pair of
// originals, "idA idB same" or "idA idB different", ids and verdicts only
// (no Reuters text). Its first 100 pairs were drawn at random (judgeSeed)
// from the pairs that one grouping merged against their exact labels; the
// rest are every other pair that a later grouping merged, so that for it
// precision is measured, not estimated. -judge prints the merged pairs
// that have no verdict yet.

//go:embed judged.tsv
var judgedTSV string

// judgeSeed seeds the draw of pairs to judge.
const judgeSeed = 21578

// verdicts reads judged.tsv: pair -> whether it is one story.
func verdicts() (map[pair]bool, error) {
	out := map[pair]bool{}
	for i, line := range strings.Split(judgedTSV, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) != 3 || f[2] != "same" && f[2] != "different" {
			return nil, fmt.Errorf("judged.tsv:%d: want \"idA idB same|different\", got %q", i+1, line)
		}
		out[newPair(f[0], f[1])] = f[2] == "same"
	}
	return out, nil
}

// drawn returns the false pairs in the order they are drawn to be judged.
func drawn(pairs []pair) []pair {
	out := append([]pair(nil), pairs...)
	rnd := rand.New(rand.NewPCG(judgeSeed, judgeSeed))
	rnd.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// judgedPrecision prints the precision with judged labels, over pairs of
// originals and over all pairs of articles as Evaluate counts them, where
// a merged pair of originals stands for as many pairs as its two families
// (each original and its copies in the story) make. Merged pairs without
// a verdict make a range: counted different, then same; and an estimate
// from the judged share with its 95% Wilson interval.
func judgedPrecision(s *story.Set, label map[string]string, arts []reuters, v map[pair]bool) {
	all, right := originalPairs(s, label, arts)
	family := families(s, label)
	var n, judged, same int
	var wAll, wJudged, wSame float64
	for _, p := range falsePairs(s, label, arts) {
		w := float64(family[p.A] * family[p.B])
		n, wAll = n+1, wAll+w
		if one, ok := v[p]; ok {
			judged, wJudged = judged+1, wJudged+w
			if one {
				same, wSame = same+1, wSame+w
			}
		}
	}
	lo, hi := wilson(same, judged)
	open := float64(n - judged)
	prec := func(share float64) float64 {
		return (float64(right+same) + share*open) / float64(max(all, 1))
	}
	fmt.Printf("judged: %d of %d merged pairs of different originals (%d same, %d different)\n", judged, n, same, judged-same)
	fmt.Printf("  over originals (%d pairs grouped, %d of one exact label): exact %.4f, judged %.4f-%.4f, estimate %.4f (95%% %.4f-%.4f)\n",
		all, right, float64(right)/float64(max(all, 1)), prec(0), prec(1), prec(float64(same)/float64(max(judged, 1))), prec(lo), prec(hi))
	kept, sameAll := 0, 0
	for p, one := range v {
		if one {
			sameAll++
			kept += b2i(s.Story(p.A) == s.Story(p.B))
		}
	}
	fmt.Printf("  pairs judged same still grouped: %d of %d\n", kept, sameAll)
	sj := story.Evaluate(s, judgedLabels(label, v))
	fmt.Printf("  judged labels (originals judged one story joined): precision %.4f  recall %.4f  (%d false positive, %d missed)\n",
		sj.Precision(), sj.Recall(), sj.FalsePos, sj.FalseNeg)
	sc := story.Evaluate(s, label)
	pairs := float64(sc.TruePos + sc.FalsePos)
	wOpen := wAll - wJudged
	share := wSame / max(wJudged, 1)
	fmt.Printf("  over all pairs: exact %.4f, judged %.4f-%.4f, estimate %.4f (%.0f of %d false pairs are merged originals)\n",
		sc.Precision(), (float64(sc.TruePos)+wSame)/pairs, (float64(sc.TruePos)+wSame+wOpen)/pairs,
		(float64(sc.TruePos)+wSame+share*wOpen)/pairs, wAll, sc.FalsePos)
}

// judgedLabels returns label with the originals judged one story (and
// their copies) joined under one label. Pairs never judged keep their
// exact labels, so recall counts only the re-filings that some grouping
// merged.
func judgedLabels(label map[string]string, v map[pair]bool) map[string]string {
	sets := unionFind{}
	for p, one := range v {
		if a, b := label[p.A], label[p.B]; one && a != "" && b != "" {
			sets.union(a, b)
		}
	}
	out := make(map[string]string, len(label))
	for id, l := range label {
		out[id] = sets.find(l)
	}
	return out
}

// originalPairs counts the pairs of originals that s grouped, and those
// of one label.
func originalPairs(s *story.Set, label map[string]string, arts []reuters) (all, right int) {
	grouped := map[string]int{}
	byCell := map[[2]string]int{}
	for _, a := range arts {
		grouped[s.Story(a.ID)]++
		byCell[[2]string{s.Story(a.ID), label[a.ID]}]++
	}
	for _, n := range grouped {
		all += n * (n - 1) / 2
	}
	for _, n := range byCell {
		right += n * (n - 1) / 2
	}
	return all, right
}

// families returns, for each original, how many articles of its story
// are it or its copies (label holds every article's id).
func families(s *story.Set, label map[string]string) map[string]int {
	out := map[string]int{}
	for id := range label {
		orig, _, _ := strings.Cut(id, "~")
		if s.Story(id) == s.Story(orig) {
			out[orig]++
		}
	}
	return out
}

// wilson returns the 95% Wilson score interval of k successes in n.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	const z = 1.96
	p, nf := float64(k)/float64(n), float64(n)
	mid := (p + z*z/(2*nf)) / (1 + z*z/nf)
	half := z / (1 + z*z/nf) * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf))
	return max(0, mid-half), min(1, mid+half)
}

// printToJudge prints the first n drawn pairs without a verdict, with the
// start of both articles.
func printToJudge(pairs []pair, v map[pair]bool, arts []reuters, n int) {
	byID := map[string]reuters{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, p := range drawn(pairs) {
		if _, ok := v[p]; ok {
			continue
		}
		if n--; n < 0 {
			return
		}
		a, b := byID[p.A], byID[p.B]
		fmt.Printf("%s %s\n  A %s | %s\n    %.300q\n  B %s | %s\n    %.300q\n", p.A, p.B, a.Date, a.Title, a.Body, b.Date, b.Title, b.Body)
	}
}
