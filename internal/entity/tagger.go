package entity

// The sequence tagger
//
// A trained tagger decides which tokens are names and of which kind. It is a
// first-order linear model (an averaged structured perceptron, see train.go)
// over five labels: O, PER, ORG, LOC and MISC, with no B/I distinction since
// two names of one kind almost never touch without punctuation between them.
// Only candidate tokens are labelled: capitalised words, and the hyphens,
// particles ("de", "al"), connectors ("of", "and") and ampersands that join
// them; every other token is O. A document's candidates fall into short
// stretches, and Viterbi decoding runs over each stretch.
//
// The features of a candidate token are hashed into a table of rows, one
// weight per label; O's weight is fixed at zero, which loses nothing since
// only differences between labels matter. They describe the word (its key,
// shape, affixes, lexicon classes, gazetteer names that cover it), its
// neighbours (keys, shapes and classes two tokens either side, bigrams), its
// place (sentence start, headline in capitals, first token of a line, after
// a bracket, possessive), its stretch (position, first and last word), and
// the document: whether the article writes the word in lower case elsewhere,
// or capitalised inside a sentence.

import (
	"unicode"
	"unicode/utf8"
)

// The labels of the tagger.
const (
	tagO = iota
	tagPer
	tagOrg
	tagLoc
	tagMisc
	nTags
)

// tagKind maps a label to its kind; MISC and O map to -1.
var tagKind = [nTags]Kind{-1, Person, Org, Place, -1}

// The feature templates. Their numbers are part of the model format.
const (
	fBias uint64 = iota + 1
	fWord
	fPrev1
	fNext1
	fPrev2
	fNext2
	fBigramPrev
	fBigramNext
	fShape
	fShape3
	fSuffix3
	fSuffix4
	fPrefix3
	fClass
	fClassPrev
	fClassNext
	fGazetteer
	fPlace
	fPlaceShape
	fDoc
	fStretch
	fStretchFirst
	fStretchLast
	fWordCaps
	fGazetteerPrev
	fGazetteerNext
	fStretchLastClass
	fCommon
	fCity
	nFeatures = fCity
)

// mix combines two 64-bit values into a well-spread hash.
func mix(a, b uint64) uint64 {
	h := a ^ (b*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019)
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}

// strHash returns the FNV-1a hash of s.
func strHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// tokInfo is what the tagger knows about one token of a document.
type tokInfo struct {
	word  uint64 // hash of the key, or of the punctuation rune
	shape uint64 // hash of the short word shape
	gaz   uint8  // kinds of gazetteer names covering the token, and B/I
	city  uint8  // 1 begins, 2 continues a name of the list of cities
	cand  bool   // the token is labelled
}

// Document bits of a word key.
const (
	seenLower  = 1 // the document writes the word in lower case
	seenCapMid = 2 // the document writes it capitalised inside a sentence
	seenCapRun = 4 // or capitalised next to another capitalised word
)

// prepare fills d.info and d.docBits for the tagger.
func (x *Extractor) prepare(d *doc) {
	n := len(d.toks)
	d.info = d.info[:0]
	d.docBits.reset(n)
	for i := range d.toks {
		t := &d.toks[i]
		var in tokInfo
		if t.is(tWord) || t.is(tHyphen) {
			in.word = t.hash
			switch {
			case t.is(tLower):
				d.docBits.add(in.word, seenLower)
			case t.capWord() && !t.is(tSentStart) && !d.segCaps[t.seg]:
				d.docBits.add(in.word, seenCapMid)
			case t.capWord() && !d.segCaps[t.seg] && (d.sameSeg(i, i+1) && d.toks[i+1].capWord() || i > 0 && d.sameSeg(i-1, i) && d.toks[i-1].capWord()):
				d.docBits.add(in.word, seenCapRun) // "Darren Green said"
			}
		} else {
			in.word = uint64(t.punct) + 1<<40
			in.shape = in.word
		}
		d.info = append(d.info, in)
	}
	for i := range n {
		d.info[i].cand = d.candidate(i)
	}
	for i := range n { // shapes of the candidates and their neighbours only
		if d.info[i].cand {
			for j := max(i-1, 0); j <= min(i+1, n-1); j++ {
				if d.info[j].shape == 0 {
					d.info[j].shape = shapeHash(d.text(j))
				}
			}
		}
	}
	x.markGazetteer(d)
	x.markCities(d)
}

