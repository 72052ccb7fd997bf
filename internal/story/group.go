package story

// Grouping.
//
// Two articles are copies of one story when they were published within
// Window of each other and, if both bodies are short, within a third of
// it (a day by default: a short notice is far more often one day's
// instance of a template, such as a rate table or a rainfall report, than
// a story that other outlets run days later) and their sketches say so
// (sketch.go), else their estimated similarity reaches the threshold
// and, if both are long, their leads do not show two stories filed from
// one template (lead.go).
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
// while unrelated articles (J near 0) rarely meet. Short stories are also
// filed in the sketch index (sketch.go), since boilerplate can leave a short
// copy's signature unlike its original's. The work per article is the
// number of bands and of its sketch's words, plus the stories found there.
// The bands and the sketch index are compact tables of story ordinals
// (bands.go), cut into eras of time so that a lookup walks only the stories
// of the article's own time (eras.go); each story's representative lists
// its members: a Set
// takes about 1,100 bytes an article at Reuters 16x (1,580 with maps), a
// signature (256), the band slots (about 220) and short bodies' sketches
// the most of it.
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
	Shingles  int     // how many shingles Sig was made of
	Sketch    *Sketch // NewSketch's: a short body's, or a long body's lead
	Story     string  // the id of its story, set by Assign
}

// NewMember returns the Member for an article: its signature, shingle
// count and sketch.
func NewMember(id, source string, published time.Time, title, body string) Member {
	sig, n := SignArticle(title, body)
	return Member{ID: id, Source: source, Published: published, Sig: &sig, Shingles: n, Sketch: SketchArticle(title, body, n)}
}

// rep is the representative of a story (its founder's signature and
// date) and the list of its members.
type rep struct {
	id        string // the story's
	sig       *Signature
	shingles  int
	published time.Time
	sketch    *Sketch  // a short body's, or a long body's lead (nil in old states)
	keys      []uint32 // the sketch words the story is filed under (sketchKeys)
	era       uint64   // its era's hash (eras.go)
	seen      uint64   // the match call that last looked at it
	ord       uint32   // its index in Set.byOrd
	members   []string // ids of the story's articles
}

// DefaultWindow is the default Window: copies of one story appear within
// days of each other, while regular reports filed from one template (a
// weekly loans figure, a daily market operation) recur with the same words
// and sometimes the same figures.
const DefaultWindow = 72 * time.Hour

// shortWindow divides the Window for two short bodies (see the top of the
// file).
const shortWindow = 3

// Set holds the articles of an index grouped into stories.
type Set struct {
	// Window is the longest time between the publication of a story's
	// founder and of a copy; 0 for no limit. Undated articles are never
	// kept out by it.
	Window    time.Duration
	threshold float64
	members   map[string]*Member
	reps      map[string]*rep    // story id -> representative
	idx       lsh                // band values and sketch words -> story ordinals (bands.go)
	span      time.Duration      // the Window idx's eras were cut for (eras.go)
	undated   int                // stories whose founder has no date
	anyEra    *lsh               // idx without eras, while undated articles are grouped
	byOrd     []*rep             // story ordinal -> representative; nil if free
	free      []uint32           // free ordinals
	pending   map[string]*Member // added, not yet assigned
	matches   uint64             // calls of match so far
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
		reps:      map[string]*rep{},
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
	r := s.reps[m.Story]
	if r == nil {
		return
	}
	if r.members = slices.DeleteFunc(r.members, func(x string) bool { return x == id }); len(r.members) == 0 {
		s.unfile(m.Story)
	}
}

