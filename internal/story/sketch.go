package story

// Sketches of short bodies.
//
// A MinHash signature judges a short body badly: a wire item of twenty
// words has about twenty shingles, so two boilerplate lines left in by the
// cleaner, or one reworded sentence, move its estimated similarity to a
// copy below any safe threshold. And short bodies are where regular
// notices filed from one template live ("Qtly div 25 cts vs 25 cts prior",
// "the Fed arranged 1.5 billion dlrs of customer repurchases"): their
// copies and the notices of other companies or other days differ in a
// figure or a name only.
//
// So a body with fewer than SketchShingles shingles also gets a Sketch:
// the exact set of its words, its figure slots and the figures and names
// of its headline. Two sketched articles are copies when
//
//   - most words of the smaller body are in the other (containment, not
//     Jaccard similarity, so boilerplate added to one side or a paragraph
//     cut from it does not count against them; words rather than shingles,
//     so a reworded sentence costs only the words changed);
//   - no figure slot conflicts: a slot is the two words before a figure
//     and the one after it ("record april _", "backlog of _ ships"), any
//     figure among them standing for every figure ("july _ #" for "July
//     280 3/4"), so that a table of quotes at another time of day puts
//     other figures in the same slots; and the two bodies
//     conflict when they put different figures in the same slot, which is
//     what two notices from one template do and what a copy does not (an
//     edit that drops a figure or a boilerplate line with a year in it
//     makes no conflict, since neither puts another figure in the slot);
//   - the headlines' figures do not conflict: they fill a slot of their
//     own (headlineSlot: "GRAIN FUTURES 12:10" against "11:40", "GIVEN
//     120 MLN STG HELP" against "GIVEN 85 MLN"), and neither headline
//     gives a figure of its own body that the other article has nowhere
//     (headlineOwn: a later notice of the day repeats the earlier one's
//     words, but its headline's figure is its own);
//   - the two articles do not each have ownTokens tokens or more that the
//     other lacks (tokensOwn), a token being a figure of the body or the
//     headline, or a name of the headline that the body repeats: a copy
//     adds none (a dated boilerplate line adds one figure), while an edit
//     or a cut may drop some;
//   - their headlines, when both have names that their bodies lack, share
//     one, and do not each have a name that the other article has nowhere
//     (namesOwn): a name is a word of the headline that is not a common
//     headline word (generic), and starts with a capital unless the
//     headline is all capitals; usually the company or market that a
//     short notice names ("OMAHA HOGS OPEN UP" against "JOLIET HOGS OPEN
//     UP"), in its body too or not ("NOTE: Franklin Insured Tax-Free
//     Income Fund").
//
// A copy's headline, however another outlet rewrites it, takes its words
// and figures from its original's headline and body, so none of the
// headline rules parts it from its original; its wire tag ("UPDATE 1-")
// is dropped first.
//
// Candidates for the comparison come from the LSH bands and from a second
// index: each sketched story is filed under the least few hashes of its
// words (sketchKeys), and a sketched article looks up every word it has,
// so a copy that holds most of a short story's words finds it even when
// boilerplate makes their signatures unlike.

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SketchShingles is the number of shingles under which a body gets a
// Sketch.
const SketchShingles = 100

// maxSketchWords bounds a Sketch's word set.
const maxSketchWords = 192

// Containment is the least share of the smaller sketch's words that the
// other must hold.
const Containment = 0.75

// minSketchWords is the fewest distinct words a sketch needs to be matched
// by containment; smaller ones must hold the same words.
const minSketchWords = 6

// Sketch is the exact detail of a short body (see the comment above).
type Sketch struct {
	Words []uint32 `json:"w"`           // sorted distinct hashes of the body's words
	Slots []uint64 `json:"f,omitempty"` // figure slots: slot hash<<32 | figure hash, sorted
	Names []uint32 `json:"t,omitempty"` // sorted hashes of the headline's names
}