// maxCityTokens bounds the tokens of a name in the list of cities.
const maxCityTokens = 5

// markCities marks the candidate tokens that spell a name of the list of
// cities (data/cities.txt), the longest at each position.
func (x *Extractor) markCities(d *doc) {
	for i := 0; i < len(d.toks); {
		if !d.info[i].cand || !d.toks[i].is(tWord) {
			i++
			continue
		}
		n := 0
		h := uint64(0)
		for j := i; j < len(d.toks) && j-i < maxCityTokens && d.info[j].cand && d.sameSeg(i, j); j++ {
			h = mix(h, d.toks[j].hash)
			if _, ok := x.cities.get(h); ok {
				n = j + 1 - i
			}
		}
		if n == 0 {
			i++
			continue
		}
		d.info[i].city = 1
		for j := i + 1; j < i+n; j++ {
			d.info[j].city = 2
		}
		i += n
	}
}

// candidate reports whether token i is labelled by the tagger.
func (d *doc) candidate(i int) bool {
	t := &d.toks[i]
	switch {
	case t.is(tWord) && t.capWord():
		return true
	case t.is(tHyphen):
		return i > 0 && d.sameSeg(i, i+1) && (d.toks[i-1].capWord() || d.toks[i+1].capWord())
	case t.is(tWord) && t.is(tLower) && t.class&(cParticle|cConnector) != 0:
		next := d.sameSeg(i, i+1) && (d.toks[i+1].capWord() || d.toks[i+1].is(tHyphen) ||
			t.class&cParticle != 0 && d.toks[i+1].class&cParticle != 0 && d.sameSeg(i, i+2) && d.toks[i+2].capWord()) // "von der Leyen"
		prev := i > 0 && d.sameSeg(i-1, i) && (d.toks[i-1].capWord() || d.info[i-1].cand)
		return next && (prev || t.class&cParticle != 0)
	case t.punct == '&':
		return i > 0 && d.sameSeg(i-1, i+1) && d.toks[i-1].capWord() && d.toks[i+1].capWord()
	}
	return false
}

// sameSeg reports whether tokens i and j exist and are of one segment.
func (d *doc) sameSeg(i, j int) bool {
	return i >= 0 && j < len(d.toks) && d.toks[i].seg == d.toks[j].seg
}

// markGazetteer records, for each token, the kinds of the longest gazetteer
// names that cover it (bits 0-2) and whether it begins one (bit 3).
func (x *Extractor) markGazetteer(d *doc) {
	for i := 0; i < len(d.toks); {
		if !d.info[i].cand || !d.toks[i].is(tWord) {
			i++
			continue
		}
		n, node := x.trie.longest(d, i, len(d.toks))
		if n == 0 {
			i++
			continue
		}
		var bits uint8
		for _, e := range x.trie.ents[node] {
			if k := x.ents[e].kind; k >= 0 {
				bits |= 1 << k
			} else {
				bits |= 1 << 4
			}
		}
		d.info[i].gaz = bits | 1<<3
		for j := i + 1; j < i+n; j++ {
			d.info[j].gaz = bits
		}
		i += n
	}
}

// shapeHash returns the hash of the short shape of a word: X for an upper
// case letter, x for lower case, d for a digit, the rune itself otherwise,
// repeats collapsed, at most 8 symbols.
func shapeHash(s string) uint64 {
	h := uint64(14695981039346656037)
	var last rune
	n := 0
	for _, r := range s {
		c := r
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'A' <= r && r <= 'Z':
				c = 'X'
			case 'a' <= r && r <= 'z':
				c = 'x'
			case '0' <= r && r <= '9':
				c = 'd'
			}
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			continue
		}
		last = c
		if n++; n > 8 {
			break
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	if utf8.RuneCountInString(s) == 1 {
		h ^= 0x5151
	}
	return h | 1 // never 0, which marks a shape not yet computed
}

