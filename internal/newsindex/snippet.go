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
//
// The highlighter needs the places of the matches in the body. A Bleve
// search collects them from the term vectors of every match, which for a
// frequent word costs more than the rest of the search; here they are
// found for the page's hits alone, by analysing each hit's stored body
// with the body's analyzer and keeping the tokens that are terms of the
// query's words (those not under a NOT). Every occurrence of such a term
// is marked, including the words of a phrase found apart.
//
// Analysing a whole body for each hit was most of the cost of a page, so
// the analysis is cut three ways, none of which changes a snippet: only
// the spans of the body that may hold a term are tokenised (likelySpans),
// only their tokens that may become a term are filtered (mayBecome), and
// the analysis stops once the best fragment is settled (snippetSettled).

import (
	"bytes"
	"iter"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/newsfts/newsfts/internal/search"

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

// newHighlighter returns the snippet highlighter.
func newHighlighter() highlight.Highlighter {
	return simplehl.NewHighlighter(
		wordFragmenter{simplefrag.NewFragmenter(snippetRunes)},
		htmlformat.NewFragmentFormatter("<mark>", "</mark>"),
		simplehl.DefaultSeparator)
}

// highlighter makes the snippets; it keeps no state between calls.
var highlighter = newHighlighter()

func init() {
	err := registry.RegisterHighlighter(highlighterName,
		func(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
			return newHighlighter(), nil
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

// snippetTerms returns the terms of the body that q's words (not under a
// NOT) analyse to; nil when q has none.
func snippetTerms(m mapping.IndexMapping, q *search.Query) map[string]bool {
	an := m.AnalyzerNamed(analyzerText)
	if q.Empty() || an == nil {
		return nil
	}
	terms := map[string]bool{}
	var visit func(n search.Node)
	visit = func(n search.Node) {
		switch n := n.(type) {
		case *search.Term:
			if n.Field == "" || n.Field == fieldBody {
				for _, tok := range an.Analyze([]byte(n.Text)) {
					terms[string(tok.Term)] = true
				}
			}
		case *search.Or:
			for _, x := range n.Any {
				visit(x)
			}
		case *search.Query:
			if n != nil {
				for _, x := range n.All {
					visit(x)
				}
			}
		}
	}
	visit(q)
	return terms
}

// snippet returns the best fragment of doc's body with the places of
// terms marked.
func snippet(an analysis.Analyzer, doc index.Document, terms map[string]bool) string {
	locs := bsearch.TermLocationMap{}
	if len(terms) > 0 && an != nil {
		doc.VisitFields(func(f index.Field) {
			if f.Name() != fieldBody {
				return
			}
			body := f.Value()
			for _, tok := range analyseLikely(an, body, terms, snippetSettled(body, terms)) {
				if t := string(tok.Term); terms[t] {
					locs[t] = append(locs[t], &bsearch.Location{Pos: uint64(tok.Position), Start: uint64(tok.Start), End: uint64(tok.End)})
				}
			}
		})
	}
	dm := &bsearch.DocumentMatch{Locations: bsearch.FieldTermLocationMap{fieldBody: locs}}
	if frags := highlighter.BestFragmentsInField(dm, doc, fieldBody, 1); len(frags) > 0 {
		return frags[0]
	}
	return ""
}

// analyseLikely analyses text as an does, but only the tokens that may
// turn into one of terms: those that begin, lower-cased, as a term does.
// The token filters (folding, stemming) run on those alone, and only the
// spans of text that hold such a beginning are tokenised (likelySpans).
// A stem keeps the start of its word; a token whose first letters fold to
// a term's (an accented capital) is caught by comparing only ASCII
// letters. Tokens keep their offsets in text but not their positions.
// text is left as it is: each token's bytes are copied before the filters
// rewrite them. Unless enough is nil, it is asked after each span whether
// the tokens so far, all those of text before covered, are enough, and the
// analysis stops when they are.
func analyseLikely(an analysis.Analyzer, text []byte, terms map[string]bool, enough func(covered int, ts analysis.TokenStream) bool) analysis.TokenStream {
	da, ok := an.(*analysis.DefaultAnalyzer)
	if !ok || da.Tokenizer == nil {
		return an.Analyze(bytes.Clone(text))
	}
	var out analysis.TokenStream
	for s := range likelySpans(text, terms) {
		for _, tok := range da.Tokenizer.Tokenize(text[s.start:s.end]) {
			if !mayBecome(tok.Term, terms) {
				continue
			}
			tok.Term = bytes.Clone(tok.Term)
			tok.Start, tok.End = tok.Start+s.start, tok.End+s.start
			one := analysis.TokenStream{tok}
			for _, f := range da.TokenFilters {
				one = f.Filter(one)
			}
			out = append(out, one...)
		}
		if enough != nil && enough(s.end, out) {
			break
		}
	}
	return out
}

// span is the part [start, end) of a text.
type span struct{ start, end int }

// spanGap is the distance under which two likely spans are joined: one
// call of the tokenizer costs more than a few words. A span is not grown
// past spanMax by joining, so that the analysis can stop soon after the
// snippet is settled.
const (
	spanGap = 256
	spanMax = 1024
)

// likelySpans yields, in order, the spans of text that hold every token
// which may become one of terms (mayBecome): those that begin with a
// term's first two letters or hold a byte that is not ASCII. A span
// starts and ends where an ASCII space is followed by an ASCII letter or
// digit, where every word breaks (Unicode's word boundaries), so a span
// is tokenised as it is within the whole text. With a term shorter than
// two bytes, or text that is not valid UTF-8 (the tokenizer stops at the
// first bad byte), the one span is the whole text.
func likelySpans(text []byte, terms map[string]bool) iter.Seq[span] {
	return func(yield func(span) bool) {
		if !utf8.Valid(text) {
			yield(span{0, len(text)})
			return
		}
		var pairs [][2]byte
		for t := range terms {
			if len(t) < 2 {
				yield(span{0, len(text)})
				return
			}
			pairs = append(pairs, [2]byte{t[0], yToI(t[1])})
		}
		var cur span // the span being grown, when grown is set
		grown := false
		for i := 0; i < len(text); i++ {
			if !likelyAt(text, i, pairs) {
				continue
			}
			start, end := edgeBefore(text, i, cur.end), edgeAfter(text, i+1)
			if grown && start-cur.end < spanGap && cur.end-cur.start < spanMax {
				cur.end = end
			} else {
				if grown && !yield(cur) {
					return
				}
				cur, grown = span{start, end}, true
			}
			i = end - 1
		}
		if grown {
			yield(cur)
		}
	}
}

// likelyAt reports whether a token that may become a term can begin at,
// or hold, text[i]: a byte that is not ASCII, or the start of a word
// whose first two letters are one of pairs, ignoring ASCII case and y/i.
func likelyAt(text []byte, i int, pairs [][2]byte) bool {
	c := text[i]
	switch {
	case c >= utf8.RuneSelf:
		return true
	case i+1 == len(text) || i > 0 && isAlnumASCII(text[i-1]):
		return false
	}
	a, b := lowerASCII(c), yToI(lowerASCII(text[i+1]))
	for _, p := range pairs {
		if p[0] == a && p[1] == b {
			return true
		}
	}
	return false
}

// isEdge reports whether a word break that tokenising leaves alone is at
// text[i]: an ASCII space before, an ASCII letter or digit after.
func isEdge(text []byte, i int) bool {
	return i > 0 && i < len(text) && isSpaceASCII(text[i-1]) && isAlnumASCII(text[i])
}

// edgeBefore is the last edge at or before i, and not before floor.
func edgeBefore(text []byte, i, floor int) int {
	for ; i > floor; i-- {
		if isEdge(text, i) {
			return i
		}
	}
	return floor
}

// edgeAfter is the first edge at or after i, or the end of text.
func edgeAfter(text []byte, i int) int {
	for ; i < len(text); i++ {
		if isEdge(text, i) {
			return i
		}
	}
	return len(text)
}

func isSpaceASCII(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// snippetSettled returns the test, for analyseLikely, of whether the
// matches of terms found in body before covered settle its snippet, so
// that the rest of body need not be analysed; nil when body is not valid
// UTF-8 or holds U+FFFD (the fragmenter gives up on a match near such
// bytes).
//
// The highlighter makes a fragment at each match, from up to snippetRunes
// runes before it to snippetRunes runes after it at most, scores each by
// the number of distinct terms it holds, and shows the first fragment of
// the highest score. A fragment depends only on the text and on the
// matches before its end, and the fragment of match k holds every match
// from k on that ends within snippetRunes bytes (fewer than snippetRunes
// runes) of k's start. So once every match up to 4 × snippetRunes bytes
// (at least snippetRunes runes) past the start of some match k is known,
// and those within snippetRunes bytes of k hold all of terms, the
// fragments up to k's are those of the whole body, k's has the highest
// score there can be, and the one shown is among them.
func snippetSettled(body []byte, terms map[string]bool) func(covered int, ts analysis.TokenStream) bool {
	if !utf8.Valid(body) || bytes.ContainsRune(body, utf8.RuneError) {
		return nil
	}
	var ms analysis.TokenStream // the matches so far, in order
	seen, k := 0, 0             // the tokens looked at; the first match not yet tried
	return func(covered int, ts analysis.TokenStream) bool {
		for ; seen < len(ts); seen++ {
			if terms[string(ts[seen].Term)] {
				ms = append(ms, ts[seen])
			}
		}
		for ; k < len(ms) && ms[k].Start+4*snippetRunes <= covered; k++ {
			if holdsAll(ms[k:], ms[k].Start+snippetRunes, len(terms)) {
				return true
			}
		}
		return false
	}
}

// holdsAll reports whether the matches ms, in order, that end at or
// before end hold n distinct terms.
func holdsAll(ms analysis.TokenStream, end, n int) bool {
	var found [][]byte
	for _, m := range ms {
		if m.End > end {
			return false
		}
		if !slices.ContainsFunc(found, func(t []byte) bool { return bytes.Equal(t, m.Term) }) {
			found = append(found, m.Term)
		}
		if len(found) == n {
			return true
		}
	}
	return false
}

// mayBecome reports whether word could analyse to one of terms: its first
// two bytes match a term's, ignoring ASCII case and y/i, or are not ASCII.
func mayBecome(word []byte, terms map[string]bool) bool {
	if len(word) < 2 || word[0] >= utf8.RuneSelf || word[1] >= utf8.RuneSelf {
		return true
	}
	a, b := lowerASCII(word[0]), yToI(lowerASCII(word[1]))
	for t := range terms {
		if len(t) < 2 || t[0] == a && yToI(t[1]) == b {
			return true
		}
	}
	return false
}

// yToI folds y into i: the stemmer makes dying "die", lying "lie".
func yToI(c byte) byte {
	if c == 'y' {
		return 'i'
	}
	return c
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
