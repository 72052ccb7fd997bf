package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"time"
)

// pageNames are the pages of the HTML interface; each has a template
// file of the same name that fills in the blocks of base.html.
var pageNames = []string{"search", "doc", "error"}

// funcs are the helpers the templates may call.
var funcs = template.FuncMap{
	"day":       func(t time.Time) string { return t.UTC().Format("2 January 2006") },
	"isoDay":    func(t time.Time) string { return t.UTC().Format(dateLayout) },
	"thousands": thousands,
}

// parseTemplates parses base.html with each page's file.
func parseTemplates(fsys fs.FS) (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, "base.html", name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// writeHTML renders page name with data and writes it with status.
func (s *server) writeHTML(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("web: no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	write(w, status, "text/html; charset=utf-8", buf.Bytes())
	return nil
}

// writeJSON writes v as JSON with status.
func (s *server) writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("web: encode JSON: %w", err)
	}
	write(w, status, "application/json; charset=utf-8", append(b, '\n'))
	return nil
}

// write sends a complete response. A failed write means the client has
// gone, and nothing can be sent to say so.
func write(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// thousands writes n with comma separators: 12,345.
func thousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
