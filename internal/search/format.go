package search

import "strings"

// String renders q back in the query syntax, normalised: it is what the
// parser understood, used in tests and in "did you mean" style messages.
func (q *Query) String() string {
	if q == nil {
		return ""
	}
	parts := make([]string, len(q.All))
	for i, n := range q.All {
		parts[i] = nodeString(n)
	}
	return strings.Join(parts, " ")
}

func nodeString(n Node) string {
	switch n := n.(type) {
	case *Term:
		s := n.Text
		if n.Phrase {
			s = `"` + s + `"`
		}
		if n.Field != "" {
			s = n.Field + ":" + s
		}
		return s
	case *Or:
		parts := make([]string, len(n.Any))
		for i, a := range n.Any {
			parts[i] = nodeString(a)
		}
		return strings.Join(parts, " OR ")
	case *Not:
		if or, ok := n.Node.(*Or); ok {
			return "-(" + nodeString(or) + ")"
		}
		return "-" + nodeString(n.Node)
	case *Query:
		return "(" + n.String() + ")"
	}
	return "?"
}