// NewSketch returns the sketch of an article: of a short body, or of a
// long one's lead when its body has SketchShingles shingles or more
// (lead.go).
func NewSketch(title, body string) *Sketch {
	if len(body) > maxSignBytes {
		body = body[:maxSignBytes]
	}
	n := 0
	for _, para := range strings.Split(body, "\n\n") {
		n += shingles(para, func(uint64) {})
		if n >= SketchShingles {
			return leadSketch(body)
		}
	}
	return sketch(title, body)
}

// SketchArticle returns the sketch of an article whose body was found to
// have shingles shingles (by Sign or SignArticle), sparing NewSketch's
// count.
func SketchArticle(title, body string, shingles int) *Sketch {
	if len(body) > maxSignBytes {
		body = body[:maxSignBytes]
	}
	if shingles >= SketchShingles {
		return leadSketch(body)
	}
	return sketch(title, body)
}

// sketch returns the sketch of a short body.
func sketch(title, body string) *Sketch {
	sk := &Sketch{}
	for _, para := range strings.Split(body, "\n\n") {
		sk.addParagraph(para)
	}
	sk.Words = sortedUnique(sk.Words)
	if len(sk.Words) > maxSketchWords {
		sk.Words = sk.Words[:maxSketchWords]
	}
	// A Set keeps every short body's sketch for the whole run: copies
	// without the slack of append and duplicates halve what they hold.
	sk.Words = slices.Clone(sk.Words)
	sk.addHeadline(title)
	sk.Slots = slices.Clone(sortedUnique(sk.Slots))
	return sk
}

// addParagraph adds the words and figure slots of para. A figure's slot
// is the two words before it and the word after it.
func (sk *Sketch) addParagraph(para string) {
	const edge, anyFigure = 0x5eed, 0xf16  // the words before the first and after the last; a figure in a slot
	w := [4]uint64{edge, edge, edge, edge} // w[2] is the word whose slot is next
	var fig [4]bool
	push := func(h uint64, figure bool) {
		copy(w[:], w[1:])
		copy(fig[:], fig[1:])
		w[3], fig[3] = h, figure
		if fig[2] {
			c := w
			for i := range c {
				if fig[i] {
					c[i] = anyFigure
				}
			}
			ctx := mix(mix(c[0]) ^ c[1]*31 ^ c[3]*0x9e3779b97f4a7c15)
			sk.Slots = append(sk.Slots, uint64(uint32(ctx))<<32|uint64(uint32(w[2])))
		}
	}
	sketchWords(para, func(h uint64, digit bool) {
		sk.Words = append(sk.Words, uint32(h))
		push(h, digit || numberWords[uint32(h)])
	})
	push(edge, false)
}

// A headline's tokens are kept in two slots of their own. headlineSlot
// holds its figures: a notice's headline gives the figure of the day
// ("GIVEN 120 MLN STG HELP"), the time of a table ("GRAIN FUTURES
// 12:10") or its date ("TERM MONEY - APR 7"), so two headlines of one
// template put different figures in it and conflict, and a headline's
// figure that its body gives too and the other article lacks marks
// another story (headlineOwn). namedSlot holds the names (eachName) that
// its body has too, the one name that tells a notice from the others of
// its template ("FRANKLIN MASSACHUSETTS SETS PAYOUT", the body naming the
// fund again): namesOwn counts them with the names its body lacks. The
// names slot never conflicts: a rewritten headline may keep other names.
const (
	headlineSlot = 0x4ead11e5
	namedSlot    = 0x4ead4a3e
)

