package load

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
)

// ReadTargets reads a query file: one query per line, blank lines and
// lines starting with '#' ignored. A line starting with '/' is a request
// path used as it is ("/api/search?q=oil&sort=newest"); a line with TAB
// separated columns is the benchmark format "id TAB shape TAB text [TAB
// options]", whose shape says how to write the text as a query (phrase:
// quoted; or: words joined by OR; all: no query; options are dropped);
// any other line is the query text. Queries become /api/search?q=... with size=10.
func ReadTargets(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("queries: %w", err)
	}
	defer f.Close()
	return ParseTargets(f)
}

// ParseTargets reads query lines from r as ReadTargets does.
func ParseTargets(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "/"):
			out = append(out, line)
			continue
		}
		if cols := strings.Split(line, "\t"); len(cols) >= 3 {
			line = benchQuery(strings.TrimSpace(cols[1]), strings.TrimSpace(cols[2]))
		}
		out = append(out, "/api/search?"+url.Values{"q": {line}, "size": {"10"}}.Encode())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("queries: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("queries: no query in the file")
	}
	return out, nil
}

// benchQuery writes the text of a benchmark query of the given shape.
func benchQuery(shape, text string) string {
	switch shape {
	case "phrase":
		return `"` + text + `"`
	case "or":
		return strings.Join(strings.Fields(text), " OR ")
	case "all":
		return ""
	}
	return text
}
