package story

import (
	"strings"
	"testing"
)

// TestSimilarityMargin checks the measurement behind DefaultThreshold: on
// the labelled set, every pair of copies of one story is more similar than
// the threshold and every pair of different stories (several on one topic)
// less.
func TestSimilarityMargin(t *testing.T) {
	ms, label := copiesOf(labelled(t))
	minSame, maxDiff := 1.0, 0.0
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			sim := Similarity(ms[i].Sig, ms[j].Sig)
			if label[ms[i].ID] == label[ms[j].ID] {
				minSame = min(minSame, sim)
			} else {
				maxDiff = max(maxDiff, sim)
			}
		}
	}
	t.Logf("least similarity of copies %.3f, greatest of different stories %.3f", minSame, maxDiff)
	if !(maxDiff < DefaultThreshold && DefaultThreshold <= minSame) {
		t.Errorf("DefaultThreshold %.2f does not separate copies (>= %.3f) from different stories (<= %.3f)", DefaultThreshold, minSame, maxDiff)
	}
}

func TestSign(t *testing.T) {
	base := "The river burst its banks on Sunday after four days of rain.\n\nRescue teams used boats to reach families trapped upstairs."
	for _, tc := range []struct {
		name   string
		a, b   string
		lo, hi float64 // expected range of Similarity
		n      int     // shingles of a
	}{
		{"same", base, base, 1, 1, 17},
		{"paragraphs swapped", base, "Rescue teams used boats to reach families trapped upstairs.\n\nThe river burst its banks on Sunday after four days of rain.", 1, 1, 17},
		{"case and punctuation", base, strings.ToUpper(strings.ReplaceAll(base, ".", "!")), 1, 1, 17},
		{"unrelated", base, "Shares in the chip maker rose after it raised its outlook for the year on strong demand.", 0, 0.2, 17},
		{"empty", "", "", 1, 1, 0},
		{"one word", "Advertisement", "Advertisement", 1, 1, 1},
		{"invalid UTF-8", "caf\xe9 \xff\xfe news of the day", "caf\xe9 \xff\xfe news of the day", 1, 1, 3},
		{"diacritics kept", "Türkiye İstanbul Gören", "Turkiye Istanbul Goren", 0, 0.1, 1},
	} {
		sa, na := Sign(tc.a)
		sb, _ := Sign(tc.b)
		if sim := Similarity(&sa, &sb); sim < tc.lo || sim > tc.hi {
			t.Errorf("%s: similarity %.3f, want %.2f..%.2f", tc.name, sim, tc.lo, tc.hi)
		}
		if na != tc.n {
			t.Errorf("%s: %d shingles, want %d", tc.name, na, tc.n)
		}
	}
}

// TestSignBounded checks that a huge body is read only up to its bound.
func TestSignBounded(t *testing.T) {
	huge := strings.Repeat("word ", 10<<20/5) // 10 MiB
	_, n := Sign(huge)
	if max := maxSignBytes / 5; n > max {
		t.Errorf("%d shingles from a 10 MiB body, want at most %d", n, max)
	}
}
