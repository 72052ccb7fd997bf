package newsindex

import (
	"slices"
	"strings"
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

// TestAnalyseLikelyTokenisesSpansAsTheWhole checks that tokenising only
// the likely spans of a text finds the matches that analysing the whole
// text finds, where words touch punctuation, other scripts, combining
// marks and odd spaces, and that the text is left unchanged.
func TestAnalyseLikelyTokenisesSpansAsTheWhole(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(analyzerText)
	filler := strings.Repeat("nothing to see here at all, ", 12)
	for _, c := range []struct{ text, words string }{
		{"oil:gas and oil.gas, oil_gas (oil) \"oil\" oil's oil-rich", "oil"},
		{filler + "the U.S. oil price " + filler + "U.S.A. oil", "oil"},
		{"crude\toil\r\noil\n\n  oil  ", "oil"},
		{"3.5 pct oil, 12,000 bpd; 3.5pct", "3.5"},
		{" \u0301oil e\u0301oil oil\u0301 \u200doil", "oil"},
		{"Ölpreis Öl oil ÖL öl", "öl"},
		{"石油 oil 石油价格 " + filler + "oil", "oil"},
		{"a oil b a", "a"},
		{filler + "Banks banking " + filler + filler + "BANK's bank", "bank"},
		{"oil", "oil"},
		{"", "oil"},
		{"xoil oilx oil2 2oil", "oil"},
	} {
		terms := map[string]bool{}
		for _, tok := range an.Analyze([]byte(c.words)) {
			terms[string(tok.Term)] = true
		}
		text := []byte(c.text)
		want := matches(an.Analyze([]byte(c.text)), terms)
		if got := matches(analyseLikely(an, text, terms), terms); !slices.Equal(got, want) {
			t.Errorf("%q in %q: matches at %v, want %v", c.words, c.text, got, want)
		}
		if string(text) != c.text {
			t.Errorf("%q: text rewritten to %q", c.text, text)
		}
	}
}

// FuzzAnalyseLikely checks that analysing the likely spans finds every
// match analysing the whole text finds.
func FuzzAnalyseLikely(f *testing.F) {
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	an := m.AnalyzerNamed(analyzerText)
	f.Add("the oil price: oil's oil-rich OILS", "oil")
	f.Add("Öl and öl, e\u0301l", "öl")
	f.Add("dying, die\tDIE's", "die")
	f.Fuzz(func(t *testing.T, text, words string) {
		terms := map[string]bool{}
		for _, tok := range an.Analyze([]byte(words)) {
			terms[string(tok.Term)] = true
		}
		want := matches(an.Analyze([]byte(text)), terms)
		if got := matches(analyseLikely(an, []byte(text), terms), terms); !slices.Equal(got, want) {
			t.Errorf("%q in %q: matches at %v, want %v", words, text, got, want)
		}
	})
}
