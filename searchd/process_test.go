package main

// Process tests: the real indexer and searchd binaries, built once for the
// package, run against a temp index while the tests search, publish, kill
// and roll back. Waits are bounded and poll for a state; no assertion
// depends on how long something took.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// bin is the directory holding the indexer and searchd built for the tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsfts-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	build := exec.Command("go", "build", "-o", dir+string(os.PathSeparator),
		"github.com/newsfts/newsfts/indexer", "github.com/newsfts/newsfts/searchd")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the commands: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	bin = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// patience bounds every wait for a state that should come quickly.
const patience = 30 * time.Second

// story is a short scraped-looking page about a port; marker is a word
// only this page holds.
func story(n int, marker string) string {
	return fmt.Sprintf("Home | World | Business\nPort report number %d\nBy Ines Okafor\n"+
		"Harbour officials said on Wednesday that berth %d would reopen after repairs, and that the %s survey was finished.\n"+
		"Shipping agents welcomed the news but warned that queues at the outer anchorage could last into next month.\n"+
		"Share this article\n", n, n, marker)
}

// corpus writes n stories into a new source directory.
func corpus(t *testing.T, n int) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "src")
	os.MkdirAll(src, 0o755)
	for i := range n {
		addStory(t, src, fmt.Sprintf("port-%03d.txt", i), i, "routine")
	}
	return src
}

func addStory(t *testing.T, src, name string, n int, marker string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(src, name), []byte(story(n, marker)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// indexer runs the indexer to its end and returns its exit status and
// output.
func indexer(t *testing.T, args ...string) (int, string) {
	t.Helper()
	out, err := exec.Command(filepath.Join(bin, "indexer"), args...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), string(out)
	case err != nil:
		t.Fatalf("indexer %v: %v", args, err)
	}
	return 0, string(out)
}

// pausedIndexer starts the indexer with $NEWSFTS_PAUSE_AT=point and
// returns once it says it paused there; it holds the lock until killed.
func pausedIndexer(t *testing.T, point string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(filepath.Join(bin, "indexer"), args...)
	cmd.Env = append(os.Environ(), "NEWSFTS_PAUSE_AT="+point)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if _, err := waitLine(stderr, "paused at "+point); err != nil {
		t.Fatalf("indexer never paused at %s: %v", point, err)
	}
	return cmd
}

// waitLine reads r until a line holds want, within patience, and keeps
// draining r afterwards so that the writer never blocks.
func waitLine(r io.Reader, want string) (string, error) {
	found := make(chan string, 1)
	var seen strings.Builder
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			mu.Lock()
			seen.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if strings.Contains(sc.Text(), want) {
				select {
				case found <- sc.Text():
				default:
				}
			}
		}
		close(found)
	}()
	select {
	case line, ok := <-found:
		if ok {
			return line, nil
		}
	case <-time.After(patience):
	}
	mu.Lock()
	defer mu.Unlock()
	return "", fmt.Errorf("no line with %q in:\n%s", want, seen.String())
}

// daemon is a running searchd.
type daemon struct {
	cmd  *exec.Cmd
	url  string
	done chan error
}

var addrRE = regexp.MustCompile(`addr=http://(127\.0\.0\.1:\d+)`)

// startSearchd starts searchd on a free loopback port and returns once it
// serves.
func startSearchd(t *testing.T, index string) *daemon {
	t.Helper()
	cmd := exec.Command(filepath.Join(bin, "searchd"), "-index", index, "-addr", "127.0.0.1:0", "-reload", "500ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d := &daemon{cmd: cmd, done: make(chan error, 1)}
	line, err := waitLine(stderr, "msg=serving")
	if err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	d.url = "http://" + addrRE.FindStringSubmatch(line)[1]
	go func() { d.done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill(); <-d.done })
	return d
}

var client = &http.Client{Timeout: 10 * time.Second}

// hits runs q on the daemon and returns the total; any failure is an error.
func (d *daemon) hits(q string) (uint64, error) {
	resp, err := client.Get(d.url + "/api/search?" + url.Values{"q": {q}}.Encode())
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return 0, fmt.Errorf("HTTP %d: %s", resp.StatusCode, b)
	}
	var r search.Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return 0, err
	}
	return r.Total, nil
}

// waitHits waits until q has want hits on the daemon.
func (d *daemon) waitHits(t *testing.T, q string, want uint64) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for {
		n, err := d.hits(q)
		if err == nil && n == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q: %d hits (%v), want %d", q, n, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// load runs searches from several goroutines until stopped and counts
// the failures.
type load struct {
	stop     chan struct{}
	wg       sync.WaitGroup
	mu       sync.Mutex
	requests int
	failures []error
}

func startLoad(d *daemon, workers, maxEach int) *load {
	l := &load{stop: make(chan struct{})}
	for range workers {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for range maxEach {
				select {
				case <-l.stop:
					return
				default:
				}
				n, err := d.hits("harbour")
				if err == nil && n == 0 {
					err = errors.New("no hits for a word every article holds")
				}
				l.mu.Lock()
				l.requests++
				if err != nil {
					l.failures = append(l.failures, err)
				}
				l.mu.Unlock()
			}
		}()
	}
	return l
}

