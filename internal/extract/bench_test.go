package extract

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The pages in testdata/bench are synthetic, written for these benchmarks:
// two short articles wrapped in the furniture of a news site (menus, a
// cookie banner, a newsletter box, teaser lists, a footer) at the sizes of
// the median page of the article extraction benchmark, about 6 KB for a
// text dump and 120 KB for an HTML page (inline scripts and styles
// included).

// benchPages reads the benchmark pages whose names end with ext.
func benchPages(tb testing.TB, ext string) [][]byte {
	files, err := filepath.Glob(filepath.Join("testdata", "bench", "*"+ext))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no benchmark pages *%s in testdata/bench (%v)", ext, err)
	}
	var pages [][]byte
	for _, f := range files {
		pages = append(pages, readFile(tb, f))
	}
	return pages
}

// benchmarkPages cleans one page per iteration, cycling through the pages,
// and reports the median time per page besides the mean (ns/op).
func benchmarkPages(b *testing.B, ext string, clean func([]byte) *Result) {
	pages := benchPages(b, ext)
	isWord("warm") // load the word list and the stop lists outside the timing
	allStops()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		clean(pages[i%len(pages)])
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2])/float64(time.Millisecond), "ms/page-median")
}

func BenchmarkText(b *testing.B) { benchmarkPages(b, ".txt", Text) }
func BenchmarkHTML(b *testing.B) { benchmarkPages(b, ".html", HTML) }

// TestBenchPages checks that the benchmark pages are cleaned right, so that
// the benchmarks time real work: every article paragraph kept, no
// furniture.
func TestBenchPages(t *testing.T) {
	for _, v := range []struct {
		ext   string
		clean func([]byte) *Result
	}{{".txt", Text}, {".html", HTML}} {
		for i, page := range benchPages(t, v.ext) {
			got := v.clean(page)
			body := got.Body()
			if n := len(got.Paragraphs); n != 8 && n != 10 {
				t.Errorf("page %d%s: %d paragraphs, want 8 or 10:\n%s", i+1, v.ext, n, body)
			}
			for _, s := range []string{"cookies", "Subscribe", "Advertisement", "Most Popular", "Ferry Fares",
				"All rights reserved", "Privacy", "Published", "Photo:"} {
				if strings.Contains(body, s) {
					t.Errorf("page %d%s: body has %q", i+1, v.ext, s)
				}
			}
			if got.Title == "" || got.Byline == "" || got.Published.IsZero() {
				t.Errorf("page %d%s: title %q, byline %q, published %v", i+1, v.ext, got.Title, got.Byline, got.Published)
			}
		}
	}
}
