package entity

import (
	"unicode"
	"unicode/utf8"
)

// Tokens
//
// The extractor reads a document as one stream of tokens over all of its
// segments (the title first, then each paragraph). A token is a word (letters,
// digits and combining marks, with inner apostrophes as in O'Brien), a hyphen
// that joins two words with no space ("Afghanistan-Pakistan"), or one
// punctuation rune. Possessive endings ('s, ’s, and the bare ' after s) are
// cut off and remembered in a flag, as is a plural s on an acronym ("ISIs",
// "NGOs"). The dot of a title abbreviation or an initial ("Mr.", "F.") is
// swallowed so that it neither ends the sentence nor the name; initialisms
// ("U.S.") keep their dots. Each word's key (see Key) is written into one
// byte arena that becomes a single string, so that map look-ups on keys cost
// no allocation.

// tokFlag describes a token.
type tokFlag uint16

const (
	tWord       tokFlag = 1 << iota // letters or digits
	tCap                            // first rune is upper case
	tUpper                          // all letters upper case: an acronym, initial or shout
	tLower                          // first rune is a lower-case letter
	tHyphen                         // a hyphen joining two words
	tSpace                          // white space before the token
	tSentStart                      // first word of a sentence
	tPoss                           // a possessive ending followed
	tPlural                         // a plural s followed an acronym
	tDot                            // a swallowed abbreviation dot followed
	tRestricted                     // in a headline or heading segment
)

// token is one token of a document.
type token struct {
	seg    int32     // segment index
	start  int32     // byte offset of the token in its segment
	end    int32     // byte offset after the token
	k0, k1 int32     // key bytes in doc.keys
	hash   uint64    // strHash of the key
	flags  tokFlag   // what the token is
	punct  rune      // the rune of a punctuation token, else 0
	class  wordClass // lexicon classes of a word
}

func (t *token) is(f tokFlag) bool { return t.flags&f != 0 }

// capWord reports whether t can be part of a name: a capitalised word.
func (t *token) capWord() bool { return t.flags&(tCap|tUpper) != 0 }

// maxDocBytes bounds the text read from one document; the rest is ignored.
const maxDocBytes = 4 << 20

// tokenize appends the tokens of seg to d.
func (d *doc) tokenize(lex lexicon, seg int, s string) {
	atStart, space := true, false
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			i = d.word(lex, seg, s, i, space, atStart)
			atStart, space = false, false
			continue
		case r == '\n':
			space, atStart = true, true // scraped lines without a full stop are headings
			i += w
			continue
		case r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			i += w
			continue
		case isHyphen(r) && !space && d.prevWord(seg) && i+w < len(s) && startsWord(s[i+w:]):
			d.add(token{seg: int32(seg), start: int32(i), end: int32(i + w), flags: tHyphen}, "-")
		default:
			f := tokFlag(0)
			if space {
				f = tSpace
			}
			d.add(token{seg: int32(seg), start: int32(i), end: int32(i + w), flags: f, punct: r}, "")
			switch {
			case r == '.' || r == '!' || r == '?' || r == ':' || r == '…':
				atStart = true
			case isOpener(r) || isCloser(r):
			default:
				atStart = false
			}
		}
		space = false
		i += w
	}
}

// add appends t with the given key to d.
func (d *doc) add(t token, key string) {
	t.k0 = int32(len(d.arena))
	d.arena = append(d.arena, key...)
	t.k1 = int32(len(d.arena))
	t.hash = strHash(key)
	d.toks = append(d.toks, t)
}

// prevWord reports whether the last token of d is a word of segment seg.
func (d *doc) prevWord(seg int) bool {
	n := len(d.toks)
	return n > 0 && int(d.toks[n-1].seg) == seg && d.toks[n-1].is(tWord)
}

// word appends the word token that starts at s[i] and returns the offset
// after it and after any possessive ending or swallowed dot.
func (d *doc) word(lex lexicon, seg int, s string, i int, space, atStart bool) int {
	j := scanWord(s, i)
	t := token{seg: int32(seg), start: int32(i), end: int32(j), flags: tWord}
	if space {
		t.flags |= tSpace
	}
	if atStart {
		t.flags |= tSentStart
	}
	r0, w0 := utf8.DecodeRuneInString(s[i:])
	switch {
	case w0 == j-i && unicode.IsUpper(r0) && j < len(s) && s[j] == '.':
		if k := initialism(s, j); k > j {
			j = k
			t.end = int32(k)
		} else {
			t.flags |= tDot
			j++
		}
	case j < len(s) && s[j] == '.' && abbrevs[s[i:j]]:
		t.flags |= tDot
		j++
	}
	if t.flags&tDot == 0 {
		j = d.suffix(&t, s, j)
	}
	if t.end-t.start >= 3 && s[t.end-1] == 's' && isUpperASCII(s[t.start]) && isUpperASCII(s[t.end-2]) &&
		caseFlags(s[t.start:t.end-1])&tUpper != 0 {
		t.end--
		t.flags |= tPlural
	}
	d.appendKey(&t, s[t.start:t.end])
	t.class, _ = lex.get(t.hash)
	d.toks = append(d.toks, t)
	return j
}

