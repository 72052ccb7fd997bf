package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaning a text dump.
//
// A text dump has no markup left: one block per line, the article's
// paragraphs among menus, breadcrumbs, dialogs, teaser lists and footers.
// Text cleans it in a few linear passes over the lines; it is a scored,
// per-line classifier, not a pile of patterns, so that it carries over to
// sites it has never seen.
//
//  1. Split into lines, rejoining hard-wrapped prose (a line that does not
//     end a sentence, followed by one starting in lower case). Measure each
//     line: words (a CJK character counts as half a word), the share of
//     stop words (English, or the page's language when another of Bleve's
//     stop lists fits it better: stopwords.go), whether it ends like a
//     sentence, whether it is shaped like a headline (no final stop, mostly
//     capitalised) or a link (" | " menus; URLs and e-mail addresses in
//     short lines or lines that do not end a sentence).
//  2. Take metadata out of the lines that state it, marking them so they
//     never reach the body: breadcrumbs ("Home > World > Title", giving the
//     section), bylines ("By: Name"), date lines ("Last Updated: ...",
//     "date 2026-01-07").
//  3. Classify: boilerplate (the lexicon in lexicon.go, links, copyright,
//     photo captions and credits, lines with two newsletter or legal cues),
//     end markers ("Most Popular", "Previous Article", "Related", "About
//     the author", in several languages), good prose (ten words or more,
//     with stop words where the page has a stop list, ending like a
//     sentence unless twenty words or more: teaser headlines do not), and
//     short lines (everything else).
//  4. Find the title before anything else can claim it: a line printed
//     twice near the top, else the breadcrumb's last part, else a
//     headline just above the byline or date line. Its lines are dropped
//     wherever they recur.
//  5. Find the main run of prose: each line scores its word count when
//     good and a penalty otherwise (heavy for end markers), and the run is
//     the maximum-sum span of lines (Kadane's algorithm). Menus before the
//     article and teaser lists after it fall outside; one stray menu line
//     inside an article does not split it. A good line with no good
//     neighbour scores a quarter: teaser lists alternate a headline, a
//     one-sentence summary and a time stamp, while an article's paragraphs
//     come together. The first good line just after a byline or date line
//     earns a large bonus, since articles start there; but when several
//     byline or date lines follow prose closely, they stamp the items of a
//     teaser list ("Headline / Author / Date / Summary"), so they score
//     below zero and earn nothing. A comment section ("12 Comments", "Leave
//     a reply") after some prose ends the search: readers' comments are
//     prose too, but not the article. A site blurb closing the run is cut
//     off it.
//  6. Select inside the run: good lines stay; short lines stay when they end
//     like a sentence, or when they are section headings (a headline-shaped
//     line between good lines); nothing stays between an end marker and the
//     next good line, so teaser headlines never reach the body. Exact
//     duplicate lines are dropped and print hyphenation is undone
//     (hyphen.go). With no title yet, the headline just before the run is
//     taken.
//
// The source comes from a site blurb outside the body ("The Sunday
// Guardian is India's fastest growing News channel...") or else from a
// copyright line ("© Copyright ITV Network Ltd 2025.").

// kind is what a line was classified as.
type kind uint8

const (
	kindShort  kind = iota // too short to judge alone
	kindGood               // prose
	kindBoiler             // page furniture
	kindMarker             // an end marker: teasers follow
	kindMeta               // metadata: breadcrumb, byline, date, title
)

// line is one non-empty line of a dump with its measures.
type line struct {
	text     string
	key      string // lineKey(text)
	words    int    // word count; a CJK character counts half
	stops    int    // English stop words among them
	sentence bool   // ends with sentence punctuation
	headline bool   // no final stop and mostly capitalised words
	link     bool   // menu separators, or a URL in a short line
	kind     kind
}

// Text cleans a plain-text dump of a scraped page.
func Text(data []byte) *Result {
	res := newResult()
	var tally langTally
	lines, words := splitLines(normalizeInput(data), &tally)
	english := hasStopWords(lines, &tally, words)
	scanMeta(lines, res)
	for i := range lines {
		classify(&lines[i], english)
	}
	findTitle(lines, res)
	start, end := mainRun(lines[:commentsStart(lines)])
	end = trimBlurbs(lines, start, end)
	findTitleBefore(lines, start, res)
	findSource(lines, start, end, res)
	res.Paragraphs = Dehyphenate(selectBody(lines, start, end, res.Title))
	return res
}

