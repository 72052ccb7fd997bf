package main

import (
	"log/slog"
	"sync"
	"time"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/newsindex"
	grouping "github.com/newsfts/newsfts/internal/story"
)

// stories groups the articles of a run into stories (package story),
// starting from the grouping of the generation being updated. The
// cleaning goroutines sign articles; the writer adds them to a spill
// file, out of the heap while the index is built (story.Spill), and the
// run gives them to the grouping when every article is in.
type stories struct {
	on    bool // false with -no-stories
	mu    sync.Mutex
	set   *grouping.Set   // nil when -no-stories, and after save
	spill *grouping.Spill // the articles added, not yet in set
}

// loadStories returns the grouping of the generation b is updating,
// regrouped if the flags changed, or a new one. With -no-stories it
// returns a stories that does nothing.
func loadStories(cfg *indexConfig, b *newsindex.Builder, log *slog.Logger) (*stories, error) {
	if cfg.noStories {
		return &stories{}, nil
	}
	state, err := b.State(newsindex.StoriesKey)
	if err != nil {
		return nil, err
	}
	if state == nil {
		if b.Base() != "" {
			log.Warn("the served index has no stories: articles indexed before are not grouped until a -full run")
		}
		set := grouping.New(cfg.storyThreshold)
		set.Window = cfg.storyWindow
		return withSpill(set, cfg)
	}
	set, err := grouping.Decode(state)
	if err != nil {
		log.Warn("unreadable stories: grouping starts again with this run's articles", "err", err)
		set = grouping.New(cfg.storyThreshold)
	}
	if set.Threshold() != cfg.storyThreshold || set.Window != cfg.storyWindow {
		set = set.Regroup(cfg.storyThreshold, cfg.storyWindow) // story ids may change
	}
	return withSpill(set, cfg)
}

// withSpill returns the stories of a run that starts from set, spilling
// into a file in the index directory.
func withSpill(set *grouping.Set, cfg *indexConfig) (*stories, error) {
	sp, err := grouping.NewSpill(cfg.index)
	if err != nil {
		return nil, err
	}
	return &stories{on: true, set: set, spill: sp}, nil
}

// sign returns a's signature, or nil with -no-stories.
func (s *stories) sign(a *article.Article) *member {
	if !s.on {
		return nil
	}
	sig, n := grouping.SignArticle(a.Title, a.Body)
	return &member{sig: &sig, n: n, sketch: grouping.SketchArticle(a.Title, a.Body, n)}
}

// member is an article's signature and sketch on its way to the writer.
type member struct {
	sig    *grouping.Signature
	n      int
	sketch *grouping.Sketch
}

// add queues a, signed as m, for grouping.
func (s *stories) add(a *article.Article, m *member) error {
	if s.set == nil || m == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spill.Put(&grouping.Member{ID: a.ID, Source: a.Source, Published: a.Published, Sig: m.sig, Shingles: m.n, Sketch: m.sketch})
}

// unspill gives the grouping what was added, in the order it came: a run
// calls it once every article is in, before it removes what went away.
func (s *stories) unspill() error {
	if s.set == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.spill.Drain(s.set.Add)
	s.spill.Close()
	return err
}

// remove forgets article id.
func (s *stories) remove(id string) {
	if s.set == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.set.Remove(id)
}

// groupAsync groups what was added, in a goroutine of its own, and
// closes the channel it returns when done.
func (s *stories) groupAsync() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.set != nil {
			s.set.Assign()
		}
	}()
	return done
}

// save writes the grouping to b's state, streamed, and lets it go, so
// that the publish that follows does not hold it: a run saves once, after
// groupAsync is done, and adds nothing after.
func (s *stories) save(b *newsindex.Builder) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.set == nil {
		return nil
	}
	set := s.set
	s.set = nil
	return b.SetStateFrom(newsindex.StoriesKey, set.EncodeTo)
}

// storyFlagsOK reports whether the story flags are usable.
func storyFlagsOK(cfg *indexConfig) bool {
	return cfg.storyThreshold > 0 && cfg.storyThreshold <= 1 && cfg.storyWindow >= 0 && cfg.storyWindow <= 10*365*24*time.Hour
}
