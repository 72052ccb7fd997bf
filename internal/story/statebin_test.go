package story

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// encodeJSON writes s as the JSON state (version 1) that Encode wrote
// before the binary one, so that tests can check that it still reads.
func encodeJSON(t *testing.T, s *Set) []byte {
	t.Helper()
	st := state{Version: jsonVersion, Threshold: s.threshold, Window: int64(s.Window / time.Second)}
	for id, r := range s.reps {
		if m, ok := s.members[id]; ok && m.Sig == r.sig {
			continue
		}
		st.Reps = append(st.Reps, stateRep{Story: id, Sig: r.sig, Shingles: r.shingles, Published: r.published, Sketch: r.sketch})
	}
	for _, m := range s.members {
		st.Members = append(st.Members, stateEntry{ID: m.ID, Story: m.Story, Source: m.Source,
			Published: m.Published, Sig: m.Sig, Shingles: m.Shingles, Sketch: m.Sketch})
	}
	b, err := json.Marshal(&st)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mixedSet is a grouping with all that a state holds: long copies,
// sketched notices, an undated article, dates in another zone, an article
// without source and a story whose founder changed in place.
func mixedSet(t *testing.T) *Set {
	ms, _ := copiesOf(labelled(t))
	east := time.FixedZone("", 5*3600+1800)
	t0 := time.Date(2025, 12, 1, 9, 30, 0, 123, east)
	for i, title := range []string{"ACME CORP SETS QUARTERLY", "Acme sets quarterly dividend", "ZENITH CORP SETS QUARTERLY", ""} {
		body := notice
		if title == "" {
			body = flash
		}
		m := NewMember("notice-"+string(rune('a'+i)), "wire", t0.Add(time.Duration(i)*time.Minute), title, body)
		ms = append(ms, m)
	}
	ms = append(ms, NewMember("undated", "", time.Time{}, "", flash))
	s := New(0.45)
	s.Window = 36 * time.Hour
	for _, m := range ms {
		s.Add(m)
	}
	s.Assign()
	founder := ms[slices.IndexFunc(ms, func(m Member) bool { return m.ID == "flood-coast-0" })]
	founder.Sig = signOf(labelled(t)["flood-coast"] + "\n\nA closing paragraph added by an update, long enough to change the signature.")
	s.Add(founder)
	s.Assign()
	return s
}

// TestStateVersions checks that a grouping read back from the binary
// state and from the JSON one is the grouping written, article by
// article, and that DecodeGroups agrees with Decode on both.
func TestStateVersions(t *testing.T) {
	s := mixedSet(t)
	bin, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !isBinary(bin) {
		t.Fatal("Encode did not write the binary state")
	}
	if again, _ := s.Encode(); !bytes.Equal(again, bin) {
		t.Error("Encode is not deterministic")
	}
	sketched := 0
	for name, enc := range map[string][]byte{"binary": bin, "json": encodeJSON(t, s)} {
		d, err := Decode(enc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g, err := DecodeGroups(enc)
		if err != nil {
			t.Fatalf("%s: groups: %v", name, err)
		}
		if d.Threshold() != s.Threshold() || d.Window != s.Window || d.Len() != s.Len() || d.Stories() != s.Stories() {
			t.Errorf("%s: %v %v %d articles %d stories, want %v %v %d %d", name, d.Threshold(), d.Window,
				d.Len(), d.Stories(), s.Threshold(), s.Window, s.Len(), s.Stories())
		}
		for id, m := range s.members {
			got := d.members[id]
			if got == nil || !sameMember(got, m) {
				t.Errorf("%s: %s read back as %+v, want %+v", name, id, got, m)
				continue
			}
			if m.Sketch != nil {
				sketched++
			}
			if r, w := d.reps[m.Story], s.reps[m.Story]; *r.sig != *w.sig || !reflect.DeepEqual(r.sketch, w.sketch) {
				t.Errorf("%s: %s: representative changed", name, m.Story)
			}
			if want := s.CopiesOf(id); !sameCopies(g.CopiesOf(id), want) || want != nil && g.Story(id) != m.Story {
				t.Errorf("%s: groups: %s in %q with %v, want %q with %v", name, id, g.Story(id), g.CopiesOf(id), m.Story, want)
			}
		}
	}
	if sketched == 0 || s.reps["flood-coast-0"].sig == s.members["flood-coast-0"].Sig {
		t.Error("the set has no sketch or no changed founder: the test checks less than it says")
	}
}

// sameCopies reports whether a and b list the same copies, their dates in
// the same zone.
func sameCopies(a, b []Copy) bool {
	return slices.EqualFunc(a, b, func(x, y Copy) bool {
		_, ox := x.Published.Zone()
		_, oy := y.Published.Zone()
		return x.ID == y.ID && x.Source == y.Source && x.First == y.First && x.Published.Equal(y.Published) && ox == oy
	})
}

// sameMember reports whether a and b are the same article in the same
// story, their dates in the same zone.
func sameMember(a, b *Member) bool {
	_, oa := a.Published.Zone()
	_, ob := b.Published.Zone()
	return a.ID == b.ID && a.Story == b.Story && a.Source == b.Source && a.Published.Equal(b.Published) && oa == ob &&
		*a.Sig == *b.Sig && a.Shingles == b.Shingles && reflect.DeepEqual(a.Sketch, b.Sketch)
}

// TestStateDamaged checks that a binary state cut short or with a byte
// changed is refused with an error or read without panicking, and that
// whatever Decode reads, DecodeGroups reads too.
func TestStateDamaged(t *testing.T) {
	bin, err := mixedSet(t).Encode()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(bin) {
		if _, err := Decode(bin[:n]); err == nil {
			t.Fatalf("Decode of the first %d of %d bytes: no error", n, len(bin))
		}
	}
	for i := len(stateMagic); i < len(bin); i += 7 {
		b := slices.Clone(bin)
		b[i] ^= 0xa5
		_, err := Decode(b)
		if _, gerr := DecodeGroups(b); err == nil && gerr != nil {
			t.Errorf("byte %d changed: Decode reads it, DecodeGroups says %v", i, gerr)
		}
	}
	for _, tc := range []struct{ name, in, want string }{
		{"version", stateMagic + "\x03", "version 3"},
		{"huge count", stateMagic + "\x02" + strings.Repeat("\x00", 9) + "\xff\xff\xff\xff\x0f", "items in"},
		{"signatures missing", stateMagic + "\x02" + strings.Repeat("\x00", 9) + "\x00" + "\x00\x00" + "\x01\x04\x01a\x00\x00" + "\x00\x00", "bytes of signatures for 1"},
	} {
		if _, err := Decode([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Decode error %v, want one with %q", tc.name, err, tc.want)
		}
	}
}