// splitLines returns the non-empty lines of s, white space collapsed,
// measured, and the number of words in lines of five words or more; tally
// counts the stop words of those lines per list. Hard-wrapped prose is rejoined: a line that does not end a
// sentence, directly followed (no blank line) by one that starts in lower
// case, continues on it.
func splitLines(s string, tally *langTally) (out []line, longWords int) {
	stops := allStops()
	var cur strings.Builder // the text being built, perhaps over several raw lines
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, measureWith(cur.String(), stops, tally))
			if l := &out[len(out)-1]; l.words >= 5 {
				longWords += l.words
			}
			cur.Reset()
		}
	}
	joinable := false // cur may continue on the next raw line
	for len(s) > 0 {
		var raw string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			raw, s = s[:i], s[i+1:]
		} else {
			raw, s = s, ""
		}
		t := cleanSpace(raw)
		if t == "" {
			joinable = false
			continue
		}
		if joinable && startsLower(t) {
			cur.WriteByte(' ')
		} else {
			flush()
		}
		cur.WriteString(t)
		joinable = strings.Count(t, " ") >= 3 && !endsSentence(t)
	}
	flush()
	return out, longWords
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// endsSentence reports whether t ends with sentence punctuation, allowing
// closing quotes and brackets after it.
func endsSentence(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, "\"'”’)]»*"))
	return strings.ContainsRune(".!?…:;。！？", last)
}

// measure computes a line's features.
func measure(t string) line {
	return measureWith(t, allStops(), nil)
}

// measureWith computes a line's features with the stop lists of allStops,
// adding the stop words of a line of five words or more to tally when it
// is not nil.
func measureWith(t string, stops map[string]uint32, tally *langTally) line {
	l := line{text: t, key: lineKey(t)}
	var caps, lowers, cjk int
	long := tally != nil && strings.Count(l.key, " ") >= 4
	for rest := l.key; rest != ""; { // key words are separated by single spaces
		w, after, _ := strings.Cut(rest, " ")
		rest = after
		l.words++
		m := stops[w]
		if m&englishBit != 0 {
			l.stops++
		}
		if long && m != 0 {
			tally.add(m)
		}
	}
	for rest := t; rest != ""; { // so are the words of a cleaned line
		f, after, _ := strings.Cut(rest, " ")
		rest = after
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case unicode.IsLower(r) && !stopWords[strings.ToLower(f)]:
			lowers++
		}
	}
	for _, r := range t {
		if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			cjk++
		}
	}
	l.words += cjk / 2
	l.sentence = endsSentence(t)
	l.headline = !l.sentence && caps > 0 && lowers <= caps/3
	menu := strings.Count(t, " | ") >= 2 || strings.Count(t, " • ") >= 2
	address := strings.Contains(t, "http://") || strings.Contains(t, "https://") ||
		strings.Contains(t, "www.") || (strings.IndexByte(t, '@') >= 0 && emailRE.MatchString(t))
	l.link = menu || (address && (l.words <= linkLineWords || !l.sentence))
	return l
}

// linkLineWords is the longest line (in words) taken for a link for holding
// a URL or an e-mail address: a paragraph that ends "... tickets at
// www.example.org" is still prose.
const linkLineWords = 20

var emailRE = regexp.MustCompile(`\w@\w+\.\w`)

// classify sets a line's kind unless scanMeta already did.
func classify(l *line, english bool) {
	if l.kind != kindShort {
		return
	}
	switch {
	case isEndMarker(l.key, l.words):
		l.kind = kindMarker
	case isBoilerplate(l.key, l.words) || l.link || isCopyright(l) || isCaption(l.text, l.key) || isDateOnly(l.key, l.words):
		l.kind = kindBoiler
	case l.words >= 10 && !l.headline && (l.sentence || l.words >= 20) && (!english || l.stops*100 >= l.words*15):
		l.kind = kindGood
	case l.words >= 7 && l.sentence && (!english || l.stops*100 >= l.words*20):
		l.kind = kindGood
	}
}

// lineScore is a line's weight in the search for the main run.
func lineScore(l *line) int {
	switch l.kind {
	case kindGood:
		return l.words
	case kindMarker:
		return -50
	case kindBoiler:
		return -5
	case kindMeta:
		return 0
	}
	if l.sentence {
		return -1
	}
	return -3
}

// isolated reports whether neither neighbour of line i is good prose.
func isolated(lines []line, i int) bool {
	return (i == 0 || lines[i-1].kind != kindGood) && (i+1 >= len(lines) || lines[i+1].kind != kindGood)
}

// metaBonus is added to the first good line at most metaBonusReach lines
// after a metadata line.
const metaBonus, metaBonusReach = 100, 3

// teaserStampPenalty is the score of a metadata line that follows prose
// closely: it stamps a teaser, and does not start an article.
const teaserStampPenalty = -8

// goodBefore reports whether one of the n lines before i is good prose.
func goodBefore(lines []line, i, n int) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if lines[j].kind == kindGood {
			return true
		}
	}
	return false
}

