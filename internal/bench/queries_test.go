package bench

import (
	"slices"
	"strings"
	"testing"
)

func TestParseQueries(t *testing.T) {
	tests := []struct {
		line    string
		params  string // url-encoded
		dropped []string
	}{
		{"q01\tterm\toil", "q=oil", nil},
		{"q28\tand\toil prices", "q=oil+prices", nil},
		{"q36\tor\tcoffee cocoa", "q=coffee+OR+cocoa", nil},
		{"q42\tphrase\tinterest rates", "q=%22interest+rates%22", nil},
		{"q56\tall\t*\tfilter=places:canada", "place=canada", nil},
		{"q52\tterm\tprices\tfilter=topics:grain", "q=prices", []string{"filter=topics:grain"}},
		{"q63\tterm\ttrade\tfilter=places:usa facets=topics,orgs", "place=usa&q=trade", []string{"facets=topics"}},
		{"q64\tterm\tgold\tfilter=people:reagan filter=orgs:imf", "org=imf&person=reagan&q=gold", nil},
	}
	for _, tt := range tests {
		qs, err := ParseQueries(strings.NewReader("# comment\n\n" + tt.line + "\n"))
		if err != nil || len(qs) != 1 {
			t.Errorf("ParseQueries(%q) = %v, %v; want one query", tt.line, qs, err)
			continue
		}
		if got := qs[0].Params.Encode(); got != tt.params {
			t.Errorf("ParseQueries(%q) params = %q, want %q", tt.line, got, tt.params)
		}
		if !slices.Equal(qs[0].Dropped, tt.dropped) {
			t.Errorf("ParseQueries(%q) dropped = %q, want %q", tt.line, qs[0].Dropped, tt.dropped)
		}
	}
}

func TestParseQueriesErrors(t *testing.T) {
	for _, line := range []string{
		"q1\tterm",                            // too few columns
		"q1\tfuzzy\toil",                      // unknown shape
		"q1\tterm\t ",                         // no words
		"q1\tterm\toil\tfilter=places",        // filter without value
		"q1\tterm\toil\tboost=2",              // unknown option
		"q1\tterm\toil\tfilter=places:usa\tx", // too many columns
	} {
		if qs, err := ParseQueries(strings.NewReader(line + "\n")); err == nil {
			t.Errorf("ParseQueries(%q) = %v, want an error", line, qs)
		}
	}
}
