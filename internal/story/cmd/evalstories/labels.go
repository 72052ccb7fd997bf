package main

import (
	"slices"
	"strings"
	"time"
)

// Labels.
//
// Reuters-21578 holds many stories filed more than once: a repeat, a
// correction, an update that adds a paragraph. Grouping them is right, but
// labels that call only the copies made here one story count each such
// merge as wrong. Two labellings are scored:
//
//   - exact: originals are one story when their bodies are equal (case,
//     spacing and the closing "Reuter" aside);
//   - lead: also when their leads, the first leadWords words of the body
//     (lowercased, figures included), are equal and they were published
//     within leadWindow of the first original with that lead.
//
// Neither looks at what grouping looks at (shingles, sketches), so neither
// is tuned to it. Both still call a re-filing with a rewritten lead a
// different story, so both understate precision; `-sample` prints merged
// originals to judge by eye.

// leadWords is the length of a lead; leadWindow how far apart re-filings
// with one lead may be published.
const (
	leadWords  = 12
	leadWindow = 72 * time.Hour
)

// normalBody is the key of the exact labelling.
func normalBody(body string) string {
	return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(body), " ")), " reuter")
}

// leadOf returns the first leadWords words of body, lowercased, without
// punctuation and the angle brackets Reuters marks names with.
func leadOf(body string) string {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '.' || r == ',' || r >= 0x80)
	})
	return strings.Join(words[:min(leadWords, len(words))], " ")
}

// labels returns, for each original's id, its story under the exact and
// the lead labelling.
func labels(arts []reuters) (exact, lead map[string]string) {
	exact, lead = map[string]string{}, map[string]string{}
	first := map[string]string{}
	sets := unionFind{}
	type dated struct {
		id string
		t  time.Time
	}
	byLead := map[string][]dated{}
	for _, a := range arts {
		key := normalBody(a.Body)
		if _, ok := first[key]; !ok {
			first[key] = a.ID
		}
		exact[a.ID] = first[key]
		sets.union(first[key], a.ID)
		t, _ := time.Parse(time.RFC3339, a.Date)
		if l := leadOf(a.Body); strings.Count(l, " ") >= leadWords/2 {
			byLead[l] = append(byLead[l], dated{a.ID, t})
		}
	}
	for _, ds := range byLead {
		slices.SortFunc(ds, func(a, b dated) int { return a.t.Compare(b.t) })
		head := ds[0]
		for _, d := range ds[1:] {
			if d.t.Sub(head.t) > leadWindow {
				head = d
				continue
			}
			sets.union(head.id, d.id)
		}
	}
	for _, a := range arts {
		lead[a.ID] = sets.find(a.ID)
	}
	return exact, lead
}

// unionFind joins labels into sets: each label maps to another of its set,
// and a set's root to itself or nothing.
type unionFind map[string]string

// find returns the root of x's set.
func (u unionFind) find(x string) string {
	if p, ok := u[x]; ok && p != x {
		r := u.find(p)
		u[x] = r
		return r
	}
	return x
}

// union joins the sets of a and b under a's root.
func (u unionFind) union(a, b string) {
	if ra, rb := u.find(a), u.find(b); ra != rb {
		u[rb] = ra
	}
}
