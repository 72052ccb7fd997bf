package extract

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Print hyphenation.
//
// Text copied from print layouts keeps the hyphens that split words at line
// ends ("An-kara", "al-lows", "suspect-ed") while authors write real
// compounds with the same character ("cross-border", "al-Turki",
// "Tehreek-e-Taliban"). Dehyphenate decides each "left-right" pair (exactly
// one hyphen between two letter runs) from evidence, strongest first:
//
//  1. The joined form occurs unhyphenated elsewhere in the same document
//     ("Ankara", "defence"): join.
//  2. The right part starts with a capital letter ("al-Turki",
//     "Mahjar-Barducci"), or either part is a single letter: keep.
//  3. The left part is a productive prefix ("counter", "multi", "non",
//     "self", ...): keep, since prefixed compounds are often dictionary
//     words too ("multifaceted") yet the author chose the hyphen. Short
//     prefixes ("re", "co", "de") keep it only before a vowel ("re-elect",
//     "co-operate"); "re-vised" goes on to the next test.
//  4. The joined form, or the joined form lower-cased, is an English word in
//     the embedded list: join ("allows", "instance", "neighbourhood").
//  5. Otherwise keep the hyphen ("real-world", "zero-tolerance").
//
// The word list (words.txt.gz, about 75,000 lower-case words of two letters
// or more) is generated from the SCOWL-derived Debian packages wamerican and
// wbritish (/usr/share/dict/{american,british}-english), whose licence
// permits copying and redistribution with the notice kept; see
// words.LICENSE. To regenerate:
//
//	cat /usr/share/dict/american-english /usr/share/dict/british-english |
//	  grep -E '^[A-Za-z]{2,}$' | tr A-Z a-z | sort -u | gzip -9n > words.txt.gz

//go:embed words.txt.gz
var wordsGz []byte

var (
	wordsOnce sync.Once
	wordSet   map[string]struct{}
)

// isWord reports whether the lower-case w is in the embedded English list.
func isWord(w string) bool {
	wordsOnce.Do(loadWords)
	_, ok := wordSet[w]
	return ok
}

func loadWords() {
	wordSet = make(map[string]struct{}, 80000)
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		return // the list is compiled in; an empty set only makes joins rarer
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return
	}
	for _, w := range strings.Split(string(data), "\n") {
		if w != "" {
			wordSet[w] = struct{}{}
		}
	}
}

// Prefix strengths for hyphenPrefixes.
const (
	weakPrefix   = 1 // kept before a vowel ("re-elect", "co-operate"), else judged as any word
	strongPrefix = 2 // always kept ("counter-terrorism", "multi-faceted")
)

// hyphenPrefixes are word-forming prefixes whose hyphen is usually the
// author's choice.
var hyphenPrefixes = map[string]int{
	"anti": strongPrefix, "counter": strongPrefix, "cross": strongPrefix, "multi": strongPrefix,
	"non": strongPrefix, "self": strongPrefix, "semi": strongPrefix, "ex": strongPrefix,
	"post": strongPrefix, "inter": strongPrefix, "intra": strongPrefix, "over": strongPrefix,
	"under": strongPrefix, "ultra": strongPrefix, "super": strongPrefix, "well": strongPrefix,
	"high": strongPrefix, "low": strongPrefix, "long": strongPrefix, "short": strongPrefix,
	"full": strongPrefix, "half": strongPrefix, "all": strongPrefix, "neo": strongPrefix,
	"pan": strongPrefix, "vice": strongPrefix, "extra": strongPrefix, "mega": strongPrefix,
	"micro": strongPrefix, "macro": strongPrefix, "quasi": strongPrefix, "trans": strongPrefix,
	"far": strongPrefix, "near": strongPrefix, "mid": strongPrefix, "off": strongPrefix,
	"co": weakPrefix, "re": weakPrefix, "de": weakPrefix, "pre": weakPrefix, "pro": weakPrefix,
	"un": weakPrefix, "bi": weakPrefix, "tri": weakPrefix, "sub": weakPrefix,
}

// Dehyphenate rejoins words split by print hyphenation in paras, using the
// paragraphs themselves as evidence (see the comment at the top of this
// file). It returns paras, modified in place.
func Dehyphenate(paras []string) []string {
	counts := wordCounts(paras)
	for i, p := range paras {
		if strings.IndexByte(p, '-') >= 0 {
			paras[i] = dehyphenateLine(p, counts)
		}
	}
	return paras
}

// wordCounts counts the lower-cased hyphen-free words of paras.
func wordCounts(paras []string) map[string]int {
	counts := make(map[string]int)
	for _, p := range paras {
		for _, w := range strings.FieldsFunc(p, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		}) {
			if strings.IndexByte(w, '-') < 0 {
				counts[strings.ToLower(w)]++
			}
		}
	}
	return counts
}

// dehyphenateLine applies shouldJoin to every letters-hyphen-letters token.
func dehyphenateLine(p string, counts map[string]int) string {
	var b strings.Builder
	b.Grow(len(p))
	start := -1 // start of the current letter/hyphen run, or -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(joinToken(p[start:end], counts))
			start = -1
		}
	}
	for i, r := range p {
		if unicode.IsLetter(r) || (r == '-' && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(p))
	return b.String()
}

// joinToken returns tok with its hyphen removed when the evidence says it is
// a print hyphen. Tokens with no hyphen or several hyphens come back as is.
func joinToken(tok string, counts map[string]int) string {
	left, right, ok := strings.Cut(tok, "-")
	if !ok || left == "" || right == "" || strings.IndexByte(right, '-') >= 0 {
		return tok
	}
	if shouldJoin(left, right, counts) {
		return left + right
	}
	return tok
}

// shouldJoin decides one left-right pair.
func shouldJoin(left, right string, counts map[string]int) bool {
	joined := strings.ToLower(left + right)
	if counts[joined] > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(right)
	if unicode.IsUpper(r) || utf8.RuneCountInString(left) < 2 || utf8.RuneCountInString(right) < 2 {
		return false
	}
	switch hyphenPrefixes[strings.ToLower(left)] {
	case strongPrefix:
		return false
	case weakPrefix:
		if strings.ContainsRune("aeiouAEIOU", r) {
			return false
		}
	}
	return isWord(joined)
}
