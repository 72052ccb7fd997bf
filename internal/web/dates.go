package web

// Dates in from and to.
//
// A date is YYYY-MM-DD (a day in UTC), a full RFC 3339 time, or relative
// to now: "now", or "now-" followed by a count and a unit (d days, w weeks,
// m months, y years), as in now-30d. The Request's range is [From, To), so
// a bare date in to means the end of that day: to=2024-03-01 includes
// articles of 1 March. A to that is a time, or a relative date, is taken
// as the exact instant.

import (
	"strconv"
	"strings"
	"time"
)

const dateLayout = "2006-01-02"

// parseRange reads from and to; either may be empty for an open end.
func parseRange(from, to string, now time.Time) (time.Time, time.Time, error) {
	f, _, err := parseDate("from", from, now)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	t, day, err := parseDate("to", to, now)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if day {
		t = t.AddDate(0, 0, 1)
	}
	if !f.IsZero() && !t.IsZero() && !f.Before(t) {
		return time.Time{}, time.Time{}, badParam("to", "to (%s) must be later than from (%s): swap them or widen the range", clip(to), clip(from))
	}
	return f, t, nil
}

// parseDate reads one date parameter; day reports a bare YYYY-MM-DD.
func parseDate(name, s string, now time.Time) (t time.Time, day bool, err error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return time.Time{}, false, nil
	case strings.HasPrefix(s, "now"):
		t, err = relativeDate(name, s, now)
		return t, false, err
	}
	if t, err := time.Parse(dateLayout, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), false, nil
	}
	return time.Time{}, false, badParam(name, "cannot read %s=%q: write a date as YYYY-MM-DD (2024-03-01), an RFC 3339 time (2024-03-01T12:00:00Z) or now-30d", name, clip(s))
}

// relativeDate reads "now" or "now-<n><unit>".
func relativeDate(name, s string, now time.Time) (time.Time, error) {
	now = now.UTC()
	if s == "now" {
		return now, nil
	}
	bad := badParam(name, "cannot read %s=%q: a relative date is now-<number><unit>, unit d, w, m or y, as in now-30d", name, clip(s))
	rest, ok := strings.CutPrefix(s, "now-")
	if !ok || len(rest) < 2 {
		return time.Time{}, bad
	}
	n, err := strconv.Atoi(rest[:len(rest)-1])
	if err != nil || n < 0 || n > 10000 {
		return time.Time{}, bad
	}
	switch rest[len(rest)-1] {
	case 'd':
		return now.AddDate(0, 0, -n), nil
	case 'w':
		return now.AddDate(0, 0, -7*n), nil
	case 'm':
		return now.AddDate(0, -n, 0), nil
	case 'y':
		return now.AddDate(-n, 0, 0), nil
	}
	return time.Time{}, bad
}

// formatDay writes t as a YYYY-MM-DD parameter value.
func formatDay(t time.Time) string { return t.UTC().Format(dateLayout) }
