package story

// Grouping.
//
// Two articles are copies of one story when their estimated similarity
// reaches the threshold and they were published within Window of each
// other.
//
// A story is founded by an article that matches no story yet; its id is
// that article's id and its representative is that article's signature.
// Each article after it joins the story whose representative is most
// similar, if the estimated similarity reaches the threshold, and founds a
// new story otherwise. Articles are compared with representatives only, never
// with every member, so a chain of small edits cannot carry a story over
// to a different one (single-link clustering would).
//
// Candidates come from LSH banding, not from all pairs: the signature is cut
// into Bands bands of Rows positions. Each representative is filed under its
// value in every band; an article looks up its own values and compares
// itself with the stories found there only. Two bodies of similarity J share
// at least one band with probability 1-(1-J^Rows)^Bands: 0.9999 at J=0.5,
// 0.95 at J=0.3, so copies above the threshold are all but never missed,
// while unrelated articles (J near 0) rarely meet. The work per article is
// the number of bands plus the stories that share a band value.
//
// Assign takes the pending articles earliest-published first (then by
// smallest id; undated ones last), so in a full build each story's id is
// the id of its earliest-published copy. Incremental builds keep ids
// stable: an unchanged article keeps its story; a new or changed one joins
// an existing story when it matches its representative, even if it was
// published before the story's founder (the story keeps its id). When a
// story's founder is removed, the story keeps its id and representative as
// long as any member remains, so the other copies keep their story id; the
// story and its id go away with its last member.

import (
	"cmp"
	"slices"
	"time"
)

// DefaultThreshold is the default least estimated similarity of two copies
// of one story, chosen on the labelled set (see group_test.go) and checked
// on perturbed Reuters copies (cmd/evalstories).
const DefaultThreshold = 0.4

// Bands and Rows shape the LSH index: Bands*Rows == Hashes.
const (
	Bands = 32
	Rows  = Hashes / Bands
)

// Member is an article as grouping sees it.
type Member struct {
	ID        string
	Source    string
	Published time.Time // zero when unknown
	Sig       *Signature
	Shingles  int    // how many shingles Sig was made of
	Story     string // the id of its story, set by Assign
}

// rep is the representative of a story: its founder's signature and date.
type rep struct {
	sig       *Signature
	shingles  int
	published time.Time
}

// DefaultWindow is the default Window: copies of one story appear within
// days of each other, while regular reports filed from one template (a
// weekly loans figure, a daily market operation) recur with the same words
// and sometimes the same figures.
const DefaultWindow = 72 * time.Hour

// Set holds the articles of an index grouped into stories.
type Set struct {
	// Window is the longest time between the publication of a story's
	// founder and of a copy; 0 for no limit. Undated articles are never
	// kept out by it.
	Window    time.Duration
	threshold float64
	members   map[string]*Member
	reps      map[string]rep             // story id -> representative
	byStory   map[string][]string        // story id -> member ids
	bands     [Bands]map[uint64][]string // band value -> story ids
	pending   map[string]*Member         // added, not yet assigned
}

// New returns an empty Set that groups articles whose estimated
// similarity is at least threshold (clamped to 0.05..1).
func New(threshold float64) *Set {
	if !(threshold >= 0.05) { // NaN too
		threshold = 0.05
	}
	s := &Set{
		Window:    DefaultWindow,
		threshold: min(threshold, 1),
		members:   map[string]*Member{},
		reps:      map[string]rep{},
		byStory:   map[string][]string{},
		pending:   map[string]*Member{},
	}
	return s
}

// Threshold returns the Set's threshold.
func (s *Set) Threshold() float64 { return s.threshold }

// Len returns the number of articles in the Set.
func (s *Set) Len() int { return len(s.members) }

// Stories returns the number of stories.
func (s *Set) Stories() int { return len(s.reps) }

// Add queues m for the next Assign, replacing any article with its id: a
// changed article is grouped again, while one added again unchanged (its
// file changed around it) keeps its story.
func (s *Set) Add(m Member) {
	if old, ok := s.members[m.ID]; ok && m.Sig != nil && old.Sig != nil && *old.Sig == *m.Sig && old.Published.Equal(m.Published) {
		old.Source = m.Source
		return
	}
	s.Remove(m.ID)
	m.Story = ""
	s.pending[m.ID] = &m
}

