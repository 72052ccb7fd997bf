package story

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzSketch checks that any headline and body sketch without panicking,
// that a sketch is a copy of itself, and that decoding any state bytes as
// a sketch fails cleanly or keeps its lists sorted.
func FuzzSketch(f *testing.F) {
	f.Add("ACME CORP <ACM> SETS QUARTERLY", notice, []byte(`{"w":"AQAAAA"}`))
	f.Add("", flash, []byte(`{"w":"","f":"AAAAAAAAAAA","t":"AQ"}`))
	f.Add("Caf\xe9 \xff", "1.2.3,4//5-6 \xf0\x9f\x98\x80\n\n\n\n-7", []byte(`null`))
	f.Fuzz(func(t *testing.T, title, body string, state []byte) {
		sk := NewSketch(title, body)
		_, n := Sign(body)
		if sk == nil || n >= SketchShingles && len(sk.Words) > 0 {
			t.Fatalf("sketch %+v for %d shingles", sk, n)
		}
		if n < SketchShingles {
			if ok, _ := sk.copies(sk); !ok && len(sk.Words) >= minSketchWords {
				t.Fatalf("a sketch of %d words is not a copy of itself", len(sk.Words))
			}
		}
		var back Sketch
		if json.Unmarshal(state, &back) == nil {
			for i := 1; i < len(back.Words); i++ {
				if back.Words[i-1] >= back.Words[i] {
					t.Fatal("decoded words not sorted and distinct")
				}
			}
		}
	})
}

// FuzzState checks that any bytes decode as a state without panicking,
// and that DecodeGroups reads whatever Decode reads.
func FuzzState(f *testing.F) {
	s := New(DefaultThreshold)
	s.Add(NewMember("a", "wire", time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), "ACME SETS", notice))
	s.Add(NewMember("b", "", time.Time{}, "", flash))
	s.Add(NewMember("c", "other", time.Date(2026, 1, 2, 5, 4, 5, 6, time.FixedZone("", 3600)), "ACME SETS", notice))
	s.Assign()
	bin, err := s.Encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bin)
	f.Add([]byte(`{"version":1,"members":[{"id":"a","story":"b","sig":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := Decode(b)
		if _, gerr := DecodeGroups(b); err == nil && gerr != nil {
			t.Fatalf("Decode reads it, DecodeGroups says %v", gerr)
		}
	})
}
