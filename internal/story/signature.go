// Package story groups near-copies of one news story: wire copy carried by
// several outlets, re-scrapes, lightly edited updates.
//
// # Signatures
//
// Each article's cleaned body gets a MinHash signature of its word
// 3-shingles. Words are runs of letters and digits, lowercased. Shingles
// never cross a paragraph break, so reordering paragraphs leaves the set of
// shingles as it was. For each of Hashes hash functions the signature keeps
// the least hash of any shingle; two bodies agree on a position with
// probability equal to the Jaccard similarity of their shingle sets, so the
// share of equal positions estimates it (Similarity).
//
// MinHash was chosen over a 64-bit SimHash by measurement on the labelled
// set (testdata/stories.txt and its perturbed copies): SimHash distances of
// copies with boilerplate left in or a sentence edited (up to 24 bits of 64)
// overlapped those of different stories on the same topic (from 13 bits), so
// no threshold gave both precision and recall; estimated Jaccard similarity
// separates them with a wide margin (see group_test.go).
//
// A body with fewer than MinShingles shingles says too little to be judged
// by nearness: it matches only a body with the very same signature.
package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hashes is the number of hash functions, the length of a Signature.
const Hashes = 64

// Signature is the MinHash of an article body.
type Signature [Hashes]uint32

// MinShingles is the fewest shingles a body needs to match another body by
// nearness rather than by an equal signature.
const MinShingles = 12

// maxSignBytes bounds the work of Sign: text after this many bytes is not
// read. Copies differ early as much as late, so the head decides.
const maxSignBytes = 256 << 10

// seeds holds one seed per hash function, fixed so that signatures made
// by different runs compare.
var seeds = func() (s [Hashes]uint64) {
	x := uint64(0x6e657773667473) // "newsfts"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// Similarity estimates the Jaccard similarity of the shingle sets that a
// and b were made of: the share of positions where they agree.
func Similarity(a, b *Signature) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / Hashes
}

// Sign returns the signature of body, whose paragraphs are separated by
// blank lines, and the number of shingles it was made of (0, with every
// position at its maximum, for a body without words).
func Sign(body string) (Signature, int) {
	if len(body) > maxSignBytes {
		body = body[:maxSignBytes]
	}
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	n := 0
	for _, para := range strings.Split(body, "\n\n") {
		n += shingles(para, func(h uint64) {
			for i, seed := range seeds {
				if v := uint32(mix(h ^ seed)); v < sig[i] {
					sig[i] = v
				}
			}
		})
	}
	return sig, n
}

// shingles calls emit with the hash of each word 3-shingle of para (of
// each word, when para has fewer than three) and returns how many there
// were.
func shingles(para string, emit func(uint64)) int {
	var w [3]uint64 // hashes of the last three words
	words, n := 0, 0
	forWords(para, func(h uint64) {
		w[0], w[1], w[2] = w[1], w[2], h
		words++
		if words >= 3 {
			emit(w[0]*0x9e3779b97f4a7c15 ^ w[1]*0xc2b2ae3d27d4eb4f ^ w[2])
			n++
		}
	})
	if words < 3 {
		for _, h := range w[3-words:] {
			emit(h)
			n++
		}
	}
	return n
}

// forWords calls f with a hash of each lowercased word of s.
func forWords(s string, f func(uint64)) {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			in = true
			continue
		}
		if in {
			f(h)
			h, in = offset, false
		}
	}
	if in {
		f(h)
	}
}

// mix is the finaliser of SplitMix64: it spreads every input bit over the
// whole word, so that the hash functions are independent enough.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
