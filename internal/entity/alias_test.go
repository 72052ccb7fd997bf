package entity

import (
	"slices"
	"strings"
	"testing"
)

const operatorFile = `# operator aliases
org	MİT	National Intelligence Organization (MİT)
stop	Qatar
person	Jane Roe	J. Roe	Janie Roe
place | Kharbaza Valley | Kharbaza
`

func TestAliasFileOverrides(t *testing.T) {
	x, err := New(strings.NewReader(operatorFile))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		body                 string
		people, orgs, places []string
	}{
		// The renamed entry keeps the built-in aliases.
		{"The National Intelligence Organisation and MIT worked with Turkish police.", []string{}, []string{"MİT"}, []string{}},
		// A stopped name is never an entity.
		{"Envoys met in Qatar and Doha.", []string{}, []string{}, []string{"Doha"}},
		// New entries with their aliases.
		{"Janie Roe visited Kharbaza. J. Roe left on Friday.", []string{"Jane Roe"}, []string{}, []string{"Kharbaza Valley"}},
	}
	for _, tt := range tests {
		got := x.Extract("", []string{tt.body})
		if !slices.Equal(got.People, tt.people) || !slices.Equal(got.Orgs, tt.orgs) || !slices.Equal(got.Places, tt.places) {
			t.Errorf("Extract(%q) = %+v, want people %q orgs %q places %q", tt.body, got, tt.people, tt.orgs, tt.places)
		}
	}
	// The built-in extractor is not changed by another one's alias file.
	if got := testX.Extract("", []string{"Envoys met in Qatar."}); !slices.Equal(got.Places, []string{"Qatar"}) {
		t.Errorf("built-in places = %q, want [Qatar]", got.Places)
	}
}

func TestAliasFileErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"planet\tMars\n", "alias file:1: unknown kind"},
		{"# c\n\norg\n", "alias file:3: want"},
		{"org\t \tX\n", "alias file:1: empty label"},
	}
	for _, tt := range tests {
		_, err := New(strings.NewReader(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%q) error = %v, want one containing %q", tt.file, err, tt.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		kind Kind
		name string
		want string
	}{
		{Place, "Turkey", "Türkiye"},
		{Place, "TURKEY", "Türkiye"},
		{Org, "Turkey", "Turkey"}, // no organisation of that name
		{Org, "MİT", "National Intelligence Organization (MİT)"},
		{Org, "National Intelligence Organisation", "National Intelligence Organization (MİT)"},
		{Org, "ISI’s", "Inter-Services Intelligence (ISI)"},
		{Org, "ISKP", "Islamic State Khorasan Province (ISIS-K)"},
		{Org, "Daesh", "Islamic State (ISIS)"},
		{Person, "President Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"},
		{Person, "Mr. Jan  Kowalski", "Jan Kowalski"},
		{Person, "  Jane \n Doe ", "Jane Doe"},
		{Place, "the Gaza Strip", "Gaza Strip"},
		{Person, "", ""},
		{Person, "\xff", ""},
	}
	for _, tt := range tests {
		if got := testX.Canonical(tt.kind, tt.name); got != tt.want {
			t.Errorf("Canonical(%v, %q) = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

func TestAliases(t *testing.T) {
	ops, err := New(strings.NewReader(operatorFile + "place | Harbourview | Kestrel Bay\nplace | Kestrel Bay\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		x     *Extractor
		kind  Kind
		name  string
		want  string // "" when the name must be absent
		label string
	}{
		{testX, Place, "Turkey", "Türkiye", "an alias"},
		{testX, Place, "Türkiye", "Türkiye", "the label itself"},
		{testX, Place, "TURKIYE", "Türkiye", "keys fold case and diacritics"},
		{testX, Org, "mit", "National Intelligence Organization (MİT)", "namesakes: the first listed"},
		{testX, Org, "Massachusetts Institute of Technology", "Massachusetts Institute of Technology (MIT)", "the other namesake's own name"},
		{testX, Org, "Turkey", "", "another kind's name"},
		{testX, Person, "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "a person"},
		{ops, Org, "National Intelligence Organisation", "MİT", "an operator entry takes over the built-in aliases"},
		{ops, Org, "MIT", "MİT", "an operator label"},
		{ops, Person, "J. Roe", "Jane Roe", "an operator alias"},
		{ops, Place, "Qatar", "", "a stopped name"},
		{ops, Place, "Kestrel Bay", "Kestrel Bay", "a label beats another entry's alias"},
		{ops, Place, "Harbourview", "Harbourview", "that entry keeps its label"},
	}
	for _, tt := range tests {
		got, ok := tt.x.Aliases(tt.kind)[Key(tt.name)]
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Aliases(%v)[Key(%q)] = %q, %v; want %q", tt.label, tt.kind, tt.name, got, ok, tt.want)
		}
	}
	m := testX.Aliases(Place)
	m["turkey"] = "changed"
	if got := testX.Aliases(Place)["turkey"]; got != "Türkiye" {
		t.Errorf("a caller's change to the map shows in the next call: %q", got)
	}
}
