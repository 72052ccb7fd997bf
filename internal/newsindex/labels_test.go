package newsindex

import (
	"slices"
	"testing"

	"github.com/newsfts/newsfts/internal/article"
	"github.com/newsfts/newsfts/internal/search"
)

// labelCorpus has one person spelt two ways, one country under two names,
// and one source written in two cases.
func labelCorpus() []*article.Article {
	return []*article.Article{
		{ID: "l1", Title: "Envoy speaks", Source: "Ankara Wire", Body: "The envoy spoke.",
			People: []string{"Mehmet Goren"}, Orgs: []string{"National Intelligence Organization (MİT)"}, Places: []string{"Türkiye"}},
		{ID: "l2", Title: "Envoy travels", Source: "ankara wire", Body: "The envoy travelled.",
			People: []string{"Mehmet Gören"}, Places: []string{"Türkiye", "Kabul"}},
		{ID: "l3", Title: "Envoy returns", Source: "Ankara Wire", Body: "The envoy came back.",
			People: []string{"Mehmet Goren", "Ayla Demir"}, Places: []string{"Kabul"}},
	}
}

// testAliases stands in for the tables of entity.Extractor.Aliases.
var testAliases = map[search.Facet]map[string]string{
	search.Places: {"turkey": "Türkiye", "turkiye": "Türkiye", "republic of turkey": "Türkiye"},
	search.Orgs:   {"mit": "National Intelligence Organization (MİT)", "National Intelligence Organisation": "National Intelligence Organization (MİT)"},
}