// addHeadline adds the figures of title, its wire tag dropped, to the
// headline's slot, its names that the body (sk.Words, sorted) has to the
// names slot, and sets sk.Names to those it lacks.
func (sk *Sketch) addHeadline(title string) {
	title = wireTag.ReplaceAllString(title, "")
	eachName(title, func(w uint32) {
		if _, inBody := slices.BinarySearch(sk.Words, w); inBody {
			sk.Slots = append(sk.Slots, namedSlot<<32|uint64(w))
		} else {
			sk.Names = append(sk.Names, w)
		}
	})
	sketchWords(title, func(h uint64, figure bool) {
		if figure && !generic[uint32(h)] {
			sk.Slots = append(sk.Slots, headlineSlot<<32|uint64(uint32(h)))
		}
	})
	sk.Names = sortedUnique(sk.Names)
}

// wireTag matches the tag that a wire puts before a headline it sends
// again ("UPDATE 2-", "RPT-", "CORRECTED-"): no part of the story's name.
var wireTag = regexp.MustCompile(`(?i)^\s*(update|rpt|repeat|refile|corrected|correction)\s*\d*\s*-\s*`)

// eachName calls f with the hash of each name in a headline: its words
// that are neither figures nor generic nor single letters ("U.S."), and,
// in a headline that is not all capitals, that start with a capital.
// Tickers in angle brackets count, one letter too ("<V>"): in a short
// notice they are often what names the company.
func eachName(title string, f func(w uint32)) {
	mixed := title != strings.ToUpper(title)
	for _, tok := range strings.Fields(title) {
		tok = strings.TrimLeftFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if r, _ := utf8.DecodeRuneInString(tok); tok == "" || mixed && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		ticker := strings.ContainsAny(tok, "<>")
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if utf8.RuneCountInString(part) < 2 && !ticker {
				continue
			}
			sketchWords(part, func(h uint64, figure bool) {
				if w := uint32(h); !figure && !generic[w] {
					f(w)
				}
			})
		}
	}
}

// sketchWords is forWords, except that a figure's inner points, commas,
// slashes, hyphens and colons ("7.3", "2,858,000", "17-1/4", "12:10")
// keep it one word: a sketch compares figures whole.
func sketchWords(s string, f func(h uint64, digit bool)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && joiner[s[i]] &&
			i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			continue
		}
		end := i == len(s) || s[i] < utf8.RuneSelf && !isAlnum(s[i])
		if !end && start < 0 {
			start = i
		}
		if end && start >= 0 {
			tok := s[start:i]
			if strings.ContainsAny(tok, joiners) {
				tok = strings.Map(dropJoiners, tok)
			}
			forWords(tok, f)
			start = -1
		}
	}
}

// dropJoiners removes the joining marks of a figure before it is hashed.
func dropJoiners(r rune) rune {
	if r < 256 && joiner[r] {
		return 'ǂ' // a letter, so that forWords keeps the figure whole
	}
	return r
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isAlnum(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// sortedUnique sorts s and drops repeats.
func sortedUnique[T uint32 | uint64](s []T) []T {
	slices.Sort(s)
	return slices.Compact(s)
}

// contains returns the share of the smaller of a and b (sorted) that the
// other holds, and the size of the smaller.
func containment(a, b []uint32) (float64, int) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0, 0
	}
	common, j := 0, 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			common++
		}
	}
	return float64(common) / float64(len(a)), len(a)
}

// conflict reports whether a and b put different figures in one slot: a
// slot that each fills, with no figure in common.
func conflict(a, b []uint64) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		sa, sb := a[i]>>32, b[j]>>32
		switch {
		case sa < sb:
			i++
		case sa > sb:
			j++
		case sa == namedSlot:
			i++
		default:
			ea, eb := i, j
			for ea < len(a) && a[ea]>>32 == sa {
				ea++
			}
			for eb < len(b) && b[eb]>>32 == sb {
				eb++
			}
			if !shareAny(a[i:ea], b[j:eb]) {
				return true
			}
			i, j = ea, eb
		}
	}
	return false
}

// shareAny reports whether the sorted runs a and b hold a common value.
func shareAny(a, b []uint64) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

