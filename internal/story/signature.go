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
// Shingles that hold a figure (a word with a digit) count figureWeight
// times. Regular reports filed from one template ("loans fell 195 mln dlrs
// in the week", "the Bank of England forecast a shortage of 800 mln stg")
// differ mostly in their figures, while copies of one report keep them.
//
// A body with fewer than SketchShingles shingles is judged by its Sketch
// instead (sketch.go): the exact words, figures and headline names that a
// signature of so few shingles estimates too coarsely. Without sketches
// (a state written before them), a body with fewer than MinShingles
// shingles matches only a body with the very same signature, and
// SignArticle puts the headline into such a signature, since a short
// notice ("Qtly div 25 cts vs 25 cts prior. Pay April 30") often names its
// company in the headline only.
package story

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
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
const MinShingles = 30

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

// SignArticle returns the signature of an article: Sign(body), or, when
// the body has fewer than MinShingles shingles, the signature of the title
// and the body together. The count is always the body's.
func SignArticle(title, body string) (Signature, int) {
	sig, n := Sign(body)
	if n < MinShingles && strings.TrimSpace(title) != "" {
		sig, _ = Sign(title + "\n\n" + body)
	}
	return sig, n
}

// shingles calls emit with the hash of each word 3-shingle of para (of
// each word, when para has fewer than three) and returns how many there
// were.
func shingles(para string, emit func(uint64)) int {
	var w [3]uint64 // hashes of the last three words
	var fig [3]bool // whether each holds a digit
	words, n := 0, 0
	forWords(para, func(h uint64, digit bool) {
		w[0], w[1], w[2] = w[1], w[2], h
		fig[0], fig[1], fig[2] = fig[1], fig[2], digit
		words++
		if words >= 3 {
			n += weigh(w[0]*0x9e3779b97f4a7c15^w[1]*0xc2b2ae3d27d4eb4f^w[2], fig[0] || fig[1] || fig[2], emit)
		}
	})
	if words < 3 {
		for i := 3 - words; i < 3; i++ {
			n += weigh(w[i], fig[i], emit)
		}
	}
	return n
}

// figureWeight is how many times a shingle with a figure in it counts.
const figureWeight = 3

// weigh emits shingle h once, or figureWeight times under different
// salts when it holds a figure, and counts it once.
func weigh(h uint64, figure bool, emit func(uint64)) int {
	emit(h)
	if figure {
		for i := uint64(1); i < figureWeight; i++ {
			emit(h ^ i*0xd6e8feb86659fd93)
		}
	}
	return 1
}

// forWords calls f with a hash of each lowercased word of s and whether
// the word holds a digit.
func forWords(s string, f func(h uint64, digit bool)) {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	h, in, digit := uint64(offset), false, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			in, digit = true, digit || unicode.IsDigit(r)
			continue
		}
		if in {
			f(h, digit)
			h, in, digit = offset, false, false
		}
	}
	if in {
		f(h, digit)
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

// MarshalText encodes s as base64 of its positions, little-endian: a
// third of the size of a JSON array of numbers.
func (s Signature) MarshalText() ([]byte, error) {
	var raw [Hashes * 4]byte
	for i, v := range s {
		binary.LittleEndian.PutUint32(raw[i*4:], v)
	}
	return []byte(base64.RawStdEncoding.EncodeToString(raw[:])), nil
}

// UnmarshalText decodes what MarshalText wrote.
func (s *Signature) UnmarshalText(b []byte) error {
	var raw [Hashes * 4]byte
	n, err := base64.RawStdEncoding.Decode(raw[:], b)
	if err != nil || n != len(raw) || base64.RawStdEncoding.DecodedLen(len(b)) != len(raw) {
		return fmt.Errorf("story signature: %d bytes of base64 that do not decode to %d", len(b), len(raw))
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(raw[i*4:])
	}
	return nil
}
