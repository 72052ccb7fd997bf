package newsindex

import (
	"slices"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"

	"github.com/newsfts/newsfts/internal/search"
)

func TestAnalyzers(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		analyzer, text string
		want           []string
	}{
		{analyzerText, "Türkiye's İSTANBUL", []string{"turkiy", "istanbul"}},
		{analyzerText, "Turkiye istanbul", []string{"turkiy", "istanbul"}},
		{analyzerText, "Batteries were charging", []string{"batteri", "were", "charg"}},
		{analyzerText, "The Who", []string{"the", "who"}},
		{analyzerName, "Recep Tayyip Erdoğan", []string{"recep", "tayyip", "erdogan"}},
		{analyzerName, "Kılıçdaroğlu", []string{"kilicdaroglu"}},
		{analyzerName, "I\u0307zmir Gu\u0308l", []string{"izmir", "gul"}}, // decomposed marks
		{analyzerName, "Williams", []string{"williams"}},
		{analyzerName, "— …", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range m.AnalyzerNamed(tt.analyzer).Analyze([]byte(tt.text)) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.text, got, tt.want)
		}
	}
}

func TestTrimToWords(t *testing.T) {
	const words = "alpha beta gamma delta epsilon"
	tests := []struct {
		name, orig string
		start, end int
		locs       highlight.TermLocations
		want       string
	}{
		{"cut words dropped", words, 2, 20, nil, "beta gamma"},
		{"whole words kept", words, 6, 16, nil, "beta gamma"},
		{"at the edges", words, 0, len(words), nil, words},
		{"a match at the start is kept", "alpha-beta gamma delta", 6, 18, highlight.TermLocations{{Start: 6, End: 10}}, "beta gamma"},
		{"a match at the end is kept", "alpha beta gamma-delta", 2, 16, highlight.TermLocations{{Start: 11, End: 16}}, "beta gamma"},
		{"no space at all", "abcdefghij", 2, 8, nil, "cdefgh"},
		{"paragraph breaks and wide spaces trimmed", "ab\n\n\u00a0cd ef\u2003\n gh", 1, 16, nil, "cd ef"},
	}
	for _, tt := range tests {
		f := &highlight.Fragment{Orig: []byte(tt.orig), Start: tt.start, End: tt.end}
		trimToWords(f, tt.locs)
		if got := tt.orig[f.Start:f.End]; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHistogramSteps(t *testing.T) {
	tests := []struct {
		name string
		days map[string]int
		want []search.DateBucket
	}{
		{"one day", map[string]int{"2024-02-29": 2},
			[]search.DateBucket{bk("2024-02-29", "2024-03-01", 2)}},
		{"days, zero-filled", map[string]int{"2024-01-30": 1, "2024-02-01": 3},
			[]search.DateBucket{bk("2024-01-30", "2024-01-31", 1), bk("2024-01-31", "2024-02-01", 0), bk("2024-02-01", "2024-02-02", 3)}},
		{"weeks start on Monday", map[string]int{"2024-01-07": 1, "2024-02-20": 1},
			[]search.DateBucket{bk("2024-01-01", "2024-01-08", 1), bk("2024-01-08", "2024-01-15", 0), bk("2024-01-15", "2024-01-22", 0),
				bk("2024-01-22", "2024-01-29", 0), bk("2024-01-29", "2024-02-05", 0), bk("2024-02-05", "2024-02-12", 0),
				bk("2024-02-12", "2024-02-19", 0), bk("2024-02-19", "2024-02-26", 1)}},
		{"years", map[string]int{"2001-05-01": 1, "2007-12-31": 2, "2007-01-01": 1},
			[]search.DateBucket{bk("2001-01-01", "2002-01-01", 1), bk("2002-01-01", "2003-01-01", 0),
				bk("2003-01-01", "2004-01-01", 0), bk("2004-01-01", "2005-01-01", 0), bk("2005-01-01", "2006-01-01", 0),
				bk("2006-01-01", "2007-01-01", 0), bk("2007-01-01", "2008-01-01", 3)}},
		{"months", map[string]int{"2023-11-30": 1, "2024-06-01": 2},
			[]search.DateBucket{bk("2023-11-01", "2023-12-01", 1), bk("2023-12-01", "2024-01-01", 0),
				bk("2024-01-01", "2024-02-01", 0), bk("2024-02-01", "2024-03-01", 0), bk("2024-03-01", "2024-04-01", 0),
				bk("2024-04-01", "2024-05-01", 0), bk("2024-05-01", "2024-06-01", 0), bk("2024-06-01", "2024-07-01", 2)}},
		{"too many buckets: empty ones omitted", map[string]int{"1200-01-01": 1, "2024-06-01": 1},
			[]search.DateBucket{bk("1200-01-01", "1201-01-01", 1), bk("2024-01-01", "2025-01-01", 1)}},
	}
	for _, tt := range tests {
		fr := &bsearch.FacetResult{Terms: &bsearch.TermFacets{}}
		for d, n := range tt.days {
			fr.Terms.Add(&bsearch.TermFacet{Term: d, Count: n})
		}
		if got := histogram(fr); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v\nwant %v", tt.name, got, tt.want)
		}
	}
	if got := histogram(nil); got == nil || len(got) != 0 {
		t.Errorf("histogram(nil) = %#v, want empty", got)
	}
}

func bk(from, to string, n int) search.DateBucket {
	return search.DateBucket{From: from, To: to, Count: n}
}

// TestIndexFields guards the field list: no _all, every field of mapping.go.
func TestIndexFields(t *testing.T) {
	ix := openCorpus(t)
	got, err := ix.cur.idx.Fields()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"_id", fieldBody, fieldByline, fieldFrom, fieldOrg, fieldOrgs, fieldOrigin, fieldPeople, fieldPerson,
		fieldPlace, fieldPlaces, fieldPublished, fieldPublishedDay, fieldPublishedText, fieldSection,
		fieldSource, fieldSources, fieldTitle, fieldURL}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("fields %v\nwant %v", got, want)
	}
}
