package story

import (
	"slices"
	"strings"
	"testing"
)

// TestTemplated checks the template guard on the templated notices of
// testdata and on copies of one of them.
func TestTemplated(t *testing.T) {
	notes := readLabelled(t, "testdata/templated.txt")
	a, b := notes["notes-harbour"], notes["notes-orchard"]
	lead, rest, _ := strings.Cut(a, "\n\n")
	boiler := "Share this article on Facebook Twitter WhatsApp Email\n\nSubscribe to our daily newsletter for the top stories."
	for _, tc := range []struct {
		name string
		x, y string
		want bool
	}{
		{"two issuers, one template", a, b, true},
		{"filed twice", a, a, false},
		{"boilerplate before the lead", a, boiler + "\n\n" + a, false},
		{"lead moved down", a, rest + "\n\n" + lead, false},
		{"a name of the lead edited", a, strings.Replace(a, "Caldwell Brothers", "Caldwell", 1), false},
		{"the coupon corrected", a, strings.Replace(a, "three pct", "3-1/8 pct", 1), false},
		{"another issuer under boilerplate", a, boiler + "\n\n" + b, true},
	} {
		x, y := leadSketch(tc.x), leadSketch(tc.y)
		if got := templated(x, y); got != tc.want {
			t.Errorf("%s: templated %v, want %v (missing %d and %d)", tc.name, got, tc.want, missing(x.Names, y.Slots), missing(y.Names, x.Slots))
		}
		if got := templated(y, x); got != tc.want {
			t.Errorf("%s, the other way: templated %v, want %v", tc.name, got, tc.want)
		}
	}
	if templated(leadSketch(a), nil) || templated(nil, leadSketch(b)) {
		t.Error("a sketch without a lead (an old state's) is templated")
	}
	sa, _ := Sign(a)
	sb, _ := Sign(b)
	if sim := Similarity(&sa, &sb); sim < DefaultThreshold {
		t.Errorf("the templated notices are %.3f similar: the guard is not what parts them", sim)
	}
}

// TestLeadTokens checks which words a long body's sketch keeps.
func TestLeadTokens(t *testing.T) {
	for _, tc := range []struct{ body, lead, tokens string }{
		{"Acme Corp said net rose to 2,858,000 dlrs. The Board met.", "corp 2,858,000 board", "acme corp 2,858,000 the board"},
		{"The U.S. Treasury sold 17-1/4 pct notes", "treasury 17-1/4", "the treasury 17-1/4"}, // no single letters
		{"a I b", "", ""},
	} {
		sk := leadSketch(tc.body)
		var lead []uint32
		var tokens []uint16
		for _, w := range strings.Fields(tc.lead) {
			lead = append(lead, tokenHash(w))
		}
		for _, w := range strings.Fields(tc.tokens) {
			tokens = append(tokens, uint16(tokenHash(w)))
		}
		slices.Sort(lead)
		slices.Sort(tokens)
		if !slices.Equal(sk.Names, slices.Compact(lead)) || !slices.Equal(unpack(sk.Slots), slices.Compact(tokens)) {
			t.Errorf("%q: lead %v tokens %v, want %q and %q", tc.body, sk.Names, unpack(sk.Slots), tc.lead, tc.tokens)
		}
	}
}

// TestPack checks that packed fingerprints come back, and that the packed
// values are sorted and distinct, as decoding a state keeps them.
func TestPack(t *testing.T) {
	for _, fps := range [][]uint16{nil, {7}, {1, 2, 3, 4}, {0, 9, 65535, 65535 - 1, 300}} {
		in := slices.Clone(fps)
		slices.Sort(in)
		in = slices.Compact(in)
		packed := pack(in)
		if !slices.Equal(unpack(packed), in) {
			t.Errorf("%v: unpacked %v", in, unpack(packed))
		}
		if !slices.Equal(sortedUnique(slices.Clone(packed)), packed) {
			t.Errorf("%v: packed values %x not sorted and distinct", in, packed)
		}
	}
}
