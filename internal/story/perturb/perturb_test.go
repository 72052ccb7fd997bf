package perturb

import (
	"slices"
	"strings"
	"testing"
)

const body = "First paragraph has several words in it. It has two sentences.\n\nSecond paragraph is here with more words.\n\nThird paragraph closes the article with a quote."

func TestApply(t *testing.T) {
	paras := split(body)
	for _, tc := range []struct {
		kind  Kind
		check func(out []string) bool
	}{
		{Boilerplate, func(out []string) bool { return len(out) == len(paras)+4 && slices.Contains(out, paras[1]) }},
		{Reorder, func(out []string) bool {
			s := slices.Clone(out)
			slices.Sort(s)
			p := slices.Clone(paras)
			slices.Sort(p)
			return slices.Equal(s, p) && !slices.Equal(out, paras)
		}},
		{Edit, func(out []string) bool {
			changed := 0
			for i := range out {
				if out[i] != paras[i] {
					changed++
				}
			}
			return len(out) == len(paras) && changed == 1
		}},
		{Cut, func(out []string) bool { return slices.Equal(out, paras[:2]) }},
		{All, func(out []string) bool { return len(out) == len(paras)+4 }},
	} {
		out := Apply(body, tc.kind, 7)
		if !tc.check(split(out)) {
			t.Errorf("%s: %q", tc.kind, out)
		}
		if again := Apply(body, tc.kind, 7); again != out {
			t.Errorf("%s: not deterministic", tc.kind)
		}
	}
	for _, k := range Kinds {
		if out := Apply("", k, 1); strings.TrimSpace(out) != "" && k != Boilerplate && k != All {
			t.Errorf("%s of an empty body: %q", k, out)
		}
	}
}

// TestHeadline checks that a rewritten headline differs from the wire's
// but keeps its words, tickers and the dropped last word aside.
func TestHeadline(t *testing.T) {
	const title = "ACME CORP <ACM> SETS QUARTERLY DIVIDEND"
	words := strings.Fields(strings.ToLower(title))
	changed := 0
	for seed := range uint64(20) {
		out := Headline(title, seed)
		if out != Headline(title, seed) {
			t.Fatalf("seed %d: not deterministic", seed)
		}
		if out != title {
			changed++
		}
		got := strings.Fields(strings.ToLower(strings.TrimPrefix(out, "UPDATE 1-")))
		for _, w := range got {
			if !slices.Contains(words, w) {
				t.Errorf("seed %d: %q has %q, not in the wire's headline", seed, out, w)
			}
		}
		if len(got) < len(words)-2 || !slices.Contains(got, "acme") {
			t.Errorf("seed %d: %q lost more than a ticker and a word", seed, out)
		}
	}
	if changed < 18 {
		t.Errorf("%d of 20 headlines rewritten, want nearly all", changed)
	}
	if out := Headline("", 3); strings.TrimPrefix(out, "UPDATE 1-") != "" {
		t.Errorf("empty headline: %q", out)
	}
}
