package main

import (
	"slices"
	"testing"
)

func TestParseScales(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"1", []int{1}},
		{"1,4, 16", []int{1, 4, 16}},
		{"0", nil},
		{"1,x", nil},
		{"257", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, err := parseScales(tt.in)
		if !slices.Equal(got, tt.want) || (err == nil) != (tt.want != nil) {
			t.Errorf("parseScales(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestPeakHeap(t *testing.T) {
	tests := []struct {
		log  string
		want int
	}{
		{"", 0},
		{"gc 1 @0.010s 1%: 0.01+0.2+0.01 ms clock, 0.02+0.1/0.1/0+0.03 ms cpu, 3->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n", 4},
		{"gc 1 @0.1s 1%: …, 12->13->6 MB, 14 MB goal\nlevel=INFO msg=serving\ngc 2 @0.5s 1%: …, 40->38->20 MB, 41 MB goal\n", 40},
	}
	for _, tt := range tests {
		if got := peakHeap([]byte(tt.log)); got != tt.want {
			t.Errorf("peakHeap(%q) = %d, want %d", tt.log, got, tt.want)
		}
	}
}

func TestIndexedRE(t *testing.T) {
	tests := []struct{ line, want string }{
		{"indexer: 1 changed (1 new, 0 modified, 0 removed), 0 unchanged; articles: 19043 added, 0 updated, 0 removed, 0 duplicate ids, 19043 extracted, 19043 in the index; 0 skipped; published gen-1 (9.1s)", "19043"},
		{"indexer: nothing published", ""},
	}
	for _, tt := range tests {
		got := ""
		if m := indexedRE.FindStringSubmatch(tt.line); m != nil {
			got = m[1]
		}
		if got != tt.want {
			t.Errorf("%q: %q, want %q", tt.line, got, tt.want)
		}
	}
}
