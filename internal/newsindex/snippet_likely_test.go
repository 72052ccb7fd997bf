package newsindex

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// TestAnalyseLikelyKeepsEveryMatch checks that analysing only the likely
// tokens finds the same matches as analysing every token.
func TestAnalyseLikelyKeepsEveryMatch(t *testing.T) {
	an := textAnalyzer(t)
	text := "Skiing and skis: the ÖZEL Bank's banks were banking on Istanbul's İSTANBUL ports; " +
		"dying industries, a happy bunny, Happiness, studies and STUDYING, news of the Presidents' presidency, 19-year-old Ürün."
	for _, words := range []string{"ski", "bank", "istanbul", "die", "happy", "study", "news", "president", "19", "ürün", "özel", "year"} {
		terms := termsOf(an, words)
		want := matches(an.Analyze([]byte(text)), terms)
		got := matches(analyseLikely(an, []byte(text), terms, nil), terms)
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
	an := textAnalyzer(t)
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
		{"oil \xff " + filler + "oil", "oil"},
	} {
		terms := termsOf(an, c.words)
		text := []byte(c.text)
		want := matches(an.Analyze([]byte(c.text)), terms)
		if got := matches(analyseLikely(an, text, terms, nil), terms); !slices.Equal(got, want) {
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
	an := textAnalyzer(f)
	f.Add("the oil price: oil's oil-rich OILS", "oil")
	f.Add("Öl and öl, e\u0301l", "öl")
	f.Add("dying, die\tDIE's", "die")
	f.Add("gas \xff oil, oil", "oil")
	f.Fuzz(func(t *testing.T, text, words string) {
		terms := termsOf(an, words)
		want := matches(an.Analyze([]byte(text)), terms)
		if got := matches(analyseLikely(an, []byte(text), terms, nil), terms); !slices.Equal(got, want) {
			t.Errorf("%q in %q: matches at %v, want %v", words, text, got, want)
		}
	})
}

// TestSnippetStopsEarlyAsIfWhole checks that a snippet made from the
// matches up to where it is settled is the one made from every match of
// the body: one term or several, the best fragment early, late or made of
// terms far apart, and a body the fragmenter gives up on in places.
func TestSnippetStopsEarlyAsIfWhole(t *testing.T) {
	an := textAnalyzer(t)
	filler := strings.Repeat("plenty of words that match nothing here, ", 40)
	for _, c := range []struct{ body, words string }{
		{"The oil price rose. " + filler + "Oil again, oil and oil.", "oil"},
		{"Oil first. " + filler + "Then oil with gas, gas and oil prices together. " + filler + "gas.", "oil gas"},
		{filler + "oil " + filler + "gas " + filler + "oil gas close by " + filler, "oil gas"},
		{"oil " + filler + "oil prices " + filler + "prices", "oil prices"},
		{"gas \uFFFD oil " + filler + "oil gas " + filler, "oil gas"},
		{"gas \xff oil " + filler + "oil gas " + filler, "oil gas"},
		{filler + "nothing", "oil"},
	} {
		terms := termsOf(an, c.words)
		doc := document.NewDocument("d")
		doc.AddField(document.NewTextField(fieldBody, nil, []byte(c.body)))
		got := snippet(an, doc, terms)
		want := wholeSnippet(an, doc, terms)
		if got != want {
			t.Errorf("%q in %.60q…: snippet\n%q\nwant\n%q", c.words, c.body, got, want)
		}
	}
}

// wholeSnippet is the snippet made from every match in doc's body.
func wholeSnippet(an analysis.Analyzer, doc index.Document, terms map[string]bool) string {
	locs := bsearch.TermLocationMap{}
	doc.VisitFields(func(f index.Field) {
		if f.Name() != fieldBody {
			return
		}
		for _, tok := range an.Analyze(bytes.Clone(f.Value())) {
			if t := string(tok.Term); terms[t] {
				locs[t] = append(locs[t], &bsearch.Location{Start: uint64(tok.Start), End: uint64(tok.End)})
			}
		}
	})
	dm := &bsearch.DocumentMatch{Locations: bsearch.FieldTermLocationMap{fieldBody: locs}}
	if frags := highlighter.BestFragmentsInField(dm, doc, fieldBody, 1); len(frags) > 0 {
		return frags[0]
	}
	return ""
}

// textAnalyzer is the analyzer of the title and the body.
func textAnalyzer(t testing.TB) analysis.Analyzer {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	return m.AnalyzerNamed(analyzerText)
}

// termsOf is the set of terms words analyse to.
func termsOf(an analysis.Analyzer, words string) map[string]bool {
	terms := map[string]bool{}
	for _, tok := range an.Analyze([]byte(words)) {
		terms[string(tok.Term)] = true
	}
	return terms
}
