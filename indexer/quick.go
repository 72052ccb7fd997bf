package main

import (
	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/newsindex"
)

// quickCheck answers a run over unchanged sources without building
// anything: it reads the manifest of the served generation (read-only,
// no lock) and hashes the inputs. If every input has its recorded hash and
// none went away, the run is over: "0 changed", nothing published, and no
// copy of the index made. Anything else (a new, changed, vanished or
// unreadable input, another alias file, a busy lock, no manifest) returns
// ok false and the
// caller runs in full, which reports it properly.
func quickCheck(cfg *indexConfig, sources []string) (s *summary, ok bool) {
	if cfg.full || newsindex.Busy(cfg.index) {
		return nil, false
	}
	gen, state, docs, err := newsindex.ServedState(cfg.index, manifestKey)
	if err != nil || gen == "" || len(state) == 0 {
		return nil, false
	}
	aliases, err := aliasesSum(cfg.aliases)
	if err != nil {
		return nil, false
	}
	old, err := decodeManifest(state, aliases)
	if err != nil {
		return nil, false
	}
	seen := map[string]bool{}
	changed := false
	rd := &article.Reader{
		MaxBytes: cfg.maxBytes,
		Changed: func(path string, sum article.Sum) bool {
			path = absPath(path)
			seen[path] = true
			changed = changed || old[path].Sum != hexSum(sum)
			return false // hash only
		},
		Visit: func(article.RawDoc) {},
		Skip:  func(article.Skip) { changed = true },
		Stop:  func() bool { return changed },
	}
	rd.Paths(sources)
	if changed {
		return nil, false
	}
	roots := absPaths(sources)
	for path := range old {
		if !seen[path] && vanished(path, roots) {
			return nil, false
		}
	}
	return &summary{inputs: changes{unchanged: len(seen)}, docs: docs, served: gen, skips: map[string]int{}}, true
}

// absPaths makes every path absolute.
func absPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = absPath(p)
	}
	return out
}