// Remove takes the article id out of its story, and the story out of the
// Set when it was its last member.
func (s *Set) Remove(id string) {
	delete(s.pending, id)
	m, ok := s.members[id]
	if !ok {
		return
	}
	delete(s.members, id)
	ids := slices.DeleteFunc(s.byStory[m.Story], func(x string) bool { return x == id })
	if len(ids) > 0 {
		s.byStory[m.Story] = ids
		return
	}
	delete(s.byStory, m.Story)
	s.unfile(m.Story)
}

// Assign puts every article added since the last Assign into a story.
func (s *Set) Assign() {
	ms := make([]*Member, 0, len(s.pending))
	for _, m := range s.pending {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, byTime)
	for _, m := range ms {
		m.Story = s.match(m)
		if m.Story == "" {
			m.Story = m.ID
			s.file(m.ID, rep{m.Sig, m.Shingles, m.Published})
		}
		s.members[m.ID] = m
		s.byStory[m.Story] = append(s.byStory[m.Story], m.ID)
	}
	clear(s.pending)
}

// byTime orders members earliest-published first, undated last, then by id.
func byTime(a, b *Member) int {
	if a.Published.IsZero() != b.Published.IsZero() {
		if a.Published.IsZero() {
			return 1
		}
		return -1
	}
	if c := a.Published.Compare(b.Published); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// match returns the story whose representative is most similar to m, at
// least the threshold (the smallest id among equals), or "".
func (s *Set) match(m *Member) string {
	best, bestSim := "", 0.0
	var seen []string // candidates are few: a slice beats a map
	for i, band := range s.bands {
		for _, id := range band[bandOf(m.Sig, i)] {
			if slices.Contains(seen, id) {
				continue
			}
			seen = append(seen, id)
			r := s.reps[id]
			sim := Similarity(m.Sig, r.sig)
			if sim < s.threshold || (m.Shingles < MinShingles || r.shingles < MinShingles) && sim < 1 || !s.near(m.Published, r.published) {
				continue
			}
			if sim > bestSim || sim == bestSim && id < best {
				best, bestSim = id, sim
			}
		}
	}
	return best
}

// near reports whether a and b are within the Window of each other.
func (s *Set) near(a, b time.Time) bool {
	if s.Window <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return -s.Window <= d && d <= s.Window
}

// bandOf returns the value of band i of sig.
func bandOf(sig *Signature, i int) uint64 {
	var v uint64
	for _, x := range sig[i*Rows : (i+1)*Rows] {
		v = v<<32 | uint64(x)
	}
	return v
}

// file makes r the representative of story id.
func (s *Set) file(id string, r rep) {
	s.unfile(id)
	s.reps[id] = r
	for i, band := range s.bands {
		if band == nil {
			band = map[uint64][]string{}
			s.bands[i] = band
		}
		v := bandOf(r.sig, i)
		band[v] = append(band[v], id)
	}
}

// unfile forgets story id.
func (s *Set) unfile(id string) {
	r, ok := s.reps[id]
	if !ok {
		return
	}
	delete(s.reps, id)
	for i, band := range s.bands {
		v := bandOf(r.sig, i)
		if ids := slices.DeleteFunc(band[v], func(x string) bool { return x == id }); len(ids) > 0 {
			band[v] = ids
		} else {
			delete(band, v)
		}
	}
}

// Story returns the story id of article id, or "" if the Set does not hold
// it.
func (s *Set) Story(id string) string {
	if m, ok := s.members[id]; ok {
		return m.Story
	}
	return ""
}

// Copies returns the members of article id's story, itself included,
// earliest-published first; nil if the Set does not hold id.
func (s *Set) Copies(id string) []Member {
	m, ok := s.members[id]
	if !ok {
		return nil
	}
	return s.Members(m.Story)
}

// Members returns the members of story, earliest-published first.
func (s *Set) Members(story string) []Member {
	ids := s.byStory[story]
	ms := make([]*Member, 0, len(ids))
	for _, id := range ids {
		ms = append(ms, s.members[id])
	}
	slices.SortFunc(ms, byTime)
	out := make([]Member, len(ms))
	for i, m := range ms {
		out[i] = *m
	}
	return out
}

// Shingles returns the shingle count of article id's body, 0 if the Set
// does not hold it.
func (s *Set) Shingles(id string) int {
	if m, ok := s.members[id]; ok {
		return m.Shingles
	}
	return 0
}
