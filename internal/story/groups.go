package story

// Groups: the grouping as searchd needs it.
//
// A Set carries every article's signature so that the next indexer run can
// match new articles against it; decoding one for 300,000 articles took
// seconds and hundreds of MiB. Serving needs far less: which story an
// article is in, and the other copies of it. DecodeGroups reads the same
// state but keeps only the stories with two copies or more, without
// signatures, resolving damaged entries as Decode does. In the binary
// state (statebin.go) it skips the signatures and sketches whole, and
// finds the stories with copies from the articles that are not their
// story's founder, a few in a hundred: about 60 ms for 300,000 articles,
// where parsing the JSON state took over a second.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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

// groupEntry is a member as DecodeGroups reads it.
type groupEntry struct {
	ID        string    `json:"id"`
	Story     string    `json:"story"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Sig       present   `json:"sig"`
}

// DecodeGroups reads the stories with copies from what Set.Encode wrote,
// now or as JSON before.
func DecodeGroups(b []byte) (*Groups, error) {
	var reps []string // stories with a representative of their own
	var entries []groupEntry
	var err error
	if isBinary(b) {
		reps, entries, err = groupsBinary(b)
	} else {
		reps, entries, err = groupsJSON(b)
	}
	if err != nil {
		return nil, fmt.Errorf("decode story groups: %w", err)
	}
	return groupsOf(reps, entries), nil
}

// groupsOf resolves entries as Decode does, keeping the stories with
// copies. Most articles are the founders of stories without copies: the
// stories that have copies are found from the few entries that are not
// their story's founder, so that no map holds every article.
func groupsOf(reps []string, entries []groupEntry) *Groups {
	founded := map[string]bool{} // of the stories that copies name, those with a representative
	for _, e := range entries {
		if e.ID != "" && bool(e.Sig) && e.Story != e.ID {
			founded[e.Story] = false
		}
	}
	for _, id := range reps {
		if _, ok := founded[id]; ok {
			founded[id] = true
		}
	}
	for _, e := range entries {
		if _, ok := founded[e.ID]; ok && bool(e.Sig) && e.Story == e.ID {
			founded[e.ID] = true
		}
	}
	byStory := map[string][]Member{}
	seen := map[string]bool{}
	for _, e := range entries {
		if e.ID == "" || !bool(e.Sig) || !founded[e.Story] || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		byStory[e.Story] = append(byStory[e.Story], Member{ID: e.ID, Story: e.Story, Source: e.Source, Published: e.Published})
	}
	g := &Groups{story: map[string]string{}, copies: map[string][]Member{}}
	for _, ms := range byStory {
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(a, b Member) int { return byTime(&a, &b) })
		for i := range ms { // the entries' strings may be slices of the whole state
			ms[i].ID, ms[i].Story, ms[i].Source = strings.Clone(ms[i].ID), strings.Clone(ms[i].Story), strings.Clone(ms[i].Source)
			g.story[ms[i].ID] = ms[i].Story
		}
		g.copies[ms[0].Story] = ms
	}
	return g
}

// groupsJSON reads the entries DecodeGroups needs from a JSON state.
func groupsJSON(b []byte) (reps []string, entries []groupEntry, err error) {
	var st struct {
		Version int `json:"version"`
		Reps    []struct {
			Story string  `json:"story"`
			Sig   present `json:"sig"`
		} `json:"reps"`
		Members []groupEntry `json:"members"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, nil, err
	}
	if st.Version != jsonVersion {
		return nil, nil, fmt.Errorf("version %d, want %d", st.Version, jsonVersion)
	}
	for _, r := range st.Reps {
		if r.Sig {
			reps = append(reps, r.Story)
		}
	}
	return reps, st.Members, nil
}

// Story returns the story id of article id, or "" when it has no copy.
func (g *Groups) Story(id string) string { return g.story[id] }

// CopiesOf returns the copies of article id's story as Set.CopiesOf does;
// nil when it has no other copy.
func (g *Groups) CopiesOf(id string) []Copy { return asCopies(g.copies[g.story[id]]) }
