package entity_test

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// facets are the entity facets of one seed article.
type facets struct {
	People []string `json:"people"`
	Orgs   []string `json:"orgs"`
	Places []string `json:"places"`
}

// seedFacets runs the repository's seed corpus through the real pipeline
// (cleaning, then extraction) and returns each article's facets by origin.
func seedFacets(t *testing.T) map[string]facets {
	t.Helper()
	x, err := entity.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	proc := &ingest.Processor{Entities: x}
	got := map[string]facets{}
	r := &article.Reader{
		MaxBytes: article.DefaultMaxBytes,
		Skip:     func(s article.Skip) { t.Errorf("skipped %s: %v", s.Origin, s.Err) },
		Visit: func(raw article.RawDoc) {
			a, err := proc.Article(raw)
			if err != nil {
				t.Errorf("%s: %v", raw.Origin, err)
				return
			}
			got[strings.TrimPrefix(raw.Origin, "../../")] = facets{a.People, a.Orgs, a.Places}
		},
	}
	r.Paths([]string{"../../seeds"})
	if len(got) == 0 {
		t.Fatal("no seed articles read")
	}
	return got
}

// TestSeedsGolden compares the facets of the seed articles with
// testdata/seeds.golden.json; go test -run SeedsGolden -update rewrites it.
func TestSeedsGolden(t *testing.T) {
	got := seedFacets(t)
	const golden = "testdata/seeds.golden.json"
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run SeedsGolden -update)", err)
	}
	var want map[string]facets
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for origin, w := range want {
		g, ok := got[origin]
		switch {
		case !ok:
			t.Errorf("%s: article missing", origin)
		case !slices.Equal(g.People, w.People) || !slices.Equal(g.Orgs, w.Orgs) || !slices.Equal(g.Places, w.Places):
			t.Errorf("%s:\n got  %+v\n want %+v", origin, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d articles, golden file has %d", len(got), len(want))
	}
}

// TestSeedsRules checks, over all seed articles, the rules of issue 4 that
// must hold whatever the golden file says: one label per entity, titles
// and possessives cut, teaser boilerplate never a facet.
func TestSeedsRules(t *testing.T) {
	forbidden := []string{
		"Turkey", "MIT", "MİT", "National Intelligence Organisation", "ISI", "ISKP", "ISIS-K",
		"Mehmet Goren", "Mujahid", "President Recep Tayyip Erdoğan", "Türkiye’s", "ISI’s",
		"Nikola Jokić", "Denver Nuggets", "NBA",
	}
	for origin, f := range seedFacets(t) {
		all := slices.Concat(f.People, f.Orgs, f.Places)
		for _, bad := range forbidden {
			if slices.Contains(all, bad) {
				t.Errorf("%s: facet %q, want it merged or absent", origin, bad)
			}
		}
		seen := map[string]bool{}
		for _, l := range all {
			if k := entity.Key(l); seen[k] {
				t.Errorf("%s: %q twice", origin, l)
			} else {
				seen[k] = true
			}
		}
	}
}