func buildLabels(t *testing.T, root string, arts []*article.Article, update bool, aliases map[search.Facet]map[string]string) {
	t.Helper()
	open := Create
	if update {
		open = Update
	}
	b, err := open(root)
	if err != nil {
		t.Fatal(err)
	}
	for f, m := range aliases {
		b.SetAliases(f, m)
	}
	for _, a := range arts {
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Publish(); err != nil {
		t.Fatal(err)
	}
}

func openLabels(t *testing.T) *Index {
	t.Helper()
	root := t.TempDir()
	buildLabels(t, root, labelCorpus(), false, testAliases)
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestOneLabelPerKey(t *testing.T) {
	ix := openLabels(t)
	resp := mustSearch(t, ix, &search.Request{Sort: search.Oldest})
	tests := []struct {
		facet search.Facet
		want  []search.FacetValue
	}{
		{search.People, []search.FacetValue{{Value: "Mehmet Gören", Count: 3}, {Value: "Ayla Demir", Count: 1}}},
		{search.Sources, []search.FacetValue{{Value: "Ankara Wire", Count: 3}}},
		{search.Places, []search.FacetValue{{Value: "Kabul", Count: 2}, {Value: "Türkiye", Count: 2}}},
	}
	for _, tt := range tests {
		if got := *resp.Facets.Of(tt.facet); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %+v, want %+v", tt.facet, got, tt.want)
		}
	}
	for _, h := range resp.Hits {
		if !slices.Contains(h.People, "Mehmet Gören") || h.Source != "Ankara Wire" {
			t.Errorf("hit %s shows people %q, source %q", h.ID, h.People, h.Source)
		}
		a, err := ix.Doc(t.Context(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.People, h.People) || !slices.Equal(a.Places, h.Places) || a.Source != h.Source {
			t.Errorf("Doc(%s) = %q %q %q, hit %q %q %q", h.ID, a.People, a.Places, a.Source, h.People, h.Places, h.Source)
		}
	}
}

func TestPreferredLabel(t *testing.T) {
	tests := []struct {
		name string
		list []spelling
		want string
	}{
		{"most non-ASCII letters", []spelling{{"Mehmet Goren", 9}, {"Mehmet Gören", 1}}, "Mehmet Gören"},
		{"then most frequent", []spelling{{"ANKARA WIRE", 1}, {"Ankara Wire", 2}, {"ankara wire", 2}}, "Ankara Wire"},
		{"then first seen", []spelling{{"Kabul", 1}, {"KABUL", 1}}, "Kabul"},
		{"punctuation is not a letter", []spelling{{"Ayla Demir", 1}, {"Ayla Demir’", 1}}, "Ayla Demir"},
	}
	for _, tt := range tests {
		if got := preferred(tt.list); got != tt.want {
			t.Errorf("%s: preferred(%v) = %q, want %q", tt.name, tt.list, got, tt.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	ix := openLabels(t)
	tests := []struct {
		facet search.Facet
		value string
		want  string
	}{
		{search.Places, "Turkey", "Türkiye"},
		{search.Places, "turkiye", "Türkiye"},
		{search.Places, "Türkiye", "Türkiye"},
		{search.Places, " REPUBLIC  of turkey", "Türkiye"},
		{search.Orgs, "mit", "National Intelligence Organization (MİT)"},
		{search.Orgs, "MIT", "National Intelligence Organization (MİT)"},
		{search.Orgs, "national intelligence organisation", "National Intelligence Organization (MİT)"},
		{search.People, "mehmet goren", "Mehmet Gören"},
		{search.Sources, "ANKARA WIRE", "Ankara Wire"},
		{search.People, "Turkey", "Turkey"}, // another facet's alias
		{search.Places, "Atlantis", "Atlantis"},
		{search.Places, "", ""},
	}
	for _, tt := range tests {
		if got := ix.Canonical(tt.facet, tt.value); got != tt.want {
			t.Errorf("Canonical(%s, %q) = %q, want %q", tt.facet, tt.value, got, tt.want)
		}
	}
}

func TestFilterByAlias(t *testing.T) {
	ix := openLabels(t)
	tests := []struct {
		name     string
		filters  map[search.Facet][]string
		exclude  map[search.Facet][]string
		want     []string
		facet    search.Facet
		selected []string
	}{
		{"place=Turkey", map[search.Facet][]string{search.Places: {"Turkey"}}, nil,
			[]string{"l1", "l2"}, search.Places, []string{"Türkiye"}},
		{"place=turkiye", map[search.Facet][]string{search.Places: {"turkiye"}}, nil,
			[]string{"l1", "l2"}, search.Places, []string{"Türkiye"}},
		{"place=Türkiye", map[search.Facet][]string{search.Places: {"Türkiye"}}, nil,
			[]string{"l1", "l2"}, search.Places, []string{"Türkiye"}},
		{"two names of one place are one value", map[search.Facet][]string{search.Places: {"Turkey", "Türkiye"}}, nil,
			[]string{"l1", "l2"}, search.Places, []string{"Türkiye"}},
		{"org=mit", map[search.Facet][]string{search.Orgs: {"mit"}}, nil,
			[]string{"l1"}, search.Orgs, []string{"National Intelligence Organization (MİT)"}},
		{"person by another spelling", map[search.Facet][]string{search.People: {"Mehmet Goren"}}, nil,
			[]string{"l1", "l2", "l3"}, search.People, []string{"Mehmet Gören"}},
		{"not_place=Turkey", nil, map[search.Facet][]string{search.Places: {"Turkey"}},
			[]string{"l3"}, search.Places, nil},
		{"not_org=MIT", nil, map[search.Facet][]string{search.Orgs: {"MIT"}},
			[]string{"l2", "l3"}, search.Orgs, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := &search.Request{Filters: canonicalAll(ix, tt.filters), Exclude: canonicalAll(ix, tt.exclude)}
			resp := mustSearch(t, ix, req)
			if got := sorted(ids(resp)); !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
			var selected []string
			for _, v := range *resp.Facets.Of(tt.facet) {
				if v.Selected {
					selected = append(selected, v.Value)
				}
			}
			if !slices.Equal(selected, tt.selected) {
				t.Errorf("selected %s %q, want %q", tt.facet, selected, tt.selected)
			}
		})
	}
}

// canonicalAll does what the web layer does with the values users type.
func canonicalAll(ix *Index, m map[search.Facet][]string) map[search.Facet][]string {
	out := map[search.Facet][]string{}
	for f, vs := range m {
		for _, v := range vs {
			if c := ix.Canonical(f, v); !slices.Contains(out[f], c) {
				out[f] = append(out[f], c)
			}
		}
	}
	return out
}

func TestSelectedByKey(t *testing.T) {
	ix := openLabels(t)
	resp := mustSearch(t, ix, &search.Request{Query: q(word("travelled")),
		Filters: map[search.Facet][]string{search.People: {"MEHMET GOREN", "mehmet gören", "Nobody Known"}}})
	want := []search.FacetValue{
		{Value: "Mehmet Gören", Count: 1, Selected: true},
		{Value: "Nobody Known", Count: 0, Selected: true},
	}
	if got := resp.Facets.People; !slices.Equal(got, want) {
		t.Errorf("people = %+v, want %+v", got, want)
	}
}

func TestLabelsAcrossUpdates(t *testing.T) {
	root := t.TempDir()
	arts := labelCorpus()
	arts[1].People = []string{"Mehmet Goren"} // no article spells it properly yet
	buildLabels(t, root, arts, false, testAliases)
	ix, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name string
		arts []*article.Article
		want string // the label of the person
	}{
		{"first build: the only spelling", nil, "Mehmet Goren"},
		{"update adds the proper spelling", []*article.Article{{ID: "l4", Title: "Envoy", Body: "x", People: []string{"Mehmet Gören"}}}, "Mehmet Gören"},
		{"update keeps it against a frequent flat one", []*article.Article{
			{ID: "l5", Title: "Envoy", Body: "x", People: []string{"MEHMET GOREN"}},
			{ID: "l6", Title: "Envoy", Body: "x", People: []string{"MEHMET GOREN"}}}, "Mehmet Gören"},
	}
	for i, tt := range tests {
		if i > 0 {
			buildLabels(t, root, tt.arts, true, nil) // no SetAliases: the base's tables stay
			if _, err := ix.Reload(); err != nil {
				t.Fatal(err)
			}
		}
		resp := mustSearch(t, ix, &search.Request{Filters: map[search.Facet][]string{search.Places: {ix.Canonical(search.Places, "Turkey")}}})
		if got := resp.Facets.People; len(got) == 0 || got[0].Value != tt.want {
			t.Errorf("%s: people %+v, want %q first", tt.name, got, tt.want)
		}
		if got := ix.Canonical(search.People, "mehmet goren"); got != tt.want {
			t.Errorf("%s: Canonical = %q, want %q", tt.name, got, tt.want)
		}
		if got := ix.Canonical(search.Places, "Turkey"); got != "Türkiye" {
			t.Errorf("%s: the alias table is lost: Canonical(Turkey) = %q", tt.name, got)
		}
	}
}
