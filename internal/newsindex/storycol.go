package newsindex

// Stories in the walk.
//
// collapse=story and count=stories are decided while a search walks its
// matches (walk.go), from a column that gives each document the ordinal
// of its story, or noStory for an article without other copies (most of
// them), read from the generation's grouping when it is opened.
//
//   - Collapsing keeps, per story, the best-ranked copy among the matches
//     and offers only that one to the page; an article without copies is
//     offered as usual. The best copy is chosen before a cursor bounds
//     the page, so a story shown on one page never comes back on the next
//     through another copy.
//   - Counting stories counts each facet value (and day) once per story:
//     a tally remembers which (story, ordinal) pairs it has counted.

import "github.com/newsfts/newsfts/internal/story"

// noStory marks a document whose story has no other copy.
const noStory = ^uint32(0)

// readStories gives each live document of col the ordinal of its story
// in s, or noStory.
func (c *columns) readStories(s *story.Groups) {
	c.story = make([]uint32, len(c.id))
	for d := range c.story {
		c.story[d] = noStory
	}
	if s == nil {
		return
	}
	ords := map[string]uint32{}
	for _, d := range c.byID {
		st := s.Story(c.id[d])
		if st == "" {
			continue
		}
		o, ok := ords[st]
		if !ok {
			o = uint32(len(ords))
			ords[st] = o
		}
		c.story[d] = o
	}
}

// collapser keeps the best-ranked match of each story met by a walk.
type collapser struct {
	best map[uint32]entry
}

// offer takes match e of a walk collapsing to top: a copy of a story is
// kept aside if it ranks above the story's best so far.
func (cl *collapser) offer(top *topN, col *columns, e entry) {
	s := col.story[e.d]
	if s == noStory {
		top.offer(e)
		return
	}
	if b, ok := cl.best[s]; !ok || top.o.before(e, b) {
		cl.best[s] = e
	}
}

// flush offers each story's best copy to top.
func (cl *collapser) flush(top *topN) {
	for _, e := range cl.best {
		top.offer(e)
	}
}

// addStory counts the ordinals of document d of story s in c, each at
// most once per story.
func (t *facetTable) addStory(c *tally, s uint32, ords []uint32) {
	if s == noStory {
		t.addOrds(c, ords)
		return
	}
	if c.seen == nil {
		c.seen = map[uint64]struct{}{}
	}
	for _, o := range ords {
		k := uint64(s)<<32 | uint64(o)
		if _, dup := c.seen[k]; dup {
			continue
		}
		c.seen[k] = struct{}{}
		c.add(o, 1)
	}
}
