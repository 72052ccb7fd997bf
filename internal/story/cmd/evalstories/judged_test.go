package main

import (
	"math"
	"strings"
	"testing"
)

// TestVerdicts checks that the embedded verdicts parse, name each pair
// once and hold both kinds.
func TestVerdicts(t *testing.T) {
	v, err := verdicts()
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(judgedTSV, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines++
		}
	}
	same := 0
	for _, one := range v {
		same += b2i(one)
	}
	if len(v) != lines || len(v) < 100 || same == 0 || same == len(v) {
		t.Errorf("%d verdicts from %d lines, %d same", len(v), lines, same)
	}
}

func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n   int
		lo, hi float64
	}{
		{0, 0, 0, 1},
		{72, 100, 0.6251, 0.7986},
		{100, 100, 0.9630, 1},
		{0, 10, 0, 0.2775},
	} {
		lo, hi := wilson(tc.k, tc.n)
		if math.Abs(lo-tc.lo) > 1e-3 || math.Abs(hi-tc.hi) > 1e-3 {
			t.Errorf("wilson(%d, %d) = %.4f-%.4f, want %.4f-%.4f", tc.k, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
}

func TestNewPair(t *testing.T) {
	for _, tc := range []struct{ x, y, a, b string }{
		{"12", "9", "9", "12"},
		{"9", "12", "9", "12"},
		{"15", "14", "14", "15"},
	} {
		if p := newPair(tc.x, tc.y); p.A != tc.a || p.B != tc.b {
			t.Errorf("newPair(%s, %s) = %v", tc.x, tc.y, p)
		}
	}
}

// TestJudgedLabels checks that originals judged one story share a label
// with their copies, and that a "different" verdict joins nothing.
func TestJudgedLabels(t *testing.T) {
	label := map[string]string{"1": "1", "1~1": "1", "2": "2", "3": "3", "4": "4"}
	v := map[pair]bool{newPair("1", "2"): true, newPair("2", "3"): false}
	got := judgedLabels(label, v)
	for _, tc := range []struct {
		a, b string
		same bool
	}{{"1", "2", true}, {"1~1", "2", true}, {"2", "3", false}, {"1", "4", false}} {
		if (got[tc.a] == got[tc.b]) != tc.same {
			t.Errorf("%s and %s: same label %v, want %v", tc.a, tc.b, !tc.same, tc.same)
		}
	}
}
