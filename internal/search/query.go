package search

// Query is a parsed q parameter: clauses that must all match (bare words,
// as in web search), grouped by OR where the user wrote OR.
//
// Grammar (forgiving: no operator precedence surprises, no required quoting):
//
//	query  = clause*
//	clause = unary ("OR" unary)*
//	unary  = "-" primary | primary
//	primary= [field ":"] (word | '"' words '"') | "(" query ")"
//	field  = title | body | person | org | place | source
type Query struct {
	All []Node // every node must match
}

// Node is a query node: *Term, *Or, *Not or *Query.
type Node interface{ node() }

// Term is a word or a phrase, optionally restricted to a field.
type Term struct {
	Field  string // "" for title and body; else one of Fields
	Text   string // the word or the phrase's words
	Phrase bool   // written in double quotes
	Pos    int    // 1-based rune offset in q
}

// Or matches when any of its nodes matches.
type Or struct{ Any []Node }

// Not excludes articles its node matches.
type Not struct{ Node Node }

func (*Term) node()  {}
func (*Or) node()    {}
func (*Not) node()   {}
func (*Query) node() {}

// Fields are the field names a query may use before a colon.
var Fields = []string{"title", "body", "person", "org", "place", "source"}

// Empty reports whether q matches every article.
func (q *Query) Empty() bool { return q == nil || len(q.All) == 0 }
