package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/newsfts/newsfts/internal/article"
)

// console is stderr, shared by the log and the progress line: a log
// record first clears the progress line, so that the two never mix, and
// the next tick draws it again below.
type console struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool // w is a terminal
	drawn bool // a progress line is on screen
}

// newConsole wraps w; progress is shown only if w is a terminal.
func newConsole(w io.Writer) *console {
	f, ok := w.(*os.File)
	return &console{w: w, tty: ok && term.IsTerminal(int(f.Fd()))}
}

func (c *console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clear()
	return c.w.Write(p)
}

// clear erases the progress line; the caller holds mu.
func (c *console) clear() {
	if c.drawn {
		fmt.Fprint(c.w, "\r\033[K")
		c.drawn = false
	}
}

func (c *console) draw(line string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprint(c.w, "\r\033[K"+line)
	c.drawn = true
}

// progress redraws one line on a terminal with the inputs done, the rate
// and the time left. The total comes from a quick walk of the sources
// that runs beside the indexing; until it is known there is no ETA.
type progress struct {
	c     *console
	done  func() int64 // inputs hashed so far
	total atomic.Int64 // -1 until counted
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup
}

// startProgress shows progress on c if it is a terminal and returns the
// function that clears the line; otherwise it does nothing.
func startProgress(c *console, sources []string, done func() int64) (finish func()) {
	if !c.tty {
		return func() {}
	}
	p := &progress{c: c, done: done, start: time.Now(), stop: make(chan struct{})}
	p.total.Store(-1)
	go func() { p.total.Store(countInputs(sources)) }()
	p.wg.Add(1)
	go p.loop()
	return func() {
		close(p.stop)
		p.wg.Wait()
		c.mu.Lock()
		c.clear()
		c.mu.Unlock()
	}
}

func (p *progress) loop() {
	defer p.wg.Done()
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.c.draw(p.line())
		}
	}
}

// line is e.g. "indexer: 1200/20000 inputs, 850/s, ETA 22s".
func (p *progress) line() string {
	done, total := p.done(), p.total.Load()
	rate := float64(done) / max(time.Since(p.start).Seconds(), 0.001)
	if total < done || rate == 0 {
		return fmt.Sprintf("indexer: %d inputs, %.0f/s", done, rate)
	}
	eta := time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf("indexer: %d/%d inputs, %.0f/s, ETA %s", done, total, rate, eta)
}

// countInputs counts the files that reading the sources will hash.
func countInputs(sources []string) int64 {
	var n int64
	for _, src := range sources {
		filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case path == src && !d.IsDir():
				n++
			case !d.IsDir() && article.FormatOf(path) != "":
				n++
			}
			return nil
		})
	}
	return n
}
