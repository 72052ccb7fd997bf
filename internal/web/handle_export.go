package web

// Exports.
//
// format=csv and format=ndjson on /api/search (or /) stream the articles
// that the search matches, in its sort order, instead of a page of JSON:
// one row or one JSON object per article with id, title, source,
// published (RFC 3339, empty or absent when unknown), url, people, orgs
// and places. At most limit articles are written (default and maximum
// search.MaxExport). The search is run in pages of search.ExportBatch
// hits without facets (Request.HitsOnly), each page continuing from the
// previous one's cursor, and each page is flushed to the client as it is
// written, so memory stays bounded whatever the export's size. With
// collapse=story each row is a story (its best-ranked copy), with three
// more columns: story (its id), outlets (distinct sources that carried
// it) and copies (how many articles it has).
//
// The first page is fetched before anything is written, so a bad
// parameter is still an ordinary 400. After that the status is sent and
// a later failure, or the request's deadline, can only cut the export
// short: the HTTP trailer X-Export-Complete then says "false", and the
// log says why. X-Total-Count gives the number of matching articles.

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

// isExport reports whether r asks for an export format.
func isExport(r *http.Request) bool {
	f := r.URL.Query().Get("format")
	return f == "csv" || f == "ndjson"
}

// exportRow is one article of an export, as an NDJSON line.
type exportRow struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url"`
	People    []string  `json:"people"`
	Orgs      []string  `json:"orgs"`
	Places    []string  `json:"places"`
	Story     string    `json:"story,omitempty"` // with collapse=story
	Outlets   int       `json:"outlets,omitempty"`
	Copies    int       `json:"copies,omitempty"`
}

// storyColumns are the CSV columns a collapsed export adds.
var storyColumns = []string{"story", "outlets", "copies"}

// csvHeader names the CSV columns; lists are joined by csvSep.
var csvHeader = []string{"id", "title", "source", "published", "url", "people", "orgs", "places"}

const csvSep = "; "

// rowWriter writes export rows in one format.
type rowWriter interface {
	row(r exportRow) error
	flush() error
}

// export serves format=csv|ndjson.
func (s *server) export(w http.ResponseWriter, r *http.Request) error {
	v, req, err := s.request(r)
	if err != nil {
		return err
	}
	limit, err := ExportLimit(v)
	if err != nil {
		return err
	}
	req.HitsOnly, req.Page, req.Size = true, 1, min(search.ExportBatch, limit)
	resp, err := s.searcher.Search(r.Context(), req)
	if err != nil {
		return err
	}
	rw := startExport(w, v.Get("format"), resp.Total, req.Collapse)
	written, complete := 0, true
	for resp != nil {
		n, err := writeRows(rw, s.exportRows(r.Context(), req, resp.Hits), limit-written)
		written += n
		if err != nil {
			s.log.Debug("export cut short: client gone", "err", err)
			return nil // nothing can be sent to a client that has gone
		}
		if resp.NextCursor == "" || written >= limit {
			break
		}
		req.Cursor, req.Size = resp.NextCursor, min(search.ExportBatch, limit-written)
		if resp, err = s.searcher.Search(r.Context(), req); err != nil {
			s.log.Warn("export cut short", "path", r.URL.Path, "rows", written, "err", err)
			complete = false
			break
		}
	}
	w.Header().Set("X-Export-Complete", strconv.FormatBool(complete))
	return nil
}

// startExport sends the headers of an export in format and returns the
// writer of its rows, the CSV header already written.
func startExport(w http.ResponseWriter, format string, total uint64, stories bool) rowWriter {
	h := w.Header()
	h.Set("Trailer", "X-Export-Complete")
	h.Set("X-Total-Count", strconv.FormatUint(total, 10))
	if format == "csv" {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="newsfts-export.csv"`)
		w.WriteHeader(http.StatusOK)
		cw := &csvRows{w: csv.NewWriter(w), rw: w, stories: stories}
		header := csvHeader
		if stories {
			header = append(slices.Clone(csvHeader), storyColumns...)
		}
		cw.w.Write(header)
		return cw
	}
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	return &ndjsonRows{enc: json.NewEncoder(w), rw: w}
}

// exportRows are the rows of hits; a collapsed export's carry their
// stories.
func (s *server) exportRows(ctx context.Context, req *search.Request, hits []search.Hit) []exportRow {
	rows := make([]exportRow, len(hits))
	ss, stories := s.searcher.(storySearcher)
	for i, h := range hits {
		rows[i] = exportRow{ID: h.ID, Title: h.Title, Source: h.Source, Published: h.Published,
			URL: h.URL, People: nonNil(h.People), Orgs: nonNil(h.Orgs), Places: nonNil(h.Places)}
		if req.Collapse && stories {
			sh := s.storyHitOf(ctx, ss, h)
			rows[i].Story, rows[i].Outlets, rows[i].Copies = sh.Story, sh.Outlets, max(len(sh.Copies), 1)
		}
	}
	return rows
}

// writeRows writes at most max rows and flushes them to the client.
func writeRows(rw rowWriter, rows []exportRow, max int) (int, error) {
	n := 0
	for _, r := range rows[:min(len(rows), max)] {
		if err := rw.row(r); err != nil {
			return n, err
		}
		n++
	}
	return n, rw.flush()
}

// csvRows writes CSV.
type csvRows struct {
	w       *csv.Writer
	rw      http.ResponseWriter
	stories bool // the story columns follow
}

func (c *csvRows) row(r exportRow) error {
	published := ""
	if !r.Published.IsZero() {
		published = r.Published.Format(time.RFC3339)
	}
	cells := []string{r.ID, r.Title, r.Source, published, r.URL,
		strings.Join(r.People, csvSep), strings.Join(r.Orgs, csvSep), strings.Join(r.Places, csvSep)}
	if c.stories {
		cells = append(cells, r.Story, strconv.Itoa(r.Outlets), strconv.Itoa(r.Copies))
	}
	for i, c := range cells {
		cells[i] = inertCell(c)
	}
	return c.w.Write(cells)
}

// inertCell keeps a spreadsheet from reading an untrusted cell as a
// formula: a cell that starts with = + - @ or a tab or carriage return gets
// a leading apostrophe, which spreadsheets show as text and do not evaluate.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c *csvRows) flush() error {
	c.w.Flush()
	return flushTo(c.rw, c.w.Error())
}

// ndjsonRows writes one JSON object per line.
type ndjsonRows struct {
	enc *json.Encoder
	rw  http.ResponseWriter
}

func (n *ndjsonRows) row(r exportRow) error { return n.enc.Encode(r) }

func (n *ndjsonRows) flush() error { return flushTo(n.rw, nil) }

// flushTo sends what w holds to the client unless err is set.
func flushTo(w io.Writer, err error) error {
	if err != nil {
		return err
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}
