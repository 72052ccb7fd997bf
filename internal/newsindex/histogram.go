package newsindex

// Date histogram.
//
// Bleve has no date histogram, so each article carries a keyword field
// with its UTC publication day (published_day, YYYY-MM-DD), and a term
// facet counts matching articles per day in the main search. From the day
// counts the buckets are built here, sized by the span between the first
// and the last day:
//
//	span up to 31 days     one bucket a day
//	up to 26 weeks         a week (weeks start on Monday)
//	up to 5 years          a month
//	longer                 a year
//
// Buckets are [From, To) with To the next bucket's From, both YYYY-MM-DD.
// Empty buckets between the first and the last are included with count 0,
// so the list is a continuous axis, unless that would make more than
// maxBuckets buckets (a stray date centuries away); then empty buckets are
// omitted. Articles without a date are not counted.

import (
	"sort"
	"time"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/newsfts/newsfts/internal/search"
)

const (
	maxDays    = 200000 // distinct days counted: more than five centuries
	maxBuckets = 500
)

// histogram builds the date buckets from the day facet result.
func histogram(fr *bsearch.FacetResult) []search.DateBucket {
	if fr == nil {
		return []search.DateBucket{}
	}
	tcs := make([]termCount, 0, fr.Terms.Len())
	for _, t := range fr.Terms.Terms() {
		tcs = append(tcs, termCount{t.Term, t.Count})
	}
	return dayHistogram(tcs)
}

// dayHistogram builds the date buckets from counts per day (YYYY-MM-DD),
// given in any order.
func dayHistogram(tcs []termCount) []search.DateBucket {
	days := make([]dayCount, 0, len(tcs))
	for _, t := range tcs {
		if d, err := time.Parse(time.DateOnly, t.term); err == nil {
			days = append(days, dayCount{d, t.count})
		}
	}
	return daysHistogram(days)
}

// daysHistogram builds the date buckets from counts per day, given in any
// order.
func daysHistogram(days []dayCount) []search.DateBucket {
	if len(days) == 0 {
		return []search.DateBucket{}
	}
	sort.Slice(days, func(i, j int) bool { return days[i].day.Before(days[j].day) })
	step := stepFor(days[len(days)-1].day.Sub(days[0].day))
	return buckets(days, step)
}

type dayCount struct {
	day   time.Time
	count int
}

// step is a bucket size: start gives the bucket holding a day, next the
// bucket after one.
type step struct {
	start func(time.Time) time.Time
	next  func(time.Time) time.Time
}

var (
	byDay = step{
		start: func(t time.Time) time.Time { return t },
		next:  func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
	}
	byWeek = step{
		start: func(t time.Time) time.Time { return t.AddDate(0, 0, -(int(t.Weekday())+6)%7) },
		next:  func(t time.Time) time.Time { return t.AddDate(0, 0, 7) },
	}
	byMonth = step{
		start: func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) },
		next:  func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
	}
	byYear = step{
		start: func(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) },
		next:  func(t time.Time) time.Time { return t.AddDate(1, 0, 0) },
	}
)

func stepFor(span time.Duration) step {
	const day = 24 * time.Hour
	switch {
	case span <= 31*day:
		return byDay
	case span <= 26*7*day:
		return byWeek
	case span <= 5*366*day:
		return byMonth
	}
	return byYear
}

// buckets sums sorted day counts into buckets of step s.
func buckets(days []dayCount, s step) []search.DateBucket {
	var out []search.DateBucket
	var last time.Time // the start of the last bucket
	for _, d := range days {
		from := s.start(d.day)
		if n := len(out); n > 0 && from.Equal(last) {
			out[n-1].Count += d.count
			continue
		}
		last = from
		out = append(out, search.DateBucket{
			From:  from.Format(time.DateOnly),
			To:    s.next(from).Format(time.DateOnly),
			Count: d.count,
		})
	}
	return fillGaps(out, s)
}

// fillGaps inserts zero buckets between non-adjacent buckets, unless the
// result would be longer than maxBuckets.
func fillGaps(bs []search.DateBucket, s step) []search.DateBucket {
	first, _ := time.Parse(time.DateOnly, bs[0].From)
	last, _ := time.Parse(time.DateOnly, bs[len(bs)-1].From)
	n := 0
	for t := first; !t.After(last); t = s.next(t) {
		if n++; n > maxBuckets {
			return bs
		}
	}
	out := make([]search.DateBucket, 0, n)
	i := 0
	for t := first; !t.After(last); t = s.next(t) {
		from := t.Format(time.DateOnly)
		if bs[i].From == from {
			out = append(out, bs[i])
			i++
			continue
		}
		out = append(out, search.DateBucket{From: from, To: s.next(t).Format(time.DateOnly)})
	}
	return out
}
