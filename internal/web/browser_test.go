package web_test

// The browser test drives the real HTML interface in headless Chromium:
// no JavaScript of ours runs (the pages have none), the browser just
// loads pages, fills the form and follows links as a user would.
//
// It needs a chromium binary (Debian's chromium package). Without one it
// skips, unless NEWSFTS_REQUIRE_BROWSER=1, as in CI, where it fails.
// Screenshots go to the test's temp dir, or to NEWSFTS_SCREENSHOTS when set
// (a directory that is kept after the test, to look at them).

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsfts/newsfts/internal/article"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("NEWSFTS_REQUIRE_BROWSER") == "1" {
		t.Fatal("NEWSFTS_REQUIRE_BROWSER=1 but no chromium in PATH: apt-get install chromium")
	}
	t.Skip("chromium is not installed: skipping the browser test (set NEWSFTS_REQUIRE_BROWSER=1 to require it)")
	return ""
}

// browser starts headless Chromium with a fresh profile and returns a
// context for its first tab.
func browser(t *testing.T, path string) context.Context {
	profile := chromiumProfile(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
	// A guard against a hung browser, not a timing assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// chromiumProfile makes a fresh profile directory. Chromium's helper
// processes may still write into it for a moment after the browser is
// stopped, which makes t.TempDir's own clean-up fail the test; so the
// directory is removed here, after the browser's clean-ups (registered
// later, run earlier), retrying briefly.
func chromiumProfile(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "newsfts-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 50 && os.RemoveAll(dir) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

// shot saves a full-page PNG screenshot named name and logs its path.
func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func TestBrowser(t *testing.T) {
	path := chromium(t)
	srv := httptest.NewServer(corpusHandler(t))
	defer srv.Close()
	dir := t.TempDir()
	if d := os.Getenv("NEWSFTS_SCREENSHOTS"); d != "" {
		dir = d
	}
	ctx := browser(t, path)
	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	heading := func() string {
		t.Helper()
		var h1 string
		run("read the heading", chromedp.Text("main h1", &h1, chromedp.ByQuery))
		return h1
	}

	// Load the page: every article is listed.
	run("load", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#q", chromedp.ByID))
	if h := heading(); h != "60 articles" {
		t.Errorf("start page heading %q, want 60 articles", h)
	}

	// Search.
	run("search", chromedp.SendKeys("#q", "timetable", chromedp.ByID),
		chromedp.Click(`form.search button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`//main/h1[contains(., "timetable")]`, chromedp.BySearch)) // the new page, not the old
	timetable := func(a *article.Article) bool { return strings.Contains(a.Title, "timetable") }
	if want := fmt.Sprintf("%d articles for “timetable”", count(timetable)); heading() != want {
		t.Errorf("after searching: heading %q, want %q", heading(), want)
	}

	// Tick a facet value: Oslo among the places.
	oslo := `//section[h3="Places"]//li/a[contains(., "Oslo")]`
	var before string
	run("read Oslo's count", chromedp.Text(oslo+`/span[@class="count"]`, &before, chromedp.BySearch))
	inOslo := func(a *article.Article) bool { return timetable(a) && has(a.Places, "Oslo") }
	if before != fmt.Sprint(count(inOslo)) {
		t.Errorf("Oslo's count %q, want %d", before, count(inOslo))
	}
	run("tick Oslo", chromedp.Click(oslo, chromedp.BySearch), chromedp.WaitVisible(`li.selected`, chromedp.ByQuery))
	if want := fmt.Sprintf("%d articles for “timetable”", count(inOslo)); heading() != want {
		t.Errorf("after ticking Oslo: heading %q, want %q", heading(), want)
	}
	var ticked string
	run("read the ticked value", chromedp.Text(`//section[h3="Places"]//li[@class="selected"]`, &ticked, chromedp.BySearch))
	if !strings.Contains(ticked, "☑ Oslo") {
		t.Errorf("selected place shows %q, want ☑ Oslo", ticked)
	}
	var titles []string
	run("read titles", chromedp.Evaluate(`[...document.querySelectorAll("ol.hits h2 a")].map(a => a.textContent)`, &titles))
	if len(titles) != min(10, count(inOslo)) {
		t.Errorf("%d titles listed, want %d", len(titles), min(10, count(inOslo)))
	}
	for _, title := range titles {
		if !strings.HasPrefix(title, "Ferry timetable changes, week ") {
			t.Errorf("title %q does not match the search", title)
		}
	}

	// Exclude a value: Ada Lind.
	run("exclude Ada Lind", chromedp.Click(`a.exclude[aria-label="Exclude Ada Lind"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`p.excluded`, chromedp.ByQuery))
	noAda := func(a *article.Article) bool { return inOslo(a) && !has(a.People, "Ada Lind") }
	if want := fmt.Sprintf("%d articles for “timetable”", count(noAda)); heading() != want {
		t.Errorf("after excluding Ada Lind: heading %q, want %q", heading(), want)
	}
	var excluded string
	run("read exclusions", chromedp.Text(`p.excluded`, &excluded, chromedp.ByQuery))
	if !strings.Contains(excluded, "Ada Lind") {
		t.Errorf("exclusions read %q", excluded)
	}
	shot(t, ctx, dir, "results")
	run("phone width", chromedp.EmulateViewport(390, 844))
	shot(t, ctx, dir, "results-phone")
	run("desktop width", chromedp.EmulateViewport(1280, 900))

	// Follow an article link.
	var first string
	run("read the first title", chromedp.Text(`ol.hits h2 a`, &first, chromedp.ByQuery))
	run("open the article", chromedp.Click(`ol.hits h2 a`, chromedp.ByQuery), chromedp.WaitVisible(`article h1`, chromedp.ByQuery))
	var title, similar string
	run("read the article", chromedp.Text(`article h1`, &title, chromedp.ByQuery),
		chromedp.Text(`section.similar`, &similar, chromedp.ByQuery))
	if title != first {
		t.Errorf("article page title %q, want %q", title, first)
	}
	if !strings.Contains(similar, "More like this") || !strings.Contains(similar, "Ferry timetable") {
		t.Errorf("more like this reads %q", similar)
	}
	shot(t, ctx, dir, "article")
	run("follow an entity", chromedp.Click(`//aside//a[.="Oslo"]`, chromedp.BySearch), chromedp.WaitVisible(`ol.hits`, chromedp.ByQuery))
	if want := fmt.Sprintf("%d articles", count(func(a *article.Article) bool { return has(a.Places, "Oslo") })); heading() != want {
		t.Errorf("entity link: heading %q, want %q", heading(), want)
	}
}
