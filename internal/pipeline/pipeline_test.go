package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
)

// corpus writes a JSON Lines file of n articles, every fifth one empty
// (which the processor rejects), and returns its path.
func corpus(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		body := fmt.Sprintf("The harbour authority of Lindqvist said on Monday that cargo volume %d rose again.", i)
		if i%5 == 4 {
			body = " "
		}
		fmt.Fprintf(&b, "{\"id\":\"a%d\",\"title\":\"Report %d\",\"body\":%q}\n", i, i, body)
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRun(t *testing.T) {
	ents, err := entity.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	path := corpus(t, 300)
	errStop := errors.New("stop")
	tests := []struct {
		name        string
		workers     int
		changed     bool
		failAt      int // Write fails on this call (1-based); 0 never
		wantWritten int
		wantErr     error
	}{
		{"one worker", 1, false, 0, 240, nil},
		{"four workers, hashing", 4, true, 0, 240, nil},
		{"default workers", 0, true, 0, 240, nil},
		{"write fails: drained, never called again", 3, false, 7, 7, errStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			rejected, after := 0, 0
			written := 0
			inputs := map[string]bool{}
			rd := &article.Reader{}
			if tt.changed {
				rd.Changed = func(string, article.Sum) bool { return true }
			}
			err := Run(Config{
				Reader:  rd,
				Proc:    &ingest.Processor{Entities: ents},
				Workers: tt.workers,
				Reject: func(_ string, _ article.RawDoc, err error) {
					mu.Lock()
					defer mu.Unlock()
					if errors.Is(err, ingest.ErrEmpty) {
						rejected++
					}
				},
				After: func(a *article.Article) any { mu.Lock(); after++; mu.Unlock(); return len(a.ID) },
				Write: func(r Result) error {
					written++
					inputs[r.Input] = true
					if r.Extra != len(r.Article.ID) {
						t.Errorf("%s: Extra %v", r.Article.ID, r.Extra)
					}
					if written == tt.failAt {
						return errStop
					}
					return nil
				},
			}, []string{path})
			if !errors.Is(err, tt.wantErr) || written != tt.wantWritten {
				t.Errorf("Run = %v after %d writes, want %v after %d", err, written, tt.wantErr, tt.wantWritten)
			}
			if rejected != 60 || after != 240 {
				t.Errorf("rejected %d, after %d; want 60 and 240 (every document is cleaned)", rejected, after)
			}
			wantInput := ""
			if tt.changed {
				wantInput = path
			}
			if tt.failAt == 0 && (len(inputs) != 1 || !inputs[wantInput]) {
				t.Errorf("inputs %v, want only %q", inputs, wantInput)
			}
		})
	}
}

// TestLimitFor checks that the soft memory limit stays at MemoryLimit
// while the live heap is small and keeps Headroom above it once it is
// not, and TailHeadroom once the feed is over.
func TestLimitFor(t *testing.T) {
	defer headroom.Store(headroom.Load())
	for _, tc := range []struct {
		tail bool
		live uint64
		want int64
	}{
		{false, 0, MemoryLimit},
		{false, 300 << 20, MemoryLimit},
		{false, MemoryLimit - Headroom, MemoryLimit},
		{false, 700 << 20, 700<<20 + Headroom},
		{false, 3 << 30, 3<<30 + Headroom},
		{false, 1 << 63, 1<<50 + Headroom},
		{true, 700 << 20, MemoryLimit},
		{true, 1500 << 20, 1500<<20 + TailHeadroom},
	} {
		headroom.Store(Headroom)
		if tc.tail {
			Tail()
		}
		if got := limitFor(tc.live); got != tc.want {
			t.Errorf("tail %v: limitFor(%d) = %d, want %d", tc.tail, tc.live, got, tc.want)
		}
	}
}
