package story

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"
)

// jsonVersion is the version of the JSON state, which Decode still reads;
// Encode writes the binary one (statebin.go).
const jsonVersion = 1

// state is the JSON form a Set was kept in between runs (version 1).
// Sketches were added without a new version: members of an older state
// have none and are compared by signature, as before.
type state struct {
	Version   int          `json:"version"`
	Threshold float64      `json:"threshold"`
	Window    int64        `json:"window_s"`
	Reps      []stateRep   `json:"reps"`
	Members   []stateEntry `json:"members"`
}

type stateRep struct {
	Story     string     `json:"story"`
	Sig       *Signature `json:"sig"`
	Shingles  int        `json:"n"`
	Published time.Time  `json:"published,omitzero"`
	Sketch    *Sketch    `json:"sketch,omitempty"`
}

type stateEntry struct {
	ID        string     `json:"id"`
	Story     string     `json:"story"`
	Source    string     `json:"source,omitempty"`
	Published time.Time  `json:"published,omitzero"`
	Sig       *Signature `json:"sig"`
	Shingles  int        `json:"n"`
	Sketch    *Sketch    `json:"sketch,omitempty"`
}

// Encode returns the assigned articles and stories of s in the binary
// state (pending ones are left out: call Assign first).
func (s *Set) Encode() ([]byte, error) {
	var buf bytes.Buffer
	err := s.EncodeTo(&buf)
	return buf.Bytes(), err
}

// EncodeTo writes what Encode returns to w, holding only its smaller
// sections in memory (the signatures, most of it, go straight to w).
func (s *Set) EncodeTo(w io.Writer) error {
	var reps []*rep
	for id, r := range s.reps {
		if m, ok := s.members[id]; ok && m.Sig == r.sig {
			continue // the founder is still there: Decode takes its signature
		}
		reps = append(reps, r)
	}
	slices.SortFunc(reps, func(a, b *rep) int { return cmp.Compare(a.id, b.id) })
	members := make([]*Member, 0, len(s.members))
	for _, m := range s.members {
		members = append(members, m)
	}
	sortForState(members)
	return encodeBinary(w, s.threshold, s.Window, reps, members)
}

// Decode rebuilds a Set from what Encode returned, now or as JSON before
// (version 1). A member whose story has no representative founds its own
// story, so a damaged state degrades to smaller stories rather than
// failing.
func Decode(b []byte) (*Set, error) {
	if isBinary(b) {
		s, err := decodeBinary(b)
		if err != nil {
			return nil, fmt.Errorf("decode stories: %w", err)
		}
		return s, nil
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("decode stories: %w", err)
	}
	if st.Version != jsonVersion {
		return nil, fmt.Errorf("decode stories: version %d, want %d", st.Version, jsonVersion)
	}
	s := New(st.Threshold)
	s.Window = time.Duration(st.Window) * time.Second
	for _, r := range st.Reps {
		if r.Sig == nil {
			continue
		}
		s.file(r.Story, &rep{sig: r.Sig, shingles: r.Shingles, published: r.Published, sketch: r.Sketch})
	}
	for _, e := range st.Members {
		if _, ok := s.reps[e.ID]; !ok && e.ID == e.Story && e.Sig != nil {
			s.file(e.ID, &rep{sig: e.Sig, shingles: e.Shingles, published: e.Published, sketch: e.Sketch}) // a founder
		}
	}
	for _, e := range st.Members {
		s.restore(&Member{ID: e.ID, Story: e.Story, Source: e.Source, Published: e.Published, Sig: e.Sig, Shingles: e.Shingles, Sketch: e.Sketch})
	}
	s.dropEmpty()
	return s, nil
}

// restore puts m, read from a state, into its story: a founder whose
// story has no representative yet becomes it, and any other member of a
// story without one founds a story of its own. An entry without id or
// signature, or with an id seen before, is dropped.
func (s *Set) restore(m *Member) {
	if _, dup := s.members[m.ID]; dup || m.ID == "" || m.Sig == nil {
		return
	}
	if _, ok := s.reps[m.Story]; !ok {
		m.Story = m.ID
		s.file(m.ID, &rep{sig: m.Sig, shingles: m.Shingles, published: m.Published, sketch: m.Sketch})
	}
	s.members[m.ID] = m
	s.reps[m.Story].members = append(s.reps[m.Story].members, m.ID)
}

// dropEmpty forgets the stories that have no member.
func (s *Set) dropEmpty() {
	for id, r := range s.reps {
		if len(r.members) == 0 {
			s.unfile(id)
		}
	}
}

// Regroup returns a Set with the given threshold and window holding the
// articles of s, grouped again from nothing (story ids may change): what a
// run does when the flags changed.
func (s *Set) Regroup(threshold float64, window time.Duration) *Set {
	n := New(threshold)
	n.Window = window
	for _, m := range s.members {
		n.Add(*m)
	}
	n.Assign()
	return n
}
