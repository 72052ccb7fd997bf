package pipeline

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// TuneGC trades memory for CPU, for a process that builds an index: a
// build allocates a great deal of short-lived garbage (about 120 KB per
// article), and collecting four times less often (GOGC=400) cut the build's
// CPU by 30% on Reuters-21578. A soft memory limit bounds the heap all the
// same.
//
// The limit must sit well above the live heap, which grows with the corpus
// (story signatures and sketches, the manifest's ids) on top of the
// in-flight batches: at a fixed 512 MiB the collector ran back to back as
// the live heap grew, and took 20% of the CPU at 4x (95 collections, 75.7
// CPU s) against 5% at a higher limit (20 collections, 57.1 CPU s). A fixed
// 1 GiB did the same one size up: the collector's share went 7% at 4x, 17%
// at 16x (live heap about 700 MB) and 34% ten minutes into a 64x run. So
// the limit is MemoryLimit or the live heap plus Headroom, whichever is
// more, followed once a second: what the collector may let garbage grow to
// stays the same whatever the corpus size, and the limit grows only by the
// data the run has to keep (which story.Spill keeps small). GOGC and GOMEMLIMIT in the environment win. The indexer
// calls it at start, and so does the bench's in-process pipeline, so that
// its profile is the indexer's.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
		following.Do(func() { go followLiveHeap() })
	}
}

// following starts followLiveHeap once a process.
var following sync.Once

// MemoryLimit is the least soft memory limit TuneGC sets.
const MemoryLimit = 1 << 30

// Headroom is how far TuneGC keeps the limit above the live heap.
const Headroom = 640 << 20

// limitFor returns the soft memory limit for a live heap of live bytes.
func limitFor(live uint64) int64 {
	return max(MemoryLimit, int64(min(live, 1<<50))+Headroom)
}

// followLiveHeap sets the limit for the live heap that the last
// collection found, once a second, for the life of the process.
func followLiveHeap() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(time.Second) {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(limitFor(sample[0].Value.Uint64()))
		}
	}
}
