package bench_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testLine is one article of the generated corpus, shaped like a
// Reuters-21578 line.
type testLine struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Date   string   `json:"date"`
	Body   string   `json:"body"`
	Places []string `json:"places"`
	People []string `json:"people"`
	Orgs   []string `json:"orgs"`
	Topics []string `json:"topics"`
}

var (
	testGoods  = []string{"copper", "barley", "sugar", "tin", "cotton"}
	testPlaces = []string{"canada", "japan", "usa", "brazil", "uk"}
	testFirms  = []string{"Harbour Mills Inc", "Northgate Metals Corp", "Delta Grain Co"}
)

// writeCorpus writes n generated wire stories to a gzipped JSON Lines file:
// upper-case titles, bodies hard-wrapped with indented paragraphs and the
// sign-off left in, as the wire had them.
func writeCorpus(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wire.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	start := time.Date(1987, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := range n {
		good, place, firm := testGoods[i%5], testPlaces[i%5], testFirms[i%3]
		l := testLine{
			ID:     fmt.Sprint(i + 1),
			Title:  strings.ToUpper(fmt.Sprintf("%s sees higher %s shipments", firm, good)),
			Date:   start.Add(time.Duration(i) * 7 * time.Hour).Format(time.RFC3339),
			Body:   wireBody(i, good, place, firm),
			Places: []string{place},
			Orgs:   []string{},
			People: []string{},
			Topics: []string{good},
		}
		if err := enc.Encode(l); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func wireBody(i int, good, place, firm string) string {
	return fmt.Sprintf("%s said on Monday that it expected its %s\nshipments to rise by %d pct this year, helped by\nstronger demand from buyers in %s.\n"+
		"    A spokesman for the company, speaking by telephone,\nsaid the interest rates charged by lenders had eased and\nthat stocks held at the port were lower than a year ago.\n"+
		"    The company shipped %d,%03d tonnes in the previous\nseason, he added.\n Reuter",
		firm, good, 3+i%9, strings.ToUpper(place[:1])+place[1:], 100+i, (i*37)%1000)
}
