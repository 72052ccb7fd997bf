package extract

import (
	"strings"
	"time"
	"unicode"
)

// Dates on news pages come in many shapes: machine forms in metadata
// (RFC 3339, with or without seconds or zone), and human forms in the
// visible text ("November 30, 2025 02:14:54 IST", "7 January 2026",
// "Jan 7, 2026, 10:05 AM"). ParseDate first normalises the string (drops a
// weekday wherever it stands, ordinal suffixes, the word "at", stray
// punctuation), peels off a zone abbreviation it knows (trailing, or right
// after the time: "11:21 pm CST, Tuesday, November 19, 2019"), then tries a
// fixed list of layouts.
// A zone abbreviation is honoured with its real offset; a date without any
// zone is read as UTC. Nothing is guessed: a string that matches no layout
// gives false.

// zoneOffsets maps the zone abbreviations seen on news sites to their offsets
// in seconds east of UTC. Ambiguous ones (IST is also Irish and Israel time)
// take the reading most common in news dumps.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"BST": 3600, "CET": 3600, "WAT": 3600, "IST": 5*3600 + 1800,
	"CEST": 2 * 3600, "EET": 2 * 3600, "SAST": 2 * 3600, "CAT": 2 * 3600,
	"EEST": 3 * 3600, "MSK": 3 * 3600, "TRT": 3 * 3600, "EAT": 3 * 3600, "AST": 3 * 3600,
	"GST": 4 * 3600, "PKT": 5 * 3600, "NPT": 5*3600 + 2700, "BDT": 6 * 3600,
	"ICT": 7 * 3600, "WIB": 7 * 3600, "SGT": 8 * 3600, "HKT": 8 * 3600,
	"PHT": 8 * 3600, "AWST": 8 * 3600, "JST": 9 * 3600, "KST": 9 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"ET": -5 * 3600, "PT": -8 * 3600,
}

// dateLayouts are tried in order on the normalised string. Layouts carrying
// their own zone come first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"January 2 2006 15:04:05",
	"January 2 2006 15:04",
	"January 2 2006 3:04:05 PM",
	"January 2 2006 3:04 PM",
	"January 2 2006 3:04PM",
	"January 2 2006",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006 15:04",
	"Jan 2 2006 3:04 PM",
	"Jan 2 2006 3:04PM",
	"Jan 2 2006",
	"2 January 2006 15:04:05",
	"2 January 2006 15:04",
	"2 January 2006 3:04 PM",
	"2 January 2006",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 2006 3:04 PM",
	"2 Jan 2006",
	"15:04 2 January 2006",
	"3:04 PM January 2 2006",
	"3:04 PM Jan 2 2006",
	"January 2006",
}

// ParseDate parses a publication date written in one of the common machine
// or human forms, honouring a numeric offset or a known zone abbreviation.
// It reports false for anything it cannot read with certainty.
func ParseDate(s string) (time.Time, bool) {
	if len(s) > 100 || !hasYear(s) {
		return time.Time{}, false
	}
	s, zone, hasZone := splitZone(normalizeDate(s))
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if hasZone {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(),
				t.Second(), t.Nanosecond(), zone)
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return time.Time{}, false
		}
		return t, true
	}
	return time.Time{}, false
}

var dateReplacer = strings.NewReplacer(",", " ", "|", " ", "\u00a0", " ")

// hasYear reports whether s holds a run of four digits or more, which
// every accepted layout has: a quick test that spares ordinary lines the
// layout loop.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// normalizeDate lowers the variety of human date strings: it drops a
// weekday, ordinal suffixes ("30th"), the words "at" and "on", commas, dots
// after month abbreviations, and collapses white space.
func normalizeDate(s string) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
	s = dateReplacer.Replace(s)
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		if isWeekday(f) {
			continue // "Tuesday" leading, or after the time: "11:21 pm CST, Tuesday, ..."
		}
		if strings.EqualFold(f, "on") || strings.EqualFold(f, "at") {
			continue
		}
		f = stripOrdinal(f)
		if len(f) == 4 && strings.HasSuffix(f, ".") && isMonthAbbrev(f[:3]) {
			f = f[:3]
		}
		if up := strings.ToUpper(f); up == "AM" || up == "PM" || up == "A.M." || up == "P.M." {
			f = strings.ReplaceAll(up, ".", "")
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// splitZone removes a trailing zone abbreviation (or "UTC+05:30" style
// offset) and returns the location it names. A zone abbreviation right
// after the time, before the date ("11:21 PM CST November 19 2019"), is
// moved to the end first.
func splitZone(s string) (string, *time.Location, bool) {
	s = zoneLast(s)
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s, nil, false
	}
	word := strings.Trim(s[i+1:], "()")
	if off, ok := zoneOffsets[strings.ToUpper(word)]; ok && isUpperWord(word) {
		return s[:i], time.FixedZone(strings.ToUpper(word), off), true
	}
	for _, p := range []string{"UTC", "GMT"} {
		if strings.HasPrefix(word, p+"+") || strings.HasPrefix(word, p+"-") {
			if off, ok := parseOffset(word[len(p):]); ok {
				return s[:i], time.FixedZone(word, off), true
			}
		}
	}
	return s, nil, false
}

// zoneLast moves a known zone abbreviation that follows "AM", "PM" or a
// clock time to the end of s.
func zoneLast(s string) string {
	f := strings.Fields(s)
	for i := 1; i < len(f)-1; i++ {
		prev := f[i-1]
		if _, ok := zoneOffsets[f[i]]; ok && isUpperWord(f[i]) && (prev == "AM" || prev == "PM" || strings.Contains(prev, ":")) {
			zone := f[i]
			f = append(f[:i], f[i+1:]...)
			return strings.Join(f, " ") + " " + zone
		}
	}
	return s
}

// parseOffset reads "+05:30", "+0530" or "-5" as seconds east of UTC.
func parseOffset(s string) (int, bool) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(s[1:], ":", "")
	if digits == "" || len(digits) > 4 {
		return 0, false
	}
	n := 0
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	h, m := n, 0
	if len(digits) > 2 {
		h, m = n/100, n%100
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

func stripOrdinal(f string) string {
	if len(f) < 3 || f[0] < '0' || f[0] > '9' {
		return f
	}
	switch strings.ToLower(f[len(f)-2:]) {
	case "st", "nd", "rd", "th":
		if head := f[:len(f)-2]; strings.Trim(head, "0123456789") == "" {
			return head
		}
	}
	return f
}

func isWeekday(f string) bool {
	f = strings.ToLower(strings.TrimRight(f, ".,"))
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if f == d || (len(f) >= 3 && strings.HasPrefix(d, f)) {
			return true
		}
	}
	return false
}

func isMonthAbbrev(f string) bool {
	switch strings.ToLower(f) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}