// features appends the feature hashes of candidate token i, whose stretch
// of candidates is [a, b), to out.
func (x *Extractor) features(d *doc, i, a, b int, out []uint64) []uint64 {
	t := &d.toks[i]
	in := &d.info[i]
	w := in.word
	prev1, prev2 := d.around(i, -1), d.around(i, -2)
	next1, next2 := d.around(i, 1), d.around(i, 2)
	out = append(out,
		mix(fBias, 0),
		mix(fWord, w),
		mix(fPrev1, prev1.word),
		mix(fNext1, next1.word),
		mix(fPrev2, prev2.word),
		mix(fNext2, next2.word),
		mix(fBigramPrev, mix(prev1.word, w)),
		mix(fBigramNext, mix(w, next1.word)),
		mix(fShape, in.shape),
		mix(fShape3, mix(mix(prev1.shape, in.shape), next1.shape)),
		mix(fClass, uint64(t.class)),
		mix(fClassPrev, d.classAt(i-1)),
		mix(fClassNext, d.classAt(i+1)),
		mix(fGazetteer, uint64(in.gaz)),
		mix(fGazetteerPrev, uint64(prev1.gaz)),
		mix(fGazetteerNext, uint64(next1.gaz)),
	)
	if t.is(tWord) {
		k := d.key(i)
		out = append(out, mix(fSuffix3, affix(k, 3, false)), mix(fSuffix4, affix(k, 4, false)), mix(fPrefix3, affix(k, 3, true)))
	}
	place := d.placeBits(i)
	if in.city != 0 {
		out = append(out, mix(fCity, uint64(in.city)|uint64(prev1.city)<<2|uint64(next1.city)<<4))
	}
	if x.isCommon(w) {
		out = append(out, mix(fCommon, place&3))
	}
	out = append(out,
		mix(fPlace, place),
		mix(fPlaceShape, mix(place, in.shape)),
		mix(fDoc, uint64(d.docBits.get(w)&(seenLower|seenCapMid))|place<<4),
		mix(fWordCaps, mix(w, place&3)),
	)
	pos := uint64(0) // single
	switch {
	case b-a > 1 && i == a:
		pos = 1
	case b-a > 1 && i == b-1:
		pos = 2
	case b-a > 1:
		pos = 3
	}
	out = append(out, mix(fStretch, pos|uint64(min(b-a, 5))<<2))
	if b-a > 1 {
		out = append(out, mix(fStretchFirst, mix(d.info[a].word, pos)), mix(fStretchLast, mix(d.info[b-1].word, pos)),
			mix(fStretchLastClass, mix(uint64(d.toks[b-1].class), pos)))
	}
	return out
}

// noInfo stands for the tokens beyond a segment's ends.
var noInfo = tokInfo{word: 1 << 41, shape: 1 << 41}

// around returns the tagger information of token i+off, or noInfo when that
// token is in another segment or does not exist.
func (d *doc) around(i, off int) *tokInfo {
	j := i + off
	if j < 0 || j >= len(d.toks) || d.toks[j].seg != d.toks[i].seg {
		return &noInfo
	}
	return &d.info[j]
}

// classAt returns the lexicon classes of token i, or a marker outside the
// document.
func (d *doc) classAt(i int) uint64 {
	if i < 0 || i >= len(d.toks) {
		return 1 << 20
	}
	return uint64(d.toks[i].class)
}

// placeBits describes where token i stands: in a headline in capitals,
// first of a sentence, first of its line, after an opening bracket, before
// a possessive, with an acronym plural or swallowed dot.
func (d *doc) placeBits(i int) uint64 {
	t := &d.toks[i]
	var p uint64
	if d.segCaps[t.seg] {
		p |= 1
	}
	if t.is(tSentStart) {
		p |= 2
	}
	if i == 0 || d.toks[i-1].seg != t.seg {
		p |= 4
	}
	if i > 0 && d.toks[i-1].punct == '(' {
		p |= 8
	}
	if t.is(tPoss) {
		p |= 16
	}
	if t.is(tPlural) {
		p |= 32
	}
	if t.is(tDot) {
		p |= 64
	}
	return p
}

// affix returns the hash of the first or last n bytes of key k, or of k
// when it is shorter.
func affix(k string, n int, prefix bool) uint64 {
	if len(k) > n {
		if prefix {
			k = k[:n]
		} else {
			k = k[len(k)-n:]
		}
	}
	return strHash(k) ^ uint64(n)<<56
}

