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
// headlines have few. The English list in lexicon.go is measured on every
// line. A page where it finds too few is tried against the stop lists that
// Bleve ships for other languages: the list with the most hits in the page's
// longer lines is the page's language, and its stop words are counted
// instead, so that the prose test works for a Portuguese or German page as
// it does for an English one. A page whose language has no list (Chinese,
// Japanese...) goes without the test, as before.

// foreignStopLists are Bleve's stop lists, one bit each in stopMasks.
var foreignStopLists = [][]byte{
	bg.BulgarianStopWords, ca.CatalanStopWords, cs.CzechStopWords, da.DanishStopWords,
	de.GermanStopWords, el.GreekStopWords, es.SpanishStopWords, fi.FinnishStopWords,
	fr.FrenchStopWords, hr.CroatianStopWords, hu.HungarianStopWords, id.IndonesianStopWords,
	it.ItalianStopWords, nl.DutchStopWords, no.NorwegianStopWords,
	pt.PortugueseStopWords, ro.RomanianStopWords, ru.RussianStopWords, sv.SwedishStopWords,
	tr.TurkishStopWords,
}

var (
	stopMasksOnce sync.Once
	stopMasks     map[string]uint32 // word -> the lists (bits) that hold it
)

// foreignStops returns, for each word, the set of foreign stop lists that
// hold it, loading them on first use.
func foreignStops() map[string]uint32 {
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
	})
	return stopMasks
}

// pageLanguage returns the bit of the foreign stop list with the most hits
// in the longer lines, and whether it has enough of them (one word in ten)
// to tell prose from menus.
func pageLanguage(lines []line) (bit uint32, ok bool) {
	masks := foreignStops()
	var hits [32]int
	words := 0
	for i := range lines {
		if lines[i].words < 5 {
			continue
		}
		for _, w := range strings.Fields(lines[i].key) {
			words++
			for m := masks[w]; m != 0; m &= m - 1 {
				hits[bits.TrailingZeros32(m)]++
			}
		}
	}
	best := 0
	for i := range hits {
		if hits[i] > hits[best] {
			best = i
		}
	}
	return 1 << best, words > 0 && hits[best]*10 >= words
}

// remeasureStops recounts a line's stop words and its headline shape with
// the foreign stop list bit.
func remeasureStops(l *line, bit uint32) {
	masks := foreignStops()
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
// words: the English list is used when it fits, else the foreign list that
// fits best replaces it in every line's measures.
func hasStopWords(lines []line) bool {
	if isEnglish(lines) {
		return true
	}
	bit, ok := pageLanguage(lines)
	if !ok {
		return false
	}
	for i := range lines {
		remeasureStops(&lines[i], bit)
	}
	return true
}