func (l *load) end() (int, []error) {
	close(l.stop)
	l.wg.Wait()
	return l.requests, l.failures
}

func TestSwapUnderLoad(t *testing.T) {
	src := corpus(t, 40)
	index := filepath.Join(t.TempDir(), "index")
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, out)
	}
	d := startSearchd(t, index)
	l := startLoad(d, 4, 5000)
	for i := 1; i <= 3; i++ {
		marker := fmt.Sprintf("survey%c", 'a'+i)
		addStory(t, src, fmt.Sprintf("new-%d.txt", i), 100+i, marker)
		if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, out)
		}
		d.waitHits(t, marker, 1)
	}
	// Roll back: the last article goes away again.
	if code, out := indexer(t, "-rollback", "-index", index); code != 0 {
		t.Fatalf("rollback: exit %d: %s", code, out)
	}
	d.waitHits(t, "surveyd", 0)
	d.waitHits(t, "surveyc", 1)
	requests, failures := l.end()
	if len(failures) > 0 {
		t.Errorf("%d of %d searches failed while generations were swapped; first: %v", len(failures), requests, failures[0])
	}
	if requests == 0 {
		t.Error("no search ran")
	}
	if body := fetch(t, d.url, "/metrics"); !regexp.MustCompile(`newsfts_index_swaps_total [4-9]`).MatchString(body) {
		t.Errorf("metrics do not count 4 swaps:\n%s", body)
	}
	t.Logf("%d searches, none failed, over 3 publishes and a rollback", requests)
}

func fetch(t *testing.T, base, path string) string {
	t.Helper()
	resp, err := client.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// TestCrashAnywhere kills the indexer at each named point of a run while
// searchd serves; the next run must succeed without help and leave the
// index complete.
func TestCrashAnywhere(t *testing.T) {
	src := corpus(t, 20)
	index := filepath.Join(t.TempDir(), "index")
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, out)
	}
	d := startSearchd(t, index)
	for i, point := range []string{"cloned", "added", "written", "synced", "renamed", "published"} {
		marker := "crash" + point
		addStory(t, src, fmt.Sprintf("crash-%d.txt", i), 200+i, marker)
		cmd := pausedIndexer(t, point, "-q", "-index", index, src)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if n, err := d.hits("harbour"); err != nil || n < 20 {
			t.Errorf("after a kill at %s: searchd answered %d, %v", point, n, err)
		}
		code, out := indexer(t, "-q", "-index", index, src)
		if code != 0 {
			t.Fatalf("run after a kill at %s: exit %d: %s", point, code, out)
		}
		if tmps, _ := filepath.Glob(filepath.Join(index, "tmp-*")); len(tmps) > 0 {
			t.Errorf("after a kill at %s and a run: leftovers %v", point, tmps)
		}
		d.waitHits(t, marker, 1)
		d.waitHits(t, "harbour", uint64(21+i))
	}
}

func TestTwoIndexers(t *testing.T) {
	src := corpus(t, 3)
	index := filepath.Join(t.TempDir(), "index")
	first := pausedIndexer(t, "added", "-q", "-index", index, src)
	for _, args := range [][]string{{"-q", "-index", index, src}, {"-rollback", "-index", index}} {
		code, out := indexer(t, args...)
		if code != 4 || !strings.Contains(out, "another indexer is running") {
			t.Errorf("%v while another runs: exit %d, want 4: %s", args, code, out)
		}
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Errorf("run after the first was killed: exit %d: %s", code, out)
	}
}

func TestGracefulShutdown(t *testing.T) {
	src := corpus(t, 3)
	index := filepath.Join(t.TempDir(), "index")
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	d := startSearchd(t, index)
	if _, err := d.hits("harbour"); err != nil {
		t.Fatal(err)
	}
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-d.done:
		if err != nil {
			t.Errorf("searchd after SIGTERM: %v, want exit status 0", err)
		}
		d.done <- err // for the cleanup
	case <-time.After(patience):
		t.Fatal("searchd did not stop on SIGTERM")
	}
}

// TestKillAtVariedDelays kills runs over a larger input after varied
// delays, wherever they happen to be; searchd keeps serving a complete
// generation and a last run completes the index.
func TestKillAtVariedDelays(t *testing.T) {
	src := corpus(t, 200)
	index := filepath.Join(t.TempDir(), "index")
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, out)
	}
	d := startSearchd(t, index)
	served := uint64(200)
	for i, delay := range []time.Duration{0, 5, 20, 50, 100, 200, 400} {
		addStory(t, src, fmt.Sprintf("late-%d.txt", i), 300+i, fmt.Sprintf("late%cx", 'a'+i))
		cmd := exec.Command(filepath.Join(bin, "indexer"), "-q", "-index", index, src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		n, err := d.hits("harbour")
		if err != nil || n < served {
			t.Errorf("after a kill at %dms: %d hits, %v; want at least %d", delay, n, err, served)
		}
		served = max(served, n)
	}
	if code, out := indexer(t, "-q", "-index", index, src); code != 0 {
		t.Fatalf("last run: exit %d: %s", code, out)
	}
	d.waitHits(t, "harbour", 207)
	for i := range 7 {
		d.waitHits(t, fmt.Sprintf("late%cx", 'a'+i), 1)
	}
}
