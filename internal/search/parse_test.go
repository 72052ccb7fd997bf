package search

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		q, want string
	}{
		{"", ""},
		{"   ", ""},
		{"turkey intelligence", "turkey intelligence"},
		{`"national intelligence" turkey`, `"national intelligence" turkey`},
		{"isi -isis", "isi -isis"},
		{"-isis", "-isis"},
		{"mit OR isi", "mit OR isi"},
		{"a OR b OR c d", "a OR b OR c d"},
		{"a or b", "a or b"}, // lower-case or is a word
		{"person:erdogan", "person:erdogan"},
		{"Person:Erdoğan", "person:Erdoğan"},
		{`place:"new york" -source:sun`, `place:"new york" -source:sun`},
		{"(mit OR isi) turkey", "mit OR isi turkey"}, // OR binds tighter than juxtaposition
		{"(a b) OR c", "(a b) OR c"},
		{"-(mit OR isi)", "-(mit OR isi)"},
		{"(solo)", "solo"},
		{"a & b", "a b"},                   // punctuation-only words dropped
		{"a - b", "a b"},                   // a lone minus means nothing
		{"+a", "a"},                        // plus is accepted and means must
		{`say "" nothing`, "say nothing"},  // empty phrase dropped
		{"10:30 meeting", "10:30 meeting"}, // not a field: digits
		{"counter-terrorism", "counter-terrorism"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.q)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.q, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestParseStructure(t *testing.T) {
	q, err := Parse(`-person:"Recep Erdoğan" x OR y`)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.All) != 2 {
		t.Fatalf("got %d clauses, want 2", len(q.All))
	}
	not, ok := q.All[0].(*Not)
	if !ok {
		t.Fatalf("first clause %T, want *Not", q.All[0])
	}
	term := not.Node.(*Term)
	if term.Field != "person" || term.Text != "Recep Erdoğan" || !term.Phrase || term.Pos != 1 {
		t.Errorf("term = %+v", term)
	}
	or := q.All[1].(*Or)
	if len(or.Any) != 2 || or.Any[1].(*Term).Pos != 30 {
		t.Errorf("or = %+v", or)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		q       string
		pos     int
		mention string
	}{
		{`turkey "national intel`, 8, "closing"},
		{"foo:bar", 1, "unknown field"},
		{"a author:x", 3, "title, body, person"},
		{"person:", 1, "needs a value"},
		{"a OR", 3, "after it"},
		{"OR a", 1, "before it"},
		{"a OR OR b", 3, "after it"},
		{"(a b", 1, "missing ')'"},
		{"a b)", 4, "unmatched ')'"},
		{"x ()", 3, "empty parentheses"},
		{"((((((((((a))))))))))", 9, "nest"},
		{strings.Repeat("a", MaxQueryRunes+1), MaxQueryRunes + 1, "shorten"},
		{strings.Repeat("w ", MaxQueryClauses+1), 0, "at most"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.q)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%.30q) error = %v, want *Error", tt.q, err)
			continue
		}
		if e.Param != "q" || e.Position != tt.pos || !strings.Contains(e.Message, tt.mention) {
			t.Errorf("Parse(%.30q) = %+v, want position %d mentioning %q", tt.q, e, tt.pos, tt.mention)
		}
	}
}

// TestParseSuggestions checks that each error suggests a corrected query
// and that the suggestion parses.
func TestParseSuggestions(t *testing.T) {
	tests := []struct{ q, expected, fix string }{
		{`turkey "national intel`, `closing "`, `turkey "national intel"`},
		{"persn:erdogan ankara", "fields", "person:erdogan ankara"},
		{"Plcae:Ankara", "fields", "place:Ankara"},
		{"a author:x", "fields", `a "author x"`},
		{"person: ankara", "after the colon", "ankara"},
		{"a OR", "after OR", "a"},
		{"OR a", "before OR", "a"},
		{"(a b", "')'", "(a b)"},
		{"a b) c", "end of the query", "a b c"},
		{"x () y", "inside", "x y"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.q)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) error = %v, want *Error", tt.q, err)
			continue
		}
		if e.Suggestion != tt.fix || !strings.Contains(e.Expected, tt.expected) {
			t.Errorf("Parse(%q): expected %q, suggestion %q; want expected mentioning %q, suggestion %q",
				tt.q, e.Expected, e.Suggestion, tt.expected, tt.fix)
		}
		if _, err := Parse(e.Suggestion); err != nil {
			t.Errorf("Parse(%q): suggestion %q does not parse: %v", tt.q, e.Suggestion, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`a "b c" -d OR e`, `person:"x`, "((a)", "-", "é:ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err == nil {
			// What the parser understood must parse again to the same thing.
			again, err := Parse(q.String())
			if err != nil || again.String() != q.String() {
				t.Fatalf("round trip of %q: %q, %v", s, q.String(), err)
			}
		}
	})
}
