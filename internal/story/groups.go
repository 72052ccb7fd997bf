package story

// Groups: the grouping as searchd needs it.
//
// A Set carries every article's signature so that the next indexer run can
// match new articles against it; decoding one for 300,000 articles took
// seconds and hundreds of MiB. Serving needs far less: which story an
// article is in, and the other copies of it. DecodeGroups reads the same
// state but keeps only the stories with two copies or more, without
// signatures, resolving damaged entries exactly as Decode does.

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Groups are the stories of a Set that have more than one copy.
type Groups struct {
	story  map[string]string   // article id -> story id, for articles with copies
	copies map[string][]Member // story id -> its copies, earliest-published first; no signatures
}

// present records whether a JSON value is there (not null) without
// decoding it.
type present bool

func (p *present) UnmarshalJSON(b []byte) error {
	*p = string(b) != "null"
	return nil
}

// DecodeGroups reads the stories with copies from what Set.Encode wrote.
func DecodeGroups(b []byte) (*Groups, error) {
	var st struct {
		Version int `json:"version"`
		Reps    []struct {
			Story string  `json:"story"`
			Sig   present `json:"sig"`
		} `json:"reps"`
		Members []struct {
			ID        string    `json:"id"`
			Story     string    `json:"story"`
			Source    string    `json:"source"`
			Published time.Time `json:"published"`
			Sig       present   `json:"sig"`
		} `json:"members"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("decode story groups: %w", err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("decode story groups: version %d, want %d", st.Version, stateVersion)
	}
	founded := map[string]bool{} // stories with a representative, as Decode files them
	for _, r := range st.Reps {
		if r.Sig {
			founded[r.Story] = true
		}
	}
	for _, e := range st.Members {
		if e.ID == e.Story && e.Sig {
			founded[e.ID] = true
		}
	}
	byStory := map[string][]Member{}
	for _, e := range st.Members {
		if e.ID == "" || !e.Sig {
			continue
		}
		m := Member{ID: e.ID, Story: e.Story, Source: e.Source, Published: e.Published}
		if !founded[m.Story] {
			m.Story = m.ID
		}
		byStory[m.Story] = append(byStory[m.Story], m)
	}
	g := &Groups{story: map[string]string{}, copies: map[string][]Member{}}
	for s, ms := range byStory {
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(a, b Member) int { return byTime(&a, &b) })
		g.copies[s] = ms
		for _, m := range ms {
			g.story[m.ID] = s
		}
	}
	return g, nil
}

// Story returns the story id of article id, or "" when it has no copy.
func (g *Groups) Story(id string) string { return g.story[id] }

// CopiesOf returns the copies of article id's story as Set.CopiesOf does;
// nil when it has no other copy.
func (g *Groups) CopiesOf(id string) []Copy {
	ms := g.copies[g.story[id]]
	if len(ms) < 2 {
		return nil
	}
	out := make([]Copy, len(ms))
	for i, m := range ms {
		out[i] = Copy{ID: m.ID, Source: m.Source, Published: m.Published, First: i == 0}
	}
	return out
}
