package newsindex

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestProbeOpen(t *testing.T) {
	root := os.Getenv("PROBE_INDEX")
	if root == "" {
		t.Skip()
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	t0 := time.Now()
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("open %v docs %d", time.Since(t0), ix.cur.docs)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("heap after open: %.1f MiB (before %.1f)", float64(ms.HeapAlloc)/(1<<20), float64(before)/(1<<20))
	g := ix.cur
	g.stories = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("heap without stories: %.1f MiB", float64(ms.HeapAlloc)/(1<<20))
	for _, step := range []string{"table", "col"} {
		t1 := time.Now()
		switch step {
		case "table":
			buildFacetTable(t.Context(), g.idx)
		case "col":
			readColumns(t.Context(), g.idx)
		}
		t.Logf("%s: %v", step, time.Since(t1))
	}
	t2 := time.Now()
	readStories(g.idx)
	t.Logf("stories: %v", time.Since(t2))
}
