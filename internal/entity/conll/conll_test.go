package conll

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// sample is a two-document corpus written for this test.
const sample = `-DOCSTART- -X- O O

OSLO NNP I-NP I-LOC
1996-08-30 CD I-NP O

Kari NNP I-NP I-PER
Nordvik NNP I-NP I-PER
of IN I-PP O
Statoil NNP I-NP I-ORG
said VBD I-VP O
( ( O O
Norwegian JJ I-NP I-MISC
) ) O O
prices NNS I-NP O
rose VBD I-VP O
's POS B-NP O
. . O O

-DOCSTART- -X- O O

Statoil NNP I-NP I-LOC
's POS B-NP O
Oslo NNP I-NP I-LOC
Norwegian NNP I-NP I-MISC
`

func TestParse(t *testing.T) {
	docs, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	want := []string{"OSLO 1996-08-30", "Kari Nordvik of Statoil said (Norwegian) prices rose's."}
	if !slices.Equal(d.Lines, want) {
		t.Errorf("lines = %q, want %q", d.Lines, want)
	}
	var spans []string
	for l, list := range d.Spans {
		for _, s := range list {
			spans = append(spans, s.Type+":"+d.Lines[l][s.Start:s.End])
		}
	}
	if w := []string{"LOC:OSLO", "PER:Kari Nordvik", "ORG:Statoil", "MISC:Norwegian"}; !slices.Equal(spans, w) {
		t.Errorf("spans = %q, want %q", spans, w)
	}
	if !slices.Equal(d.Gold["LOC"], []string{"oslo"}) {
		t.Errorf("gold LOC = %q", d.Gold["LOC"])
	}
}

func TestEvaluate(t *testing.T) {
	docs, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	pred := []map[string][]string{
		// right PER and LOC, ORG typed as LOC, a MISC string ignored, one wrong.
		{"PER": {"Kari  Nordvik"}, "LOC": {"Oslo", "Statoil", "Norwegian"}, "ORG": {"Bergen"}},
		{"LOC": {"Statoil", "Oslo"}},
	}
	i := 0
	s := Evaluate(docs, func(*Doc) map[string][]string { i++; return pred[i-1] })
	check := func(name string, got, want Count) {
		if got != want {
			t.Errorf("%s = %+v, want %+v", name, got, want)
		}
	}
	check("PER", *s.Type["PER"], Count{TP: 1})
	check("ORG", *s.Type["ORG"], Count{FP: 1, FN: 1})
	check("LOC", *s.Type["LOC"], Count{TP: 3, FP: 1})
	check("overall", s.Overall, Count{TP: 4, FP: 2, FN: 1})
	check("untyped", s.Agnostic, Count{TP: 5, FP: 1})
	if f := s.Overall.F1(); math.Abs(f-8.0/11) > 1e-9 {
		t.Errorf("F1 = %v, want 8/11", f)
	}
}
