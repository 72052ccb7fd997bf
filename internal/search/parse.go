package search

import (
	"fmt"
	"strings"
	"unicode"
)

// Limits on a query string, so that one request cannot cost without bound.
const (
	MaxQueryRunes   = 1000
	MaxQueryClauses = 64
)

// Parse parses the q parameter. The syntax is forgiving: words and
// "phrases" must all match, -word excludes, OR joins alternatives,
// field:value searches one field, parentheses group. Punctuation-only words
// are ignored. A query that cannot be understood returns a *Error naming
// the 1-based rune position, what was expected and how to fix it.
func Parse(q string) (*Query, error) {
	if n := len([]rune(q)); n > MaxQueryRunes {
		return nil, qerr(MaxQueryRunes+1, "at most 1000 characters", string([]rune(q)[:MaxQueryRunes]), "the query is %d characters long; shorten it to at most %d", n, MaxQueryRunes)
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, q: []rune(q)}
	all, err := p.sequence(false)
	if err != nil {
		return nil, err
	}
	if p.terms > MaxQueryClauses {
		return nil, qerr(0, "", "", "the query has %d terms; use at most %d", p.terms, MaxQueryClauses)
	}
	return &Query{All: all}, nil
}

// qerr is a problem at 1-based rune position pos of q: what was
// expected there, and fix, the corrected query ("" when there is none).
func qerr(pos int, expected, fix, format string, args ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, args...), Param: "q", Position: pos,
		Expected: expected, Suggestion: strings.Join(strings.Fields(fix), " ")}
}

// cut returns rs without the n runes at 1-based position pos.
func cut(rs []rune, pos, n int) string {
	i := min(max(pos-1, 0), len(rs))
	j := min(i+n, len(rs))
	return string(rs[:i]) + " " + string(rs[j:])
}

type tokKind int

const (
	tWord tokKind = iota
	tPhrase
	tOpen
	tClose
	tOr
	tEOF
)

type token struct {
	kind  tokKind
	text  string
	field string // for words and phrases: "" or one of Fields
	neg   bool   // written with a leading '-'
	pos   int    // 1-based rune offset
}

// lex splits q into tokens. A leading '-' or '+' and a "field:" prefix are
// folded into the token they belong to.
func lex(q string) ([]token, error) {
	rs := []rune(q)
	var toks []token
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		t := token{pos: i + 1}
		signed := false
		for i < len(rs) && (rs[i] == '-' || rs[i] == '+') {
			t.neg = t.neg || rs[i] == '-'
			signed = true
			i++
		}
		if signed && (i == len(rs) || unicode.IsSpace(rs[i])) {
			continue // a lone sign means nothing
		}
		next, err := lexOne(rs, i, &t)
		if err != nil {
			return nil, err
		}
		i = next
		if t.kind == tWord && !t.neg && t.field == "" && t.text == "OR" {
			t.kind = tOr
		}
		if t.kind == tWord && !hasWordChar(t.text) {
			continue // punctuation alone matches nothing: drop it
		}
		if t.kind == tPhrase && strings.TrimSpace(t.text) == "" {
			continue
		}
		toks = append(toks, t)
	}
	return append(toks, token{kind: tEOF, pos: len(rs) + 1}), nil
}

// lexOne reads the token starting at rs[i] into t and returns the offset after it.
func lexOne(rs []rune, i int, t *token) (int, error) {
	switch rs[i] {
	case '(':
		t.kind = tOpen
		return i + 1, nil
	case ')':
		t.kind = tClose
		return i + 1, nil
	case '"':
		return lexPhrase(rs, i, t)
	}
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune(`"()`, rs[j]) {
		j++
	}
	word := string(rs[i:j])
	if field, value, ok := strings.Cut(word, ":"); ok && isFieldName(field) {
		return lexField(rs, i, j, field, value, t)
	}
	t.kind, t.text = tWord, word
	return j, nil
}

func lexPhrase(rs []rune, i int, t *token) (int, error) {
	end := i + 1
	for end < len(rs) && rs[end] != '"' {
		end++
	}
	if end == len(rs) {
		return 0, qerr(i+1, `a closing "`, string(rs)+`"`, `unterminated phrase: add a closing " after %q`, string(rs[i:]))
	}
	t.kind, t.text = tPhrase, string(rs[i+1:end])
	return end + 1, nil
}

