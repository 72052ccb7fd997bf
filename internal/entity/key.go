package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key returns the facet and search key of a name: lower case, Latin
// diacritics folded (Gören and Goren give "goren"), dotted İ and dotless ı
// folded to i, typographic apostrophes turned into ', combining marks
// dropped, and runs of white space collapsed into one space with none at
// either end. Invalid UTF-8 bytes are dropped.
func Key(name string) string {
	b := make([]byte, 0, len(name))
	space, started := false, false
	for i := 0; i < len(name); {
		r, w := utf8.DecodeRuneInString(name[i:])
		i += w
		switch {
		case r == utf8.RuneError && w == 1:
			continue
		case unicode.IsSpace(r):
			space = started
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		n := len(b)
		b = appendFold(b, r)
		started = started || len(b) > n
	}
	return string(b)
}

// appendFold appends the folded form of r to b: lower case without
// diacritics. Combining marks fold to nothing.
func appendFold(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return b
	}
	r = unicode.ToLower(r)
	if s, ok := foldTable[r]; ok {
		return append(b, s...)
	}
	return utf8.AppendRune(b, r)
}

// foldGroups lists lower-case Latin letters with diacritics (Latin-1
// Supplement, Latin Extended-A and the Romanian comma-below letters) beside
// the plain letters they fold to. Written for newsfts.
var foldGroups = [...]struct{ from, to string }{
	{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"},
	{"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"},
	{"ĺļľŀł", "l"}, {"ñńņňŉ", "n"}, {"òóôõöøōŏő", "o"}, {"ŕŗř", "r"},
	{"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"}, {"ŵ", "w"},
	{"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"},
	{"þ", "th"}, {"’‘ʼ`´", "'"},
}

// foldTable maps each rune of foldGroups to its folded form. It is filled
// once at start-up and only read afterwards.
var foldTable = func() map[rune]string {
	m := make(map[rune]string, 200)
	for _, g := range foldGroups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// collapseSpace trims s and replaces each run of white space by one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