// appendKey sets the case flags, key and key hash of word token t, whose
// text is w, writing the key into the arena: in one pass when w is ASCII.
func (d *doc) appendKey(t *token, w string) {
	t.k0 = int32(len(d.arena))
	f, ok := asciiCaseFlags(w)
	if !ok {
		t.flags |= caseFlags(w)
		for _, r := range w {
			d.arena = appendFold(d.arena, r)
		}
		t.k1 = int32(len(d.arena))
		t.hash = strHash(string(d.arena[t.k0:t.k1]))
		return
	}
	t.flags |= f
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		d.arena = append(d.arena, c)
		h ^= uint64(c)
		h *= 1099511628211
	}
	t.k1 = int32(len(d.arena))
	t.hash = h
}

// scanWord returns the end of the word that starts at s[i]. Inner
// apostrophes belong to the word unless they start a possessive 's.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && c != '\'' {
			if !asciiWord[c] {
				break
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			j += w
			continue
		}
		if !isApostrophe(r) || j+w >= len(s) {
			break
		}
		r2, w2 := utf8.DecodeRuneInString(s[j+w:])
		if !isWordRune(r2) || (r2 == 's' || r2 == 'S') && !startsWord(s[j+w+w2:]) {
			break
		}
		j += w
	}
	return j
}

// suffix cuts a possessive ending at s[j] off t and returns the offset
// after it.
func (d *doc) suffix(t *token, s string, j int) int {
	if j >= len(s) {
		return j
	}
	r, w := utf8.DecodeRuneInString(s[j:])
	if !isApostrophe(r) {
		return j
	}
	if j+w < len(s) {
		r2, w2 := utf8.DecodeRuneInString(s[j+w:])
		if (r2 == 's' || r2 == 'S') && !startsWord(s[j+w+w2:]) {
			t.flags |= tPoss
			return j + w + w2
		}
	}
	if s[j-1] == 's' && (j+w == len(s) || !startsWord(s[j+w:])) {
		t.flags |= tPoss
		return j + w
	}
	return j
}

// initialism returns the end of an initialism such as "U.S." or "U.S.A."
// whose first letter ends at s[j] == '.', or j when there is none.
func initialism(s string, j int) int {
	k := j
	for k+1 < len(s) && s[k] == '.' {
		r, w := utf8.DecodeRuneInString(s[k+1:])
		if !unicode.IsUpper(r) || k+1+w >= len(s) || s[k+1+w] != '.' {
			break
		}
		k += 1 + w
	}
	if k == j {
		return j
	}
	return k + 1
}

// caseFlags returns tCap, tUpper and tLower as they apply to word w.
func caseFlags(w string) tokFlag {
	if f, ok := asciiCaseFlags(w); ok {
		return f
	}
	var f tokFlag
	r0, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r0) || unicode.IsTitle(r0):
		f |= tCap
	case unicode.IsLower(r0):
		f |= tLower
	}
	letters, upper, digits, runes := 0, 0, 0, 0
	for _, r := range w {
		runes++
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 0 && upper == letters && (letters >= 2 || digits > 0 || runes == 1) {
		f |= tUpper
	}
	return f
}

// abbrevs are the title and name abbreviations whose dot does not end a
// sentence.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Gen": true,
	"Lt": true, "Col": true, "Capt": true, "Sgt": true, "Sen": true, "Rep": true,
	"Gov": true, "St": true, "Jr": true, "Sr": true, "Rev": true, "Maj": true,
	"Adm": true, "Cmdr": true, "Brig": true, "Cpl": true, "Pvt": true, "Mt": true,
	"Ft": true, "Messrs": true, "Mme": true, "Mlle": true, "Corp": true, "Inc": true,
	"Ltd": true, "Co": true, "Cos": true, "Bros": true,
	// US state abbreviations of the wire: "Miami, Fla."
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true,
	"Fla": true, "Ga": true, "Ill": true, "Kan": true, "Ky": true, "Md": true, "Mass": true,
	"Mich": true, "Minn": true, "Mo": true, "Neb": true, "Nev": true, "Okla": true, "Ore": true,
	"Pa": true, "Tenn": true, "Tex": true, "Va": true, "Wash": true, "Wis": true, "Wyo": true,
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord tells which ASCII bytes are word runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isCloser reports whether r closes a quotation or bracket, which keeps a
// sentence end before it.
func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '»', ')', ']', '\'':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket: the word after it
// still starts the sentence when the opener does.
func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '(', '[', '\'':
		return true
	}
	return false
}

// asciiCaseFlags is caseFlags for a word in ASCII; ok is false when w is not.
func asciiCaseFlags(w string) (f tokFlag, ok bool) {
	letters, upper, digits := 0, 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return 0, false
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
		case 'a' <= c && c <= 'z':
			letters++
		case '0' <= c && c <= '9':
			digits++
		}
	}
	if len(w) > 0 {
		switch c := w[0]; {
		case 'A' <= c && c <= 'Z':
			f |= tCap
		case 'a' <= c && c <= 'z':
			f |= tLower
		}
	}
	if letters > 0 && upper == letters && (letters >= 2 || digits > 0 || len(w) == 1) {
		f |= tUpper
	}
	return f, true
}

// isUpperASCII reports whether c is an upper-case ASCII letter, a digit,
// or a byte of a multi-byte rune (which may be one): a quick first test.
func isUpperASCII(c byte) bool {
	return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}
