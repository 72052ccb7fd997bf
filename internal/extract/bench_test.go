package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// benchmarkSeeds cleans the uncompressed sample corpus pages in dir.
func benchmarkSeeds(b *testing.B, dir string, clean func([]byte) *Result) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, dir, "*"))
	var docs [][]byte
	for _, f := range files {
		if !strings.HasSuffix(f, ".gz") {
			docs = append(docs, readFile(b, f))
		}
	}
	if len(docs) == 0 {
		b.Skip("no sample pages")
	}
	isWord("warm") // load the word list outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clean(docs[i%len(docs)])
	}
}

func BenchmarkText(b *testing.B) { benchmarkSeeds(b, "text", Text) }
func BenchmarkHTML(b *testing.B) { benchmarkSeeds(b, "html", HTML) }
