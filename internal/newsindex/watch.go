package newsindex

// Noticing a publish
//
// searchd learns of a new generation three ways. A directory watch
// (inotify through fsnotify) on the index root reacts only to events on
// the final name CURRENT: the rename of CURRENT.tmp over it shows up as a
// create, while the indexer's work on tmp-*, gen-* and CURRENT.tmp is
// ignored. Events come in bursts (a create, a chmod, a write), so they
// are coalesced: the reload runs once the root has been quiet for
// settle. A periodic rescan catches what a watch can miss (a root on a
// network filesystem, an overflowing event queue, a watch that could not
// be set up at all), and SIGHUP (in searchd) asks for a reload at once.
// Every path ends in Reload, which does nothing when CURRENT names the
// served generation, so a spurious or repeated event costs one small
// file read.

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the root must be quiet after an event on CURRENT
// before the reload runs.
const settle = 50 * time.Millisecond

// Watch reloads the index when CURRENT changes (a directory watch) and
// every interval in any case, until ctx is done or the index is closed.
// It logs swaps and failures to log (slog.Default() when nil); a failed
// reload keeps the served generation.
func (ix *Index) Watch(ctx context.Context, every time.Duration, log *slog.Logger) {
	if log == nil {
		log = slog.Default()
	}
	ctx, cancel := context.WithCancel(ctx) // stops the watch when Watch returns
	defer cancel()
	events := ix.watchCurrent(ctx, log)
	tick := time.NewTicker(every)
	defer tick.Stop()
	var quiet <-chan time.Time // armed by an event, fires once settled
	for {
		select {
		case <-ctx.Done():
			return
		case <-events:
			quiet = time.After(settle)
			continue
		case <-quiet:
			quiet = nil
		case <-tick.C:
		}
		if !ix.reloadAndLog(log) {
			return
		}
	}
}

// reloadAndLog runs Reload and logs what came of it; it returns false
// once the index is closed.
func (ix *Index) reloadAndLog(log *slog.Logger) bool {
	swapped, err := ix.Reload()
	switch {
	case errors.Is(err, ErrClosed):
		return false
	case err != nil:
		log.Error("index reload failed; still serving the previous generation", "root", ix.root, "err", err)
	case swapped:
		st := ix.Stats()
		log.Info("index reloaded", "root", ix.root, "generation", st.Generation, "documents", st.Docs)
	}
	return true
}

// watchCurrent returns a channel that receives a value for each event on
// root/CURRENT until ctx is done. If the watch cannot be set up it logs
// why and returns a channel that never receives: the rescan still works.
func (ix *Index) watchCurrent(ctx context.Context, log *slog.Logger) <-chan struct{} {
	out := make(chan struct{}, 1)
	w, err := fsnotify.NewWatcher()
	if err == nil {
		if err = w.Add(ix.root); err != nil {
			w.Close()
		}
	}
	if err != nil {
		log.Warn("cannot watch the index directory; relying on the periodic rescan", "root", ix.root, "err", err)
		return out
	}
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Base(ev.Name) == currentName {
					select {
					case out <- struct{}{}:
					default: // one pending event is enough
					}
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				log.Warn("index directory watch", "root", ix.root, "err", err)
			}
		}
	}()
	return out
}
