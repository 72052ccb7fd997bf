package extract

import (
	"regexp"
	"strings"
	"time"
)

// This file takes metadata out of a text dump's lines: breadcrumbs, bylines,
// date lines, copyright lines, site blurbs and the title.

// metaLineWords is the longest line (in words) read as a metadata line.
const metaLineWords = 16

// scanMeta marks breadcrumb, byline and date lines as kindMeta and records
// what they state. Earlier lines win for each field.
func scanMeta(lines []line, res *Result) {
	for i := range lines {
		l := &lines[i]
		if l.words > metaLineWords || l.words == 0 {
			continue
		}
		if parts := breadcrumbParts(l.text); parts != nil {
			l.kind = kindMeta
			setBreadcrumb(parts, res, "breadcrumb")
			continue
		}
		found := false
		for _, part := range splitMetaParts(l.text) {
			if name, ok := bylineName(part); ok {
				res.set(&res.Byline, "byline", name, "byline-line")
				found = true
			} else if t, ok := dateLine(part); ok {
				res.setDate(t, "date-line")
				found = true
			}
		}
		if found {
			l.kind = kindMeta
		}
	}
}

// isMetaLine reports whether l is a short byline or date line.
func isMetaLine(l *line) bool {
	if l.words > metaLineWords {
		return false
	}
	for _, part := range splitMetaParts(l.text) {
		if _, ok := bylineName(part); ok {
			return true
		}
		if _, ok := dateLine(part); ok {
			return true
		}
	}
	return false
}

// splitMetaParts splits "By X | Updated: date" into its parts.
func splitMetaParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
}

var breadcrumbSep = regexp.MustCompile(`\s+(?:>|»|›|/|→)\s+`)

// breadcrumbParts returns the parts of a breadcrumb line, or nil. A
// breadcrumb starts at a home link or has three parts or more, and its
// parts are short.
func breadcrumbParts(s string) []string {
	if !strings.ContainsAny(s, ">»›/→") {
		return nil
	}
	parts := breadcrumbSep.Split(s, -1)
	if len(parts) < 2 {
		return nil
	}
	first := lineKey(parts[0])
	if len(parts) < 3 && first != "home" && first != "homepage" && first != "news" {
		return nil
	}
	for _, p := range parts[:len(parts)-1] {
		if p == "" || len(strings.Fields(p)) > 4 {
			return nil
		}
	}
	return parts
}

// setBreadcrumb takes the section (the last part that is not home and not
// the page's own title) and a title candidate from a breadcrumb.
func setBreadcrumb(parts []string, res *Result, from string) {
	last := parts[len(parts)-1]
	crumbs := parts[:len(parts)-1]
	if len(strings.Fields(last)) <= 3 {
		crumbs = parts // the last part is a section, not a title
	} else {
		res.set(&res.Title, "title", last, from)
	}
	for i := len(crumbs) - 1; i >= 0; i-- {
		if k := lineKey(crumbs[i]); k != "home" && k != "homepage" && k != "" && len(strings.Fields(k)) <= 4 {
			res.set(&res.Section, "section", crumbs[i], from)
			return
		}
	}
}

var bylineRE = regexp.MustCompile(`(?i)^(?:by|written by|reported by|posted by|authored by|author|authors|words by|story by)\s*[:\-–—]?\s+(.+)$`)

// bylineName returns the name in a byline line such as "By: Jane Doe".
func bylineName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsRune("bBwWrRpPaAsS", rune(s[0])) {
		return "", false // no byline label starts so: spare the regexp
	}
	m := bylineRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	name := strings.TrimSpace(m[1])
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 8 {
		return "", false
	}
	caps := 0
	for _, w := range words {
		if r := []rune(w)[0]; r >= 'A' && r <= 'Z' || r > 127 {
			caps++
		}
	}
	if caps*2 < len(words) {
		return "", false
	}
	return name, true
}

var dateLabelRE = regexp.MustCompile(`(?i)^(?:last updated|updated|published|first published|posted|date|dated|created|modified|last modified)(?:\s+on|\s+at)?\s*[:\-–—]?\s*`)

// dateLine parses a line that is a date, with or without a label such as
// "Last Updated:" or "date".
func dateLine(s string) (time.Time, bool) {
	if !hasYear(s) {
		return time.Time{}, false
	}
	s = strings.TrimSpace(s)
	if loc := dateLabelRE.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	return ParseDate(s)
}

// isCopyright reports whether l is a copyright line.
func isCopyright(l *line) bool {
	return strings.Contains(l.text, "©") || strings.HasPrefix(l.key, "copyright") ||
		strings.Contains(l.key, "all rights reserved") || strings.Contains(l.key, "all right reserved")
}

