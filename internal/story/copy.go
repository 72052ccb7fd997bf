package story

import "time"

// Copy is one article of a story as pages list it.
type Copy struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	First     bool      `json:"first,omitempty"` // the story's earliest-published copy
}

// CopiesOf returns the copies of article id's story, itself included,
// earliest-published first with that one marked First; nil if the Set
// does not hold id or its story has no other copy.
func (s *Set) CopiesOf(id string) []Copy { return asCopies(s.Copies(id)) }

// asCopies lists the members of one story, earliest-published first, as
// copies; nil for a story without another copy.
func asCopies(ms []Member) []Copy {
	if len(ms) < 2 {
		return nil
	}
	out := make([]Copy, len(ms))
	for i, m := range ms {
		out[i] = Copy{ID: m.ID, Source: m.Source, Published: m.Published, First: i == 0}
	}
	return out
}
