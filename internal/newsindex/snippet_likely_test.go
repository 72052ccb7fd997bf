package newsindex

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// TestAnalyseLikelyKeepsEveryMatch checks that analysing only the likely
// tokens finds the same matches as analysing every token.
func TestAnalyseLikelyKeepsEveryMatch(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(analyzerText)
	text := "Skiing and skis: the ÖZEL Bank's banks were banking on Istanbul's İSTANBUL ports; " +
		"dying industries, a happy bunny, Happiness, studies and STUDYING, news of the Presidents' presidency, 19-year-old Ürün."
	for _, words := range []string{"ski", "bank", "istanbul", "die", "happy", "study", "news", "president", "19", "ürün", "özel", "year"} {
		terms := map[string]bool{}
		for _, tok := range an.Analyze([]byte(words)) {
			terms[string(tok.Term)] = true
		}
		want := matches(an.Analyze([]byte(text)), terms)
		got := matches(analyseLikely(an, []byte(text), terms), terms)
		if len(want) == 0 {
			t.Errorf("%q: no match in the text: the case tests nothing", words)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: matches at %v, want %v", words, got, want)
		}
	}
}

// matches lists the start offsets of the tokens of ts that are terms.
func matches(ts analysis.TokenStream, terms map[string]bool) []int {
	var out []int
	for _, tok := range ts {
		if terms[string(tok.Term)] {
			out = append(out, tok.Start)
		}
	}
	return out
}
