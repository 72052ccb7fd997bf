package newsindex

// Query translation: from the engine-neutral AST of internal/search to
// Bleve queries.
//
//   - The clauses of a Query must all match (a conjunction, as in web
//     search); its Not clauses become must-not. A Query of exclusions only
//     matches every article but those.
//   - A bare word matches title OR body (title boosted); all its tokens must
//     be there ("covid-19" needs both "covid" and "19"). A phrase is a match
//     phrase on the same fields. field:value searches that field alone, on
//     the analysed field for entities (person:erdogan).
//   - A word that analyses to no token at all (lone punctuation) constrains
//     nothing and is dropped, rather than making the conjunction empty.
//   - A nil or empty query, or one left empty after dropping, matches all.
//
// Request filters are not part of the scored query: they go into the
// boolean query's Filter clause (values of one facet OR, facets AND, plus
// the published date range), exclusions into its MustNot. Facet values
// match by their keys (labels.go).

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsfts/newsfts/internal/search"
)

const (
	titleBoost = 2.0 // a word in the title counts for more than one in the body
	maxDepth   = 64  // nesting of groups, Or and Not in one query
)

// Bleve accepts range bounds between these times (its datetime fields
// hold int64 nanoseconds since 1970). Bounds are clamped to them instead
// of failing the search.
var (
	minDate = query.MinRFC3339CompatibleTime
	maxDate = query.MaxRFC3339CompatibleTime
)

// translator turns a search.Query into a Bleve query.
type translator struct {
	m mapping.IndexMapping // to analyse words and drop empty ones
}

// query translates q; nil or empty q matches all articles.
func (t translator) query(q *search.Query) (query.Query, error) {
	if q.Empty() {
		return bleve.NewMatchAllQuery(), nil
	}
	bq, err := t.all(q.All, 0)
	if err != nil || bq == nil {
		return bleve.NewMatchAllQuery(), err
	}
	return bq, nil
}

