package newsindex

// Snippets.
//
// A hit's snippet is the best fragment of its body, about snippetRunes
// runes, rendered by Bleve's HTML fragment formatter: every piece of text
// HTML-escaped and each match wrapped in <mark>, nothing else. When the
// body has no match (the words were in the title, or there was no query),
// the fragment is the start of the body. Either way the fragment is
// trimmed to whole words, and "…" marks text cut off before or after.
//
// Bleve's simple highlighter does all of that except the word trimming,
// so the highlighter registered here is the simple highlighter with a
// fragmenter that trims the simple fragmenter's fragments.

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	simplefrag "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

const (
	highlighterName = "newsfts_snippet"
	snippetRunes    = 200
)

func init() {
	err := registry.RegisterHighlighter(highlighterName,
		func(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
			return simplehl.NewHighlighter(
				wordFragmenter{simplefrag.NewFragmenter(snippetRunes)},
				htmlformat.NewFragmentFormatter("<mark>", "</mark>"),
				simplehl.DefaultSeparator), nil
		})
	if err != nil {
		panic(err)
	}
}

// wordFragmenter trims the fragments of another fragmenter so that they
// start and end on word boundaries, never cutting into a match.
type wordFragmenter struct{ highlight.Fragmenter }

// Fragment returns the inner fragmenter's fragments, trimmed.
func (w wordFragmenter) Fragment(orig []byte, locs highlight.TermLocations) []*highlight.Fragment {
	frags := w.Fragmenter.Fragment(orig, locs)
	for _, f := range frags {
		trimToWords(f, locs)
	}
	return frags
}

// trimToWords moves f's start forward past a partial first word and its
// end back before a partial last word, then past any whitespace at either
// end, keeping every match in f whole.
func trimToWords(f *highlight.Fragment, locs highlight.TermLocations) {
	first, last := f.End, f.Start // the span of the matches inside f
	for _, l := range locs {
		if l.Start >= f.Start && l.End <= f.End {
			first, last = min(first, l.Start), max(last, l.End)
		}
	}
	o := f.Orig
	if f.Start > 0 && !spaceBefore(o, f.Start) {
		for i := f.Start; i < first; {
			r, n := utf8.DecodeRune(o[i:])
			i += n
			if unicode.IsSpace(r) {
				f.Start = i
				break
			}
		}
	}
	for f.Start < first && spaceAt(o, f.Start) {
		_, n := utf8.DecodeRune(o[f.Start:])
		f.Start += n
	}
	if f.End < len(o) && !spaceAt(o, f.End) {
		for i := f.End; i > last && i > f.Start; {
			r, n := utf8.DecodeLastRune(o[:i])
			i -= n
			if unicode.IsSpace(r) {
				f.End = i
				break
			}
		}
	}
	for f.End > last && f.End > f.Start && spaceBefore(o, f.End) {
		_, n := utf8.DecodeLastRune(o[:f.End])
		f.End -= n
	}
}

func spaceBefore(b []byte, i int) bool {
	r, _ := utf8.DecodeLastRune(b[:i])
	return unicode.IsSpace(r)
}

func spaceAt(b []byte, i int) bool {
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.IsSpace(r)
}