// lexField handles field:value; value may be empty when a phrase follows.
func lexField(rs []rune, i, j int, field, value string, t *token) (int, error) {
	field = strings.ToLower(field)
	if !knownField(field) {
		return 0, qerr(i+1, "one of the fields "+strings.Join(Fields, ", "), fixField(rs, i, j, field),
			"unknown field %q: use one of %s, or put the words in quotes to search for them literally",
			field, strings.Join(Fields, ", "))
	}
	t.field = field
	if value != "" {
		t.kind, t.text = tWord, value
		return j, nil
	}
	if j < len(rs) && rs[j] == '"' {
		return lexPhrase(rs, j, t)
	}
	return 0, qerr(i+1, "a word or a phrase after the colon", cut(rs, i+1, j-i), "%s: needs a value right after the colon, e.g. %s:word or %s:\"two words\"", field, field, field)
}

func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '_' {
			return false
		}
	}
	return true
}

func knownField(s string) bool {
	for _, f := range Fields {
		if f == s {
			return true
		}
	}
	return false
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

type parser struct {
	q     []rune // the query, for suggested fixes
	toks  []token
	i     int
	terms int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

// sequence parses clauses until the end, or until ')' when inGroup.
func (p *parser) sequence(inGroup bool) ([]Node, error) {
	var all []Node
	for {
		switch t := p.peek(); t.kind {
		case tEOF:
			return all, nil
		case tClose:
			if inGroup {
				return all, nil
			}
			return nil, qerr(t.pos, "a word, a phrase or the end of the query", cut(p.q, t.pos, 1), "unmatched ')': remove it or add a '(' before it")
		}
		n, err := p.clause()
		if err != nil {
			return nil, err
		}
		all = append(all, n)
	}
}

// clause parses unary ("OR" unary)*.
func (p *parser) clause() (Node, error) {
	first, err := p.unary()
	if err != nil {
		return nil, err
	}
	alts := []Node{first}
	for p.peek().kind == tOr {
		or := p.next()
		if k := p.peek().kind; k == tEOF || k == tClose || k == tOr {
			return nil, qerr(or.pos, "a word or phrase after OR", cut(p.q, or.pos, 2), "OR needs a word or phrase after it: add one, or remove OR")
		}
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		alts = append(alts, n)
	}
	if len(alts) == 1 {
		return first, nil
	}
	return &Or{Any: alts}, nil
}

func (p *parser) unary() (Node, error) {
	t := p.next()
	var n Node
	switch t.kind {
	case tWord, tPhrase:
		p.terms++
		n = &Term{Field: t.field, Text: t.text, Phrase: t.kind == tPhrase, Pos: t.pos}
	case tOpen:
		g, err := p.group(t)
		if err != nil {
			return nil, err
		}
		n = g
	case tOr:
		return nil, qerr(t.pos, "a word or phrase before OR", cut(p.q, t.pos, 2), "OR needs a word or phrase before it: add one, or remove OR")
	default: // tClose, tEOF cannot start a clause; sequence stops before them
		return nil, qerr(t.pos, "a word or phrase", "", "expected a word or phrase")
	}
	if t.neg {
		return &Not{Node: n}, nil
	}
	return n, nil
}

func (p *parser) group(open token) (Node, error) {
	if p.depth++; p.depth > 8 {
		return nil, qerr(open.pos, "at most 8 levels of parentheses", "", "parentheses nest too deeply: use at most 8 levels")
	}
	defer func() { p.depth-- }()
	all, err := p.sequence(true)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tClose {
		return nil, qerr(open.pos, "a ')' closing this '('", string(p.q)+")", "missing ')' for the '(' at position %d: add it", open.pos)
	}
	p.next()
	if len(all) == 0 {
		return nil, qerr(open.pos, "a word or phrase inside the parentheses", p.withoutEmptyGroup(open.pos), "empty parentheses: put words inside or remove them")
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return &Query{All: all}, nil
}

// withoutEmptyGroup is the query without the empty group opened at pos.
func (p *parser) withoutEmptyGroup(pos int) string {
	j := pos // 0-based index after '('
	for j < len(p.q) && p.q[j] != ')' {
		j++
	}
	return cut(p.q, pos, j-pos+2)
}

// fixField suggests the query with the unknown field in rs[i:j] replaced
// by the known field nearest in spelling, or with the word quoted.
func fixField(rs []rune, i, j int, field string) string {
	best, dist := "", 3
	for _, f := range Fields {
		if d := distance(field, f); d < dist {
			best, dist = f, d
		}
	}
	word := string(rs[i:j])
	if best != "" {
		word = best + word[strings.Index(word, ":"):]
	} else {
		word = `"` + strings.ReplaceAll(word, ":", " ") + `"`
	}
	return string(rs[:i]) + word + string(rs[j:])
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