var copyrightNoise = regexp.MustCompile(`(?i)©|\(c\)|copyright|all rights? reserved\.?|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d)?|[|,.]\s*$`)

// copyrightOwner returns the owner named in a copyright line.
func copyrightOwner(s string) string {
	s = copyrightNoise.ReplaceAllString(s, " ")
	s = strings.Trim(cleanSpace(s), " .,-–|:")
	if n := len(strings.Fields(s)); n == 0 || n > 8 {
		return ""
	}
	return s
}

var blurbRE = regexp.MustCompile(`^((?:The |the )?\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*){0,5}) (?:is|are) (?:an? |the |one of |\p{Lu}\p{L}*['’]s )`)

var blurbNouns = regexp.MustCompile(`(?i)\b(?:news|newspaper|newsroom|paper|channel|media|magazine|publication|publisher|website|portal|daily|weekly|broadcaster|station|outlet|journal|site|network|agency|wire|platform)\b`)

// blurbName returns the site named by a blurb such as "The Sunday Guardian
// is India's fastest growing News channel ...".
func blurbName(s string) string {
	if !strings.Contains(s, " is ") && !strings.Contains(s, " are ") {
		return ""
	}
	m := blurbRE.FindStringSubmatch(s)
	if m == nil || !blurbNouns.MatchString(s[len(m[0]):]) {
		return ""
	}
	return m[1]
}

// findSource takes the source from a site blurb outside the run, or else
// from a copyright line anywhere.
func findSource(lines []line, start, end int, res *Result) {
	for i := range lines {
		if i >= start && i < end && lines[i].kind == kindGood {
			continue
		}
		if name := blurbName(lines[i].text); name != "" {
			res.set(&res.Source, "source", name, "blurb")
			return
		}
	}
	for i := range lines {
		if isCopyright(&lines[i]) {
			res.set(&res.Source, "source", copyrightOwner(lines[i].text), "copyright")
		}
	}
}

// titleWindow is how many lines from the top are searched for a
// repeated title or a headline above a byline.
const titleWindow = 60

// findTitle looks for the title before the main run is searched, so that
// a title long enough to pass for prose never joins the body: a line
// repeated near the top (dumps often print the headline twice), else the
// breadcrumb's last part (set by scanMeta), else a headline just above a
// byline or date line. The title's lines become kindMeta.
func findTitle(lines []line, res *Result) {
	if t := repeatedTitle(lines); t != "" {
		res.Title = ""
		res.set(&res.Title, "title", t, "repeated-line")
	}
	if res.Title == "" {
		res.set(&res.Title, "title", headlineAboveMeta(lines), "headline-line")
	}
	markTitle(lines, res.Title)
}

// findTitleBefore is the last resort, used once the run is known: the
// headline-shaped line nearest before it.
func findTitleBefore(lines []line, start int, res *Result) {
	for i, n := start-1, 0; res.Title == "" && i >= 0 && n < 6; i-- {
		if l := &lines[i]; l.kind == kindShort && isTitleLine(l) {
			res.set(&res.Title, "title", l.text, "headline-line")
		} else if l.kind != kindMeta {
			n++
		}
	}
	markTitle(lines, res.Title)
}

// repeatedTitle returns the first title-shaped line that occurs twice
// within the window.
func repeatedTitle(lines []line) string {
	n := min(len(lines), titleWindow)
	count := make(map[string]int)
	for i := 0; i < n; i++ {
		count[lines[i].key]++
	}
	for i := 0; i < n; i++ {
		if l := &lines[i]; count[l.key] >= 2 && isTitleLine(l) {
			return l.text
		}
	}
	return ""
}

// headlineAboveMeta returns a title-shaped line found above the first
// byline or date line, skipping boilerplate between them.
func headlineAboveMeta(lines []line) string {
	for i := 0; i < min(len(lines), titleWindow); i++ {
		if lines[i].kind != kindMeta {
			continue
		}
		for j, n := i-1, 0; j >= 0 && n < 4; j-- {
			switch l := &lines[j]; {
			case l.kind == kindMeta || l.kind == kindBoiler:
				continue
			case isTitleLine(l):
				return l.text
			}
			n++
		}
		return ""
	}
	return ""
}

// isTitleLine reports whether l could be a headline.
func isTitleLine(l *line) bool {
	return l.words >= 3 && l.words <= 30 && (l.kind == kindShort || l.kind == kindGood) && !l.link &&
		!strings.HasSuffix(l.text, ".")
}

// markTitle marks every line equal to the title as metadata.
func markTitle(lines []line, title string) {
	if title == "" {
		return
	}
	k := lineKey(title)
	for i := range lines {
		if lines[i].key == k {
			lines[i].kind = kindMeta
		}
	}
}
