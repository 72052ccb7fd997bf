package story

import (
	"encoding/json"
	"fmt"
	"time"
)

// stateVersion names the layout Encode writes; Decode refuses others.
const stateVersion = 1

// state is the form a Set is kept in between runs: JSON, because it is
// small beside the index (about 650 bytes an article on Reuters, a short
// body's sketch included) and can be read by eye. Sketches were added
// without a new version: members of an older state have none and are
// compared by signature, as before.
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

// Encode returns the assigned articles and stories of s (pending ones are
// left out: call Assign first).
func (s *Set) Encode() ([]byte, error) {
	st := state{Version: stateVersion, Threshold: s.threshold, Window: int64(s.Window / time.Second)}
	for id, r := range s.reps {
		if m, ok := s.members[id]; ok && m.Sig == r.sig {
			continue // the founder is still there: Decode takes its signature
		}
		st.Reps = append(st.Reps, stateRep{Story: id, Sig: r.sig, Shingles: r.shingles, Published: r.published, Sketch: r.sketch})
	}
	for _, m := range s.members {
		st.Members = append(st.Members, stateEntry{ID: m.ID, Story: m.Story, Source: m.Source,
			Published: m.Published, Sig: m.Sig, Shingles: m.Shingles, Sketch: m.Sketch})
	}
	b, err := json.Marshal(&st)
	if err != nil {
		return nil, fmt.Errorf("encode stories: %w", err)
	}
	return b, nil
}

// Decode rebuilds a Set from what Encode returned. A member whose story has
// no representative founds its own story, so a damaged state degrades to
// smaller stories rather than failing.
func Decode(b []byte) (*Set, error) {
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("decode stories: %w", err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("decode stories: version %d, want %d", st.Version, stateVersion)
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
		m := &Member{ID: e.ID, Story: e.Story, Source: e.Source, Published: e.Published, Sig: e.Sig, Shingles: e.Shingles, Sketch: e.Sketch}
		if _, ok := s.reps[m.Story]; !ok || m.ID == "" || m.Sig == nil {
			if m.ID == "" || m.Sig == nil {
				continue
			}
			m.Story = m.ID
			s.file(m.ID, &rep{sig: m.Sig, shingles: m.Shingles, published: m.Published, sketch: m.Sketch})
		}
		s.members[m.ID] = m
		s.byStory[m.Story] = append(s.byStory[m.Story], m.ID)
	}
	for id := range s.reps {
		if len(s.byStory[id]) == 0 {
			s.unfile(id)
		}
	}
	return s, nil
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