// stretches calls fn for each maximal stretch [a, b) of candidate tokens of
// one segment.
func (d *doc) stretches(fn func(a, b int)) {
	for i := 0; i < len(d.toks); {
		if !d.info[i].cand {
			i++
			continue
		}
		j := i + 1
		for j < len(d.toks) && d.info[j].cand && d.toks[j].seg == d.toks[i].seg && !d.toks[j-1].is(tPoss) && j-i < maxRun {
			j++
		}
		fn(i, j)
		i = j
	}
}

// viterbi writes the best labels of the stretch of n tokens whose emission
// scores are em[k*nTags+tag] into tags, given transition scores trans[from][to]
// where from == nTags is the O before the stretch.
func viterbi[S int32 | float64](em []S, trans *[nTags + 1][nTags]S, back []uint8, tags []uint8) {
	n := len(tags)
	var cur, next [nTags]S
	for t := range nTags {
		cur[t] = trans[nTags][t] + em[t]
	}
	for k := 1; k < n; k++ {
		for t := range nTags {
			best, arg := cur[0]+trans[0][t], 0
			for p := 1; p < nTags; p++ {
				if s := cur[p] + trans[p][t]; s > best {
					best, arg = s, p
				}
			}
			next[t] = best + em[k*nTags+t]
			back[k*nTags+t] = uint8(arg)
		}
		cur = next
	}
	// The stretch is followed by O: add the transition into it.
	best, arg := cur[0]+trans[0][tagO], 0
	for t := 1; t < nTags; t++ {
		if s := cur[t] + trans[t][tagO]; s > best {
			best, arg = s, t
		}
	}
	for k := n - 1; k >= 0; k-- {
		tags[k] = uint8(arg)
		arg = int(back[k*nTags+arg])
	}
}

// bitSet maps word hashes to document bits: an open-addressing table with
// linear probing, at most half full, cheaper than a map of strings.
type bitSet struct {
	keys []uint64 // 0 marks an empty slot
	bits []uint8
	mask uint64
}

// reset empties s for a document of n tokens.
func (s *bitSet) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(s.keys) < size {
		s.keys, s.bits = make([]uint64, size), make([]uint8, size)
	}
	s.keys, s.bits = s.keys[:size], s.bits[:size]
	clear(s.keys)
	clear(s.bits)
	s.mask = uint64(size - 1)
}

// slot returns the slot of hash h: its own, or the empty one where it goes.
func (s *bitSet) slot(h uint64) uint64 {
	h |= 1
	i := (h * 0x9E3779B97F4A7C15) >> 32 & s.mask
	for s.keys[i] != 0 && s.keys[i] != h {
		i = (i + 1) & s.mask
	}
	return i
}

// add sets bits b on hash h. Each token adds at most once, so the table
// stays at most half full.
func (s *bitSet) add(h uint64, b uint8) {
	i := s.slot(h)
	s.keys[i] = h | 1
	s.bits[i] |= b
}

// get returns the bits of hash h.
func (s *bitSet) get(h uint64) uint8 {
	return s.bits[s.slot(h)]
}

// citySet reads data/cities.txt into a set of the hashes of each name's
// token keys, combined as markCities combines them.
func (x *Extractor) citySet(d *doc) (*table[bool], error) {
	set := new(table[bool])
	err := readLines("data/cities.txt", func(_ int, name string) error {
		d.reset()
		d.load(x.lex, "", []string{name})
		if len(d.toks) == 0 || len(d.toks) > maxCityTokens {
			return nil
		}
		h := uint64(0)
		for i := range d.toks {
			h = mix(h, d.toks[i].hash)
		}
		*set.ptr(h) = true
		return nil
	})
	set.seal()
	return set, err
}

// setCommon makes the common-word IDs of the model quick to look up.
func (x *Extractor) setCommon(ids map[uint32]bool) {
	x.common = new(table[bool])
	for id := range ids {
		*x.common.ptr(uint64(id)) = true
	}
	x.common.seal()
}

// isCommon reports whether the word of hash h is a common word.
func (x *Extractor) isCommon(h uint64) bool {
	_, ok := x.common.get(uint64(wordID(h)))
	return ok
}
