package extract

import (
	"testing"
	"time"
)

// FuzzParseDate feeds arbitrary strings to the date parser: no panic, and
// a date it accepts is a real time between year 1 and 9999 that formats as
// RFC 3339 (what the index and the API store). Run it with
// `go test -run=^$ -fuzz=FuzzParseDate ./internal/extract`.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-03-02T10:13:00Z", "3 March 2026", "Mon, 02 Mar 2026 10:13:00 +0100",
		"March 2nd, 2026 at 4:05 p.m. EST", "22/01/2026", "segunda-feira, 22 de janeiro de 2026 às 10:13",
		"Updated: 2026-13-45", "0000-00-00", "99999-01-01", "Feb 30 2026", "\xff\xfe2026",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			return
		}
		if got.IsZero() || got.Year() < 1 || got.Year() > 9999 {
			t.Fatalf("ParseDate(%q) = %v: out of range", s, got)
		}
		if _, err := time.Parse(time.RFC3339, got.Format(time.RFC3339)); err != nil {
			t.Fatalf("ParseDate(%q) = %v does not round-trip RFC 3339: %v", s, got, err)
		}
	})
}
