package extract

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/bg"
	"github.com/blevesearch/bleve/v2/analysis/lang/ca"
	"github.com/blevesearch/bleve/v2/analysis/lang/cs"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/el"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/id"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
)

// Stop words in many languages.
//
// Running text is full of function words; menus, tag clouds and teaser
// headlines have few. One map gives, for each stop word, the lists that
// hold it: the English list of lexicon.go and the lists Bleve ships for
// other languages. Measuring a line counts its English stop words and
// tallies, for the page, the hits of every list in its longer lines; one
// lookup per word does both. When a foreign list has clearly more hits than
// the English one, it is the page's language, and each line's stop words
// are counted again with it, so that the prose test works for a Portuguese
// or German page as it does for an English one. A page whose language has
// no list (Chinese, Japanese...) goes without the test.

// foreignStopLists are Bleve's stop lists, one bit each in stopMasks.
var foreignStopLists = [][]byte{
	bg.BulgarianStopWords, ca.CatalanStopWords, cs.CzechStopWords, da.DanishStopWords,
	de.GermanStopWords, el.GreekStopWords, es.SpanishStopWords, fi.FinnishStopWords,
	fr.FrenchStopWords, hr.CroatianStopWords, hu.HungarianStopWords, id.IndonesianStopWords,
	it.ItalianStopWords, nl.DutchStopWords, no.NorwegianStopWords,
	pt.PortugueseStopWords, ro.RomanianStopWords, ru.RussianStopWords, sv.SwedishStopWords,
	tr.TurkishStopWords,
}

// englishBit marks the words of the English list (lexicon.go) in stopMasks.
const englishBit = 1 << 31

var (
	stopMasksOnce sync.Once
	stopMasks     map[string]uint32 // word -> the lists (bits) that hold it
)

// allStops returns, for each stop word, the set of lists that hold it: bit
// i for foreignStopLists[i], englishBit for English. They are loaded on
// first use.
func allStops() map[string]uint32 {
	stopMasksOnce.Do(func() {
		stopMasks = make(map[string]uint32, 6000)
		for i, list := range foreignStopLists {
			tm := analysis.NewTokenMap()
			if err := tm.LoadBytes(list); err != nil {
				continue // a list that does not load is left out
			}
			for w := range tm {
				stopMasks[lineKey(w)] |= 1 << i
			}
		}
		for w := range stopWords {
			stopMasks[w] |= englishBit
		}
	})
	return stopMasks
}

// langTally counts, per stop list (bit), the stop words in a page's longer
// lines (five words or more); measure fills it.
type langTally [32]int

// add counts one word found in the lists of mask m.
func (t *langTally) add(m uint32) {
	for ; m != 0; m &= m - 1 {
		t[bits.TrailingZeros32(m)]++
	}
}

// remeasureStops recounts a line's stop words and its headline shape with
// the foreign stop list bit.
func remeasureStops(l *line, bit uint32, masks map[string]uint32) {
	l.stops = 0
	for _, w := range strings.Fields(l.key) {
		if masks[w]&bit != 0 {
			l.stops++
		}
	}
	var caps, lowers int
	for _, f := range strings.Fields(l.text) {
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case unicode.IsLower(r) && masks[lineKey(f)]&bit == 0:
			lowers++
		}
	}
	l.headline = !l.sentence && caps > 0 && lowers <= caps/3
}

// hasStopWords reports whether the page's prose can be told by its stop
// words: one word in ten of its longer lines (words of them) is a stop word
// of the English list or of a foreign one. A foreign list that fits clearly
// better than the English one (a fifth more hits: short words such as "a",
// "as" and "do" are in several lists) replaces it in every line's measures.
func hasStopWords(lines []line, tally *langTally, words int) bool {
	english := tally[bits.TrailingZeros32(englishBit)]
	best := 0
	for i := range tally {
		if uint32(1)<<i != englishBit && tally[i] > tally[best] {
			best = i
		}
	}
	if tally[best]*5 <= english*6 {
		return words > 0 && english*10 >= words
	}
	masks := allStops()
	for i := range lines {
		remeasureStops(&lines[i], 1<<best, masks)
	}
	return tally[best]*10 >= words
}