// countStamps counts the metadata lines that closely follow prose.
func countStamps(lines []line) int {
	n := 0
	for i := range lines {
		if lines[i].kind == kindMeta && goodBefore(lines, i, metaBonusReach) {
			n++
		}
	}
	return n
}

// mainRun returns the maximum-score span [start, end) of lines.
func mainRun(lines []line) (start, end int) {
	best, sum, from := 0, 0, 0
	sinceMeta := metaBonusReach + 1
	stamps := countStamps(lines) >= 2
	for i := range lines {
		if sum <= 0 {
			sum, from = 0, i
		}
		score := lineScore(&lines[i])
		if lines[i].kind == kindGood && isolated(lines, i) {
			score /= 4 // a teaser summary between a headline and a time stamp
		}
		meta := lines[i].kind == kindMeta
		if meta && stamps && goodBefore(lines, i, metaBonusReach) {
			// A time stamp or byline just after prose belongs to a
			// teaser list, not to the head of an article.
			score, meta = teaserStampPenalty, false
		}
		sum += score
		if meta {
			sinceMeta = 0
		} else if sinceMeta++; sinceMeta <= metaBonusReach && lines[i].kind == kindGood {
			sum += metaBonus // prose right after a byline or date starts an article
			sinceMeta = metaBonusReach + 1
		}
		if sum > best {
			best, start, end = sum, from, i+1
		}
	}
	// A short closing sentence ("He declined to comment.") scores below
	// zero but belongs to the article.
	for n := 0; n < 2 && end < len(lines); n++ {
		l := &lines[end]
		if l.kind != kindShort || !l.sentence || l.stops == 0 {
			break
		}
		end++
	}
	return start, end
}

// commentsStart returns the index of the first line that opens a comment
// section after some prose, or len(lines).
func commentsStart(lines []line) int {
	prose := 0
	for i := range lines {
		l := &lines[i]
		if prose >= 50 && (isCommentMarker(l.key, prose) || isCommenterLine(l)) {
			return i
		}
		if l.kind == kindGood {
			prose += l.words
		}
	}
	return len(lines)
}

// isCommenterLine reports whether l introduces a reader's comment:
// "Alex on September 17, 2018 at 6:34 am said:".
func isCommenterLine(l *line) bool {
	if l.words > 15 || !strings.HasSuffix(l.text, ":") {
		return false
	}
	return strings.HasSuffix(l.key, " said") || strings.HasSuffix(l.key, " says") ||
		strings.HasSuffix(l.key, " wrote") || strings.HasSuffix(l.key, " commented")
}

// trimBlurbs moves the end of the run back over site blurbs ("The X is a
// weekly newspaper ...") that close it: a page's self-description is not
// article text.
func trimBlurbs(lines []line, start, end int) int {
	for end > start && blurbName(lines[end-1].text) != "" {
		end--
		lines[end].kind = kindBoiler
	}
	return end
}

// dupWords is the length from which a repeated line is taken for a
// duplicate (a teaser or pull quote printed twice) and dropped; shorter
// lines, such as the items of a recipe, may repeat.
const dupWords = 8

// selectBody returns the body paragraphs of lines[start:end].
func selectBody(lines []line, start, end int, title string) []string {
	var out []string
	seen := make(map[string]bool)
	titleKey := lineKey(title)
	afterMarker := false
	for i := start; i < end; i++ {
		l := &lines[i]
		switch l.kind {
		case kindMarker:
			afterMarker = true
			continue
		case kindGood:
			afterMarker = false
		case kindShort:
			if afterMarker || !keepShort(lines, i, start, end) {
				continue
			}
		default:
			continue
		}
		if l.key == titleKey || (l.words >= dupWords && seen[l.key]) {
			continue
		}
		seen[l.key] = true
		out = append(out, l.text)
	}
	return out
}

// keepShort decides a short line inside the run: a sentence stays, and so
// does a heading between good lines.
func keepShort(lines []line, i, start, end int) bool {
	l := &lines[i]
	if l.link {
		return false
	}
	if l.sentence && l.words >= 3 && (l.stops > 0 || l.words >= 5) {
		return true
	}
	if l.words < 2 || l.words > 20 {
		return false
	}
	return neighbour(lines, i, -1, start, end) == kindGood && neighbour(lines, i, +1, start, end) == kindGood
}

// neighbour returns the kind of the nearest line from i in direction dir
// that is not short, looking at most four lines away.
func neighbour(lines []line, i, dir, start, end int) kind {
	for n, j := 0, i+dir; n < 4 && j >= start && j < end; n, j = n+1, j+dir {
		if lines[j].kind != kindShort {
			return lines[j].kind
		}
	}
	return kindShort
}
