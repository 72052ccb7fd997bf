package pipeline

import (
	"os"
	"runtime/debug"
)

// TuneGC trades memory for CPU, for a process that builds an index: a
// build allocates a great deal of short-lived garbage (about 120 KB per
// article), and collecting four times less often (GOGC=400) cut the build's
// CPU by 30% on Reuters-21578. A soft memory limit of 1 GiB bounds the heap
// all the same, whatever the corpus size. The limit must sit well above the
// live heap, which grows with the corpus (story signatures, the manifest's
// ids, in-flight batches: about 110-260 MB at 4x Reuters): at 512 MiB the
// collector ran back to back as the live heap grew, and took 20% of the CPU
// at 4x (95 collections, 75.7 CPU s) against 5% at a higher limit (20
// collections, 57.1 CPU s). GOGC and GOMEMLIMIT in the environment win. The
// indexer calls it at start, and so does the bench's in-process pipeline,
// so that its profile is the indexer's.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// MemoryLimit is the soft memory limit TuneGC sets.
const MemoryLimit = 1 << 30
