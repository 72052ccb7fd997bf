package story

import (
	"slices"
	"testing"
	"time"
)

// build groups ms in a fresh Set.
func build(ms []Member) *Set {
	s := New(DefaultThreshold)
	for _, m := range ms {
		s.Add(m)
	}
	s.Assign()
	return s
}

func storiesOf(s *Set, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = s.Story(id)
	}
	return out
}

// TestIncremental checks what an incremental run does to story ids, after
// the state went through Encode and Decode.
func TestIncremental(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	byID := map[string]Member{}
	for _, m := range ms {
		byID[m.ID] = m
	}
	early := byID["bank-hike-3"]
	early.ID, early.Published = "bank-hike-early", byID["bank-hike-0"].Published.Add(-24*time.Hour)
	for _, tc := range []struct {
		name   string
		remove []string
		add    []Member
		ids    []string // articles to look at afterwards
		want   []string // their stories
	}{
		{"nothing changed", nil, nil,
			[]string{"bank-hike-0", "bank-hike-4", "flood-coast-2"}, []string{"bank-hike-0", "bank-hike-0", "flood-coast-0"}},
		{"founder removed: the others keep its id", []string{"bank-hike-0"}, nil,
			[]string{"bank-hike-0", "bank-hike-1", "bank-hike-5"}, []string{"", "bank-hike-0", "bank-hike-0"}},
		{"unchanged copy added again keeps the story of its removed founder", []string{"bank-hike-0"}, []Member{byID["bank-hike-1"]},
			[]string{"bank-hike-1", "bank-hike-2"}, []string{"bank-hike-0", "bank-hike-0"}},
		{"earlier copy joins the story, which keeps its id", nil, []Member{early},
			[]string{"bank-hike-early", "bank-hike-2"}, []string{"bank-hike-0", "bank-hike-0"}},
		{"changed article moves", nil, []Member{{ID: "bank-hike-2", Sig: byID["flood-coast-0"].Sig, Shingles: 100}},
			[]string{"bank-hike-2", "bank-hike-1"}, []string{"flood-coast-0", "bank-hike-0"}},
		{"new unrelated article founds a story", nil, []Member{{ID: "new", Sig: signOf("A brand new report about something else entirely, in several words.")}},
			[]string{"new"}, []string{"new"}},
	} {
		enc, err := build(ms).Encode()
		if err != nil {
			t.Fatal(err)
		}
		s, err := Decode(enc)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, id := range tc.remove {
			s.Remove(id)
		}
		for _, m := range tc.add {
			s.Add(m)
		}
		s.Assign()
		if got := storiesOf(s, tc.ids); !slices.Equal(got, tc.want) {
			t.Errorf("%s: stories %q, want %q", tc.name, got, tc.want)
		}
	}
}

func signOf(body string) *Signature {
	s, _ := Sign(body)
	return &s
}

// TestStoryGoesWithLastMember checks that a story whose members are all
// removed is forgotten: a new copy then founds a story of its own.
func TestStoryGoesWithLastMember(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	s := build(ms)
	for _, m := range ms {
		if s.Story(m.ID) == "earnings-chips-0" {
			s.Remove(m.ID)
		}
	}
	m := ms[slices.IndexFunc(ms, func(m Member) bool { return m.ID == "earnings-chips-2" })]
	m.ID = "again"
	s.Add(m)
	s.Assign()
	if got := s.Story("again"); got != "again" {
		t.Errorf("Story(again) = %q, want again", got)
	}
	if n := len(s.Members("earnings-chips-0")); n != 0 {
		t.Errorf("removed story still has %d members", n)
	}
}

func TestDecodeBad(t *testing.T) {
	for _, in := range []string{"", "{", `{"version":99}`, "\xff\xfe"} {
		if _, err := Decode([]byte(in)); err == nil {
			t.Errorf("Decode(%q): no error", in)
		}
	}
}

func TestCopies(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	s := build(ms)
	got := s.Copies("flood-valley-3")
	if len(got) != 6 || got[0].ID != "flood-valley-0" || got[5].ID != "flood-valley-5" {
		t.Errorf("Copies(flood-valley-3) = %d members, first %v", len(got), got)
	}
	if s.Copies("nope") != nil {
		t.Error("Copies of an unknown id is not nil")
	}
}

// TestEncodeSmall checks that the state stays small: a signature is
// Hashes*4 bytes, written once for a founder, a long body's lead sketch
// (lead.go) about 4 bytes a lead token and 2 a body token, and the rest
// of an article a few dozen bytes.
func TestEncodeSmall(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	b, err := build(ms).Encode()
	if err != nil {
		t.Fatal(err)
	}
	const leadBytes = 4*16 + 2*48 // the labelled bodies' leads and tokens
	if per := len(b) / len(ms); per > sigBytes+48+leadBytes {
		t.Errorf("%d bytes of state per article, want at most %d", per, sigBytes+48+leadBytes)
	}
}

// TestChangedFounder checks a founder changed in place: its story keeps
// the old representative while the other copies remain, and the state
// reads back the same.
func TestChangedFounder(t *testing.T) {
	ms, _ := copiesOf(labelled(t))
	s := build(ms)
	changed := ms[slices.IndexFunc(ms, func(m Member) bool { return m.ID == "flood-coast-0" })]
	changed.Sig = signOf(labelled(t)["flood-coast"] + "\n\nA new closing paragraph added in an update of the story, with several more words in it.")
	s.Add(changed)
	s.Assign()
	enc, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"flood-coast-0", "flood-coast-3"} {
		if s.Story(id) != "flood-coast-0" || d.Story(id) != "flood-coast-0" {
			t.Errorf("%s: story %q, after decoding %q, want flood-coast-0", id, s.Story(id), d.Story(id))
		}
	}
	if d.Stories() != s.Stories() || d.Len() != s.Len() {
		t.Errorf("decoded %d stories of %d articles, want %d of %d", d.Stories(), d.Len(), s.Stories(), s.Len())
	}
}
