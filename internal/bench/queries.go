package bench

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Query is one line of the query set, mapped to searchd's API.
type Query struct {
	ID      string     // the set's id, e.g. "q50"
	Shape   string     // term, and, or, phrase, all
	Params  url.Values // the parameters of GET /api/search
	Dropped []string   // options with no API equivalent, e.g. "filter=topics:grain"
}

// filterParams maps the query set's keyword fields to the API's facet
// filter parameters. Fields missing here (topics, exchanges) have none.
var filterParams = map[string]string{"places": "place", "people": "person", "orgs": "org"}

// facetFields are the facets searchd computes; a facets= option naming
// another field is recorded as dropped.
var facetFields = map[string]bool{"places": true, "people": true, "orgs": true, "sources": true}

// maxQueries bounds the number of lines ParseQueries accepts.
const maxQueries = 10000

// ParseQueries reads a query set: TAB-separated id, shape, text and
// optional space-separated options, '#' comments and blank lines ignored.
func ParseQueries(r io.Reader) ([]Query, error) {
	var qs []Query
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, err := parseQuery(line)
		if err != nil {
			return nil, fmt.Errorf("query set line %d: %w", n, err)
		}
		if len(qs) == maxQueries {
			return nil, fmt.Errorf("query set: more than %d queries", maxQueries)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("query set: %w", err)
	}
	return qs, nil
}

func parseQuery(line string) (Query, error) {
	cols := strings.Split(line, "\t")
	if len(cols) < 3 || len(cols) > 4 {
		return Query{}, fmt.Errorf("want 3 or 4 TAB-separated columns, got %d", len(cols))
	}
	q := Query{ID: cols[0], Shape: cols[1], Params: url.Values{}}
	text, err := queryText(q.Shape, strings.Fields(cols[2]))
	if err != nil {
		return Query{}, err
	}
	if text != "" {
		q.Params.Set("q", text)
	}
	if len(cols) == 4 {
		for _, opt := range strings.Fields(cols[3]) {
			if err := q.option(opt); err != nil {
				return Query{}, err
			}
		}
	}
	return q, nil
}

// queryText writes the words in searchd's query syntax for the shape.
func queryText(shape string, words []string) (string, error) {
	if shape != "all" && len(words) == 0 {
		return "", fmt.Errorf("%s query without words", shape)
	}
	switch shape {
	case "term", "and":
		return strings.Join(words, " "), nil
	case "or":
		return strings.Join(words, " OR "), nil
	case "phrase":
		return `"` + strings.Join(words, " ") + `"`, nil
	case "all":
		return "", nil
	}
	return "", fmt.Errorf("unknown shape %q", shape)
}

// option applies one filter= or facets= option, or records it as dropped.
func (q *Query) option(opt string) error {
	key, val, ok := strings.Cut(opt, "=")
	if !ok {
		return fmt.Errorf("option %q: want KEY=VALUE", opt)
	}
	switch key {
	case "filter":
		field, v, ok := strings.Cut(val, ":")
		if !ok || v == "" {
			return fmt.Errorf("option %q: want filter=FIELD:VALUE", opt)
		}
		if p, known := filterParams[field]; known {
			q.Params.Add(p, v)
		} else {
			q.Dropped = append(q.Dropped, opt)
		}
	case "facets":
		for _, f := range strings.Split(val, ",") {
			if !facetFields[f] {
				q.Dropped = append(q.Dropped, "facets="+f)
			}
		}
	default:
		return fmt.Errorf("unknown option %q", opt)
	}
	return nil
}