// copies reports whether sketches a and b are of copies of one story, and
// how alike they are.
func (a *Sketch) copies(b *Sketch) (bool, float64) {
	c, n := containment(a.Words, b.Words)
	if n < minSketchWords && (len(a.Words) != len(b.Words) || c < 1) {
		return false, c
	}
	if c < Containment || conflict(a.Slots, b.Slots) || a.headlineOwn(b) || b.headlineOwn(a) {
		return false, c
	}
	if a.tokensOwn(b) >= ownTokens && b.tokensOwn(a) >= ownTokens {
		return false, c
	}
	if s, _ := containment(a.Names, b.Names); len(a.Names) > 0 && len(b.Names) > 0 && s == 0 {
		return false, c
	}
	return !a.namesOwn(b) || !b.namesOwn(a), c
}

// ownTokens is how many tokens each of two short-bodied articles must
// have that the other lacks for the two to be different stories.
const ownTokens = 2

// tokensOwn counts the distinct tokens of a's slots that b lacks: the
// figures of its body and headline, and the names of its headline that
// its body repeats (namedSlot).
func (a *Sketch) tokensOwn(b *Sketch) int {
	figs := make([]uint64, 0, len(a.Slots))
	for _, s := range a.Slots {
		figs = append(figs, uint64(uint32(s)))
	}
	n := 0
	for _, f := range sortedUnique(figs) {
		if b.lacks(f) {
			n++
		}
	}
	return n
}

// headlineOwn reports whether a's headline has a figure of a's body that
// b lacks: a copy keeps the figures of its original's body, and a copy's
// headline, however rewritten, gives no figure its original has nowhere.
// (A headline figure that its own body lacks, such as the date of "YEAR
// ENDED DEC 31", counts only when both headlines have figures: the
// headline slot's conflict.)
func (a *Sketch) headlineOwn(b *Sketch) bool {
	for _, f := range a.slot(headlineSlot) {
		if _, inBody := slices.BinarySearch(a.Words, uint32(f)); inBody && b.lacks(f) {
			return true
		}
	}
	return false
}

// slot returns the entries of a's slot k.
func (a *Sketch) slot(k uint64) []uint64 {
	i, _ := slices.BinarySearch(a.Slots, k<<32)
	j := i
	for j < len(a.Slots) && a.Slots[j]>>32 == k {
		j++
	}
	return a.Slots[i:j]
}

// lacks reports whether token f (its low 32 bits) is nowhere in a: neither
// among its words nor in its headline; a token above the greatest word of
// a body cut to maxSketchWords is not known to be missing.
func (a *Sketch) lacks(f uint64) bool {
	w := uint32(f)
	if len(a.Words) >= maxSketchWords && w > a.Words[len(a.Words)-1] {
		return false
	}
	_, inWords := slices.BinarySearch(a.Words, w)
	_, inNames := slices.BinarySearch(a.Names, w)
	_, inFigures := slices.BinarySearch(a.slot(headlineSlot), headlineSlot<<32|uint64(w))
	return !inWords && !inNames && !inFigures
}

// namesOwn reports whether a's headline has a name that b has nowhere,
// neither in its headline nor in its body: two notices of different
// markets or companies each name their own, while a copy's headline,
// however rewritten, names nothing its original lacks.
func (a *Sketch) namesOwn(b *Sketch) bool {
	own := func(n uint32) bool { return !headlineWords[n] && b.lacks(uint64(n)) }
	for _, n := range a.Names {
		if own(n) {
			return true
		}
	}
	for _, n := range a.slot(namedSlot) {
		if own(uint32(n)) {
			return true
		}
	}
	return false
}

// wordHash returns the hash forWords gives word w.
func wordHash(w string) uint32 {
	var h uint32
	forWords(w, func(x uint64, _ bool) { h = uint32(x) })
	return h
}

