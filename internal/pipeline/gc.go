package pipeline

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
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
// data the run has to keep (which story.Spill keeps small). GOGC and
// GOMEMLIMIT in the environment win. The indexer calls it at start, and so
// does the bench's in-process pipeline, so that its profile is the
// indexer's.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
		following.Do(func() { limiting.Store(true); go followLiveHeap() })
	}
}

// Tail tells the collector that the run's stream of articles is over.
// What is left, grouping the run's stories and the builder's last
// batches, keeps most of what it allocates: the live heap is at its
// largest and the garbage small, so the limit comes down to the live heap
// plus TailHeadroom from now on (at 64x Reuters the live heap reaches
// about 1.5 GB there, and with Headroom the peak RSS went over 2 GiB). It
// does nothing unless TuneGC set the limit.
func Tail() {
	headroom.Store(TailHeadroom)
	if limiting.Load() {
		debug.SetMemoryLimit(limitFor(liveHeap()))
	}
}

// following starts followLiveHeap once a process, and limiting says
// whether it did.
var (
	following sync.Once
	limiting  atomic.Bool
)

// MemoryLimit is the least soft memory limit TuneGC sets.
const MemoryLimit = 1 << 30

// Headroom is how far TuneGC keeps the limit above the live heap, and
// TailHeadroom how far once Tail is called.
const (
	Headroom     = 640 << 20
	TailHeadroom = 256 << 20
)

// headroom is the Headroom in force.
var headroom atomic.Int64

func init() { headroom.Store(Headroom) }

// limitFor returns the soft memory limit for a live heap of live bytes.
func limitFor(live uint64) int64 {
	return max(MemoryLimit, int64(min(live, 1<<50))+headroom.Load())
}

// liveHeap returns the live heap that the last collection found.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	if metrics.Read(sample); sample[0].Value.Kind() == metrics.KindUint64 {
		return sample[0].Value.Uint64()
	}
	return 0
}

// followLiveHeap sets the limit for the live heap that the last
// collection found, once a second, for the life of the process.
func followLiveHeap() {
	for range time.Tick(time.Second) {
		debug.SetMemoryLimit(limitFor(liveHeap()))
	}
}