// node translates n; it returns nil when n constrains nothing.
func (t translator) node(n search.Node, depth int) (query.Query, error) {
	if depth > maxDepth {
		return nil, &search.Error{Message: "the query is nested too deeply; remove some parentheses", Param: "q"}
	}
	switch n := n.(type) {
	case *search.Term:
		return t.term(n)
	case *search.Or:
		return t.or(n.Any, depth+1)
	case *search.Not:
		inner, err := t.node(n.Node, depth+1)
		if inner == nil || err != nil {
			return nil, err
		}
		bq := bleve.NewBooleanQuery()
		bq.AddMustNot(inner)
		return bq, nil
	case *search.Query:
		if n == nil {
			return nil, nil
		}
		return t.all(n.All, depth+1)
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("query: unknown node type %T", n)
}

// all is the conjunction of nodes, with Not nodes as must-not.
func (t translator) all(nodes []search.Node, depth int) (query.Query, error) {
	var must, not []query.Query
	for _, n := range nodes {
		target, inner := &must, n
		if x, ok := n.(*search.Not); ok {
			target, inner = &not, x.Node
		}
		q, err := t.node(inner, depth+1)
		if err != nil {
			return nil, err
		}
		if q != nil {
			*target = append(*target, q)
		}
	}
	if len(not) == 0 {
		switch len(must) {
		case 0:
			return nil, nil
		case 1:
			return must[0], nil
		}
	}
	bq := bleve.NewBooleanQuery()
	if len(must) > 0 {
		bq.AddMust(must...)
	}
	if len(not) > 0 {
		bq.AddMustNot(not...)
	}
	return bq, nil
}

// or is the disjunction of the nodes that constrain something.
func (t translator) or(nodes []search.Node, depth int) (query.Query, error) {
	var any []query.Query
	for _, n := range nodes {
		q, err := t.node(n, depth)
		if err != nil {
			return nil, err
		}
		if q != nil {
			any = append(any, q)
		}
	}
	return anyOf(any), nil
}

// term matches a word or phrase in its field, or in title or body.
func (t translator) term(x *search.Term) (query.Query, error) {
	fields := []string{fieldTitle, fieldBody}
	if x.Field != "" {
		f, ok := queryField[strings.ToLower(x.Field)]
		if !ok {
			return nil, &search.Error{
				Message:  fmt.Sprintf("unknown field %q; use one of %s", x.Field, strings.Join(search.Fields, ", ")),
				Param:    "q",
				Position: x.Pos,
			}
		}
		fields = []string{f}
	}
	terms, known := t.tokens(fields[0], x.Text) // title and body share their analyser
	if known && len(terms) == 0 || !known && strings.TrimSpace(x.Text) == "" {
		return nil, nil
	}
	one := ""
	if len(terms) == 1 {
		one = terms[0]
	}
	qs := make([]query.Query, len(fields))
	for i, f := range fields {
		qs[i] = t.match(f, x, one)
	}
	if len(qs) == 1 {
		return qs[0], nil
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

func (t translator) match(field string, x *search.Term, one string) query.Query {
	boost := 1.0
	if field == fieldTitle {
		boost = titleBoost
	}
	if x.Phrase {
		q := bleve.NewMatchPhraseQuery(x.Text)
		q.SetField(field)
		q.Analyzer = fieldAnalyzer(field)
		q.SetBoost(boost)
		return q
	}
	if one != "" {
		// What a match query of one token makes, without the conjunction
		// of one clause it wraps it in (a quarter of a search's time).
		q := bleve.NewTermQuery(one)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := bleve.NewMatchQuery(x.Text)
	q.SetField(field)
	q.Analyzer = fieldAnalyzer(field)
	q.SetOperator(query.MatchQueryOperatorAnd)
	q.SetBoost(boost)
	return q
}

// tokens returns the terms text analyses to in field; known is false
// when the translator has no analyser for it.
func (t translator) tokens(field, text string) (terms []string, known bool) {
	if t.m == nil {
		return nil, false
	}
	a := t.m.AnalyzerNamed(fieldAnalyzer(field))
	if a == nil {
		return nil, false
	}
	for _, tok := range a.Analyze([]byte(text)) {
		terms = append(terms, string(tok.Term))
	}
	return terms, true
}

// filterQuery is the conjunction of r's facet filters, except those of
// facet except, and of its date range; nil when there is none.
func filterQuery(r *search.Request, except search.Facet) query.Query {
	var parts []query.Query
	for _, f := range search.Facets {
		if f == except || len(r.Filters[f]) == 0 {
			continue
		}
		parts = append(parts, anyTerm(f, r.Filters[f]))
	}
	if dq := dateRange(r.From, r.To); dq != nil {
		parts = append(parts, dq)
	}
	return allOf(parts)
}

// allOf is the conjunction of qs: nil for none, the query itself for one.
func allOf(qs []query.Query) query.Query {
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// anyOf is the disjunction of qs: nil for none, the query itself for one.
func anyOf(qs []query.Query) query.Query {
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// excludeQuery matches the articles that have any excluded value; nil
// when nothing is excluded.
func excludeQuery(r *search.Request) query.Query {
	var parts []query.Query
	for _, f := range search.Facets {
		if len(r.Exclude[f]) > 0 {
			parts = append(parts, anyTerm(f, r.Exclude[f]))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// anyTerm matches articles having any of values in facet f's keyword
// field, which holds keys: a value matches by its key.
func anyTerm(f search.Facet, values []string) query.Query {
	ks := keys(values)
	if len(ks) == 0 {
		ks = []string{""} // a blank value matches nothing, as before
	}
	qs := make([]query.Query, len(ks))
	for i, k := range ks {
		tq := bleve.NewTermQuery(k)
		tq.SetField(string(f))
		qs[i] = tq
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// dateRange matches published in [from, to); a zero bound is open, and
// a bound beyond what Bleve can store is moved to the nearest one it can.
func dateRange(from, to time.Time) query.Query {
	if from.IsZero() && to.IsZero() {
		return nil
	}
	if !from.IsZero() {
		from = clampDate(from)
	}
	if !to.IsZero() {
		to = clampDate(to)
	}
	incl, excl := true, false
	q := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
	q.SetField(fieldPublished)
	return q
}

func clampDate(t time.Time) time.Time {
	switch {
	case t.Before(minDate):
		return minDate
	case t.After(maxDate):
		return maxDate
	}
	return t
}

// combine puts the user's query, the filters and the exclusions together.
func combine(user, filter, exclude query.Query) query.Query {
	if filter == nil && exclude == nil {
		return user
	}
	bq := bleve.NewBooleanQuery()
	if _, all := user.(*query.MatchAllQuery); !all && user != nil {
		bq.AddMust(user)
	}
	if filter != nil {
		bq.AddFilter(filter)
	}
	if exclude != nil {
		bq.AddMustNot(exclude)
	}
	return bq
}