// hashSet returns the set of the hashes of words.
func hashSet(words string) map[uint32]bool {
	m := map[uint32]bool{}
	for _, w := range strings.Fields(words) {
		m[wordHash(w)] = true
	}
	return m
}

// numberWords are figures written out: "one billion dlrs" and "two billion
// dlrs" fill one slot differently.
var numberWords = hashSet(`zero one two three four five six seven eight nine ten
	eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
	thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
	half quarter`)

// generic are headline words that name no one: the kinds of report and
// the words around them. A headline word outside this list and outside the
// body is taken for a name.
var generic = hashSet(`a an the of in on at to for from by with and or as is are
	be vs after over up down new says said sees set sets raise raises raised cut cuts
	rise rises fall falls gain gains lower higher qtly quarterly qtr quarter div dividend
	dividends net profit loss losses year shr shrs earnings results revs sales 1st 2nd 3rd
	4th first second third fourth half six nine mths months month week weekly daily
	corp corporation inc co ltd plc group company companies bank unit update corrected
	correction repeat regular initial special extra payout pay stock split offer offering
	report reports reported prices price rate rates oper operating`)

// headlineWords are words that headlines use for what happened rather than
// to whom: names (they tie a copy to its original), but never a name that
// one headline has of its own (namesOwn), since another outlet words the
// same event otherwise ("GETS CONTRACT", "WINS CONTRACT").
var headlineWords = hashSet(`gets get wins win obtains obtain sells sell buys buy files file completes complete
	acquires acquire acquired acquisition approves approve approved begins begin
	offers issue issues adds add deal deals negotiates leaves off declares declare has
	have talks being proceed plans plan takes take signs sign names named agrees agree
	seeks seek sees see merger venture shares share debt notes contract order takeover
	qtrly flash rpt bancorp bancorporation bancshares holding holdings industries
	system systems services jan feb mar apr jun jul aug sep sept oct nov dec`)

// sketchJSON is how a Sketch was kept in the JSON state (version 1):
// each list as base64 of its values, little-endian, a third of the size of
// JSON numbers.
type sketchJSON struct {
	Words []byte `json:"w"`
	Slots []byte `json:"f,omitempty"`
	Names []byte `json:"t,omitempty"`
}

// MarshalJSON encodes a as sketchJSON.
func (a *Sketch) MarshalJSON() ([]byte, error) {
	j := sketchJSON{Words: make([]byte, 0, 4*len(a.Words)), Names: make([]byte, 0, 4*len(a.Names))}
	for _, w := range a.Words {
		j.Words = binary.LittleEndian.AppendUint32(j.Words, w)
	}
	for _, f := range a.Slots {
		j.Slots = binary.LittleEndian.AppendUint64(j.Slots, f)
	}
	for _, t := range a.Names {
		j.Names = binary.LittleEndian.AppendUint32(j.Names, t)
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON wrote, keeping every list sorted
// whatever it is given.
func (a *Sketch) UnmarshalJSON(b []byte) error {
	var j sketchJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("story sketch: %w", err)
	}
	if len(j.Words)%4 != 0 || len(j.Slots)%8 != 0 || len(j.Names)%4 != 0 {
		return fmt.Errorf("story sketch: lists of %d, %d and %d bytes", len(j.Words), len(j.Slots), len(j.Names))
	}
	*a = Sketch{}
	for i := 0; i < len(j.Words); i += 4 {
		a.Words = append(a.Words, binary.LittleEndian.Uint32(j.Words[i:]))
	}
	for i := 0; i < len(j.Slots); i += 8 {
		a.Slots = append(a.Slots, binary.LittleEndian.Uint64(j.Slots[i:]))
	}
	for i := 0; i < len(j.Names); i += 4 {
		a.Names = append(a.Names, binary.LittleEndian.Uint32(j.Names[i:]))
	}
	a.Words, a.Slots, a.Names = sortedUnique(a.Words), sortedUnique(a.Slots), sortedUnique(a.Names)
	return nil
}