// Assign puts every article added since the last Assign into a story.
func (s *Set) Assign() {
	s.cutEras()
	defer func() { s.anyEra = nil }()
	ms := make([]*Member, 0, len(s.pending))
	for _, m := range s.pending {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, byTime)
	for _, m := range ms {
		m.Story = s.match(m)
		if m.Story == "" {
			m.Story = m.ID
			s.file(m.ID, &rep{sig: m.Sig, shingles: m.Shingles, published: m.Published, sketch: m.Sketch})
		}
		s.members[m.ID] = m
		s.reps[m.Story].members = append(s.reps[m.Story].members, m.ID)
	}
	s.pending = map[string]*Member{} // clear would keep its buckets, sized for the whole run
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

// match returns the story whose representative m copies most closely,
// or "" (the smallest id among equals).
func (s *Set) match(m *Member) string {
	best, bestScore := "", 0.0
	s.matches++
	try := func(r *rep) {
		if r.seen == s.matches {
			return
		}
		r.seen = s.matches
		if !s.near(m.Published, r.published) {
			return
		}
		ok, score := s.copies(m, r)
		if ok && (score > bestScore || score == bestScore && r.id < best) {
			best, bestScore = r.id, score
		}
	}
	x, eras := s.probes(m.Published)
	s.lookup(x, m, eras, try)
	return best
}

// copies reports whether m is a copy of the story that r represents, and
// how alike the two are: by their sketches when both bodies are short (and
// published within Window/shortWindow), else by estimated similarity,
// which a body under MinShingles shingles must reach in full, and two long
// bodies must not be templated (lead.go).
func (s *Set) copies(m *Member, r *rep) (bool, float64) {
	short := m.Shingles < SketchShingles && r.shingles < SketchShingles
	if short && m.Sketch != nil && r.sketch != nil {
		if !within(m.Published, r.published, s.Window/shortWindow) {
			return false, 0
		}
		return m.Sketch.copies(r.sketch)
	}
	sim := Similarity(m.Sig, r.sig)
	if sim < s.threshold || (m.Shingles < MinShingles || r.shingles < MinShingles) && sim < 1 {
		return false, sim
	}
	if m.Shingles >= SketchShingles && r.shingles >= SketchShingles && templated(m.Sketch, r.sketch) {
		return false, sim
	}
	return true, sim
}

// near reports whether a and b are within the Window of each other.
func (s *Set) near(a, b time.Time) bool {
	return within(a, b, s.Window)
}

// within reports whether a and b are within w of each other, or either
// is unknown, or w is not positive.
func within(a, b time.Time, w time.Duration) bool {
	if w <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return -w <= d && d <= w
}

// bandOf returns the value of band i of sig.
func bandOf(sig *Signature, i int) uint64 {
	var v uint64
	for _, x := range sig[i*Rows : (i+1)*Rows] {
		v = v<<32 | uint64(x)
	}
	return v
}

// file makes r the representative of story id, which keeps its members.
func (s *Set) file(id string, r *rep) {
	if old := s.reps[id]; old != nil {
		r.members = old.members
	}
	s.unfile(id)
	r.id = id
	s.reps[id] = r
	if len(s.reps) == 1 {
		s.span, s.idx.eras = s.Window, s.Window > 0
	}
	r.era = s.eraOf(r.published)
	if r.published.IsZero() {
		s.undated++
	}
	s.grow(&s.idx, len(s.reps)) // before r has an ordinal: grow files the others
	if s.anyEra != nil {
		s.grow(s.anyEra, len(s.reps))
	}
	if n := len(s.free); n > 0 {
		r.ord, s.free = s.free[n-1], s.free[:n-1]
		s.byOrd[r.ord] = r
	} else {
		r.ord = uint32(len(s.byOrd))
		s.byOrd = append(s.byOrd, r)
	}
	if r.sketch != nil {
		r.keys = s.sketchKeys(r)
	}
	s.put(&s.idx, r)
	if s.anyEra != nil {
		s.put(s.anyEra, r)
	}
}

// sketchKeys is how many words of a sketch file its story in the sketch
// index.
const sketchKeys = 4

// sketchKeys chooses the words to file a sketched story under: those
// under which the fewest stories are filed yet (the least hashes among
// equals), so that common words, whose lists would be long, are seldom
// chosen. A copy looks up every word it has, so it finds the story
// whichever of its words were chosen, as long as one of them is left.
func (s *Set) sketchKeys(r *rep) []uint32 {
	type word struct {
		stories int
		hash    uint32
	}
	var best [sketchKeys]word
	n := 0
	for _, w := range r.sketch.Words { // sorted: the least hash wins a tie
		c := word{s.idx.sketched.count(s.idx.word(r, w)), w}
		if n < len(best) {
			best[n], n = c, n+1
		} else if c.stories < best[n-1].stories {
			best[n-1] = c
		} else {
			continue
		}
		for i := n - 1; i > 0 && best[i].stories < best[i-1].stories; i-- {
			best[i], best[i-1] = best[i-1], best[i]
		}
	}
	keys := make([]uint32, n)
	for i := range keys {
		keys[i] = best[i].hash
	}
	return keys
}

// unfile forgets story id.
func (s *Set) unfile(id string) {
	r, ok := s.reps[id]
	if !ok {
		return
	}
	delete(s.reps, id)
	s.take(&s.idx, r)
	if s.anyEra != nil {
		s.take(s.anyEra, r)
	}
	if r.published.IsZero() {
		s.undated--
	}
	s.byOrd[r.ord] = nil
	s.free = append(s.free, r.ord)
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
	var ids []string
	if r := s.reps[story]; r != nil {
		ids = r.members
	}
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
