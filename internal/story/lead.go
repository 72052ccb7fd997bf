package story

// The template guard for long bodies.
//
// Wires file many long notices from one template: a eurobond issue ("X is
// issuing a 100 mln dlr convertible eurobond due March 31, 2002 paying an
// indicated two pct ... lead manager Y said"), a market report at midday
// and at the close, a price table each day. Two such notices share most of
// their shingles, so their signatures can pass the threshold, but they are
// different stories: what tells them apart is the lead, the first
// sentence, where each names its own issuer, market or date and gives its
// own figures. A re-filing or a syndicated copy keeps those; a
// boilerplate line, an edit of a word or two, a reordering or a cut
// paragraph does not take them away from the whole body.
//
// So a long body's Sketch holds no words but its lead's tokens (Names:
// the figures and capitalised words, not counting a sentence's first word,
// of its first leadWords words) and the distinguishing tokens of the whole
// body (Slots: every figure and capitalised word, as 16-bit fingerprints,
// sorted and packed four to a value, so that a state keeps them in about
// 2 bytes a token: a collision only makes a token seem present). Two
// long bodies are different stories from one template (templated) when
// each lead has at least leadMissing tokens that the other body lacks.
// Both sides must miss them: a copy with boilerplate put before its lead
// has a lead the original lacks, but the original's lead is still in the
// copy. Measured on Reuters (cmd/evalstories), this parts the eurobond
// issues and market reports that grouping used to merge, and costs no
// recall on the perturbed copies.

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// leadWords is how many words of a long body make its lead.
const leadWords = 30

// leadMissing is how many of its lead's tokens each of two long bodies
// must lack in the other for the two to be different stories.
const leadMissing = 2

// maxBodyTokens bounds the body tokens a long body's sketch keeps: the
// least fingerprints, so that two sketches keep the same part of a token
// set.
const maxBodyTokens = 256

// leadSketch returns the sketch of a long body: its lead's tokens and its
// body's (see the comment above).
func leadSketch(body string) *Sketch {
	sk := &Sketch{}
	var fps []uint16
	n := 0
	distinct(body, func(tok string, first bool) {
		h := tokenHash(tok)
		fps = append(fps, uint16(h))
		if n < leadWords && !first {
			sk.Names = append(sk.Names, h)
		}
	}, func() { n++ })
	slices.Sort(fps)
	fps = slices.Compact(fps)
	sk.Slots = pack(fps[:min(len(fps), maxBodyTokens)])
	sk.Names = sortedUnique(sk.Names)
	return sk
}

// pack puts sorted distinct fingerprints four to a value, the first in
// the top bits, the last value filled up with the last fingerprint: the
// values come out sorted and distinct, as a Sketch's Slots are kept.
func pack(fps []uint16) []uint64 {
	out := make([]uint64, 0, (len(fps)+3)/4)
	for i := 0; i < len(fps); i += 4 {
		var v uint64
		for j := i; j < i+4; j++ {
			v = v<<16 | uint64(fps[min(j, len(fps)-1)])
		}
		out = append(out, v)
	}
	return out
}

// unpack returns the fingerprints pack packed, sorted and distinct.
func unpack(packed []uint64) []uint16 {
	out := make([]uint16, 0, 4*len(packed))
	for _, v := range packed {
		for shift := 48; shift >= 0; shift -= 16 {
			out = append(out, uint16(v>>shift))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// distinct calls tok with each token of body that a template fills in: a
// figure (a word with a digit, its inner points, commas, slashes and
// hyphens kept) or a word of two letters or more that starts with a
// capital, and whether the token starts a sentence. It calls word after
// each word, distinguishing or not. Words split as sketchWords splits
// them.
func distinct(body string, tok func(t string, first bool), word func()) {
	first, start := true, -1
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c >= utf8.RuneSelf || alnum[c] {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 || joiner[c] && i+1 < len(body) && isDigit(body[i-1]) && isDigit(body[i+1]) {
			continue
		}
		t := body[start:i]
		start = -1
		word()
		emit(t, first, tok)
		first = endsSentence(body, i, t)
	}
	if start >= 0 {
		word()
		emit(body[start:], first, tok)
	}
}

// emit calls tok with t if t is a figure or a capitalised word.
func emit(t string, first bool, tok func(t string, first bool)) {
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) && len(t) > 1 || hasDigit(t) {
		tok(t, first)
	}
}

// joiners are the marks that join the digits of a figure ("7.3",
// "2,858,000", "17-1/4", "12:10"), for distinct as for sketchWords.
const joiners = ".,/-:"

// alnum and joiner classify the bytes of a body for distinct and
// sketchWords.
var alnum, joiner = func() (a, j [256]bool) {
	for c := range 256 {
		a[c] = isAlnum(byte(c))
	}
	for _, c := range joiners {
		j[c] = true
	}
	return a, j
}()

// endsSentence reports whether the word t, which ends at body[i], ends a
// sentence: a full stop, question or exclamation mark or a paragraph
// break follows it, and it is not an initial ("U.S.", "J.").
func endsSentence(body string, i int, t string) bool {
	switch body[i] {
	case '!', '?':
		return true
	case '.':
		return len(t) > 2
	case '\n':
		return i+1 < len(body) && body[i+1] == '\n'
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// tokenHash returns the hash of a token, lowercased.
func tokenHash(t string) uint32 {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h := uint64(offset)
	for _, r := range t {
		h = (h ^ uint64(unicode.ToLower(r))) * prime
	}
	return uint32(mix(h))
}

// templated reports whether two long bodies' sketches are of different
// stories filed from one template: each lead has leadMissing tokens or
// more that the other body lacks. A sketch without a lead (nil, or a state
// written before leads) never is.
func templated(a, b *Sketch) bool {
	if a == nil || b == nil || len(a.Names) == 0 || len(b.Names) == 0 {
		return false
	}
	return missing(a.Names, b.Slots) >= leadMissing && missing(b.Names, a.Slots) >= leadMissing
}

// missing counts the lead tokens that a packed body lacks; a token above
// the greatest fingerprint of a body cut to maxBodyTokens is not known to
// be missing.
func missing(lead []uint32, packed []uint64) int {
	body := unpack(packed)
	n := 0
	for _, t := range lead {
		fp := uint16(t)
		if len(body) >= maxBodyTokens && fp > body[len(body)-1] {
			continue
		}
		if _, ok := slices.BinarySearch(body, fp); !ok {
			n++
		}
	}
	return n
}
