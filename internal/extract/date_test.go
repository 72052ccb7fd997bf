package extract

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339; "" means not a date
	}{
		{"2025-11-30T02:14:54+05:30", "2025-11-30T02:14:54+05:30"},
		{"2025-11-29T20:44:54Z", "2025-11-29T20:44:54Z"},
		{"2025-11-29T20:44:54.123Z", "2025-11-29T20:44:54.123Z"},
		{"2025-11-30T02:14:54+0530", "2025-11-30T02:14:54+05:30"},
		{"2025-11-30T02:14", "2025-11-30T02:14:00Z"},
		{"2026-01-07", "2026-01-07T00:00:00Z"},
		{" 2026-01-07 ", "2026-01-07T00:00:00Z"},
		{"November 30, 2025 02:14:54 IST", "2025-11-30T02:14:54+05:30"},
		{"NOVEMBER 20, 2019 10:43", "2019-11-20T10:43:00Z"},
		{"Jan 7, 2026", "2026-01-07T00:00:00Z"},
		{"Jan. 7, 2026, 3:05 PM EST", "2026-01-07T15:05:00-05:00"},
		{"7 January 2026", "2026-01-07T00:00:00Z"},
		{"7th January 2026", "2026-01-07T00:00:00Z"},
		{"Wednesday, 7 January 2026 at 09:30 GMT", "2026-01-07T09:30:00Z"},
		{"Monday November 18, 2019 7:45 am PST", "2019-11-18T07:45:00-08:00"},
		{"12 October 2025, 09:15 UTC+05:30", "2025-10-12T09:15:00+05:30"},
		{"Tue, 10 Jun 2025 08:00:00 +0200", "2025-06-10T08:00:00+02:00"},
		{"11:21 pm CST, Tuesday, November 19, 2019", "2019-11-19T23:21:00-06:00"},
		{"9:05 AM EDT Monday, June 2, 2025", "2025-06-02T09:05:00-04:00"},
		{"2025/06/10", "2025-06-10T00:00:00Z"},
		{"", ""},
		{"yesterday", ""},
		{"November 31, 2025", ""},
		{"2025-13-01", ""},
		{"Published by the desk", ""},
		{"0001-01-01", ""},
		{"\xff\xfe2026-01-07", "2026-01-07T00:00:00Z"},
		{"2026-01-07 " + string(make([]byte, 200)), ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339Nano)
		}
		if s != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Last Updated: November 30, 2025 02:14:54 IST", "2025-11-30T02:14:54+05:30"},
		{" date 2026-01-07 ", "2026-01-07T00:00:00Z"},
		{"Published on 7 January 2026", "2026-01-07T00:00:00Z"},
		{"Updated - Jan 7, 2026", "2026-01-07T00:00:00Z"},
		{"Dated the seventh", ""},
	}
	for _, tt := range tests {
		got, ok := dateLine(tt.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != tt.want {
			t.Errorf("dateLine(%q) = %q; want %q", tt.in, s, tt.want)
		}
	}
}
