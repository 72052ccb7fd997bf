package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// jsonLine is one JSON Lines article. Unknown fields are ignored.
type jsonLine struct {
	ID        flexString `json:"id"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Text      string     `json:"text"` // alternative name for body
	Published string     `json:"published"`
	Date      string     `json:"date"` // alternative name for published
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	Byline    string     `json:"byline"`
	Section   string     `json:"section"`
	People    []string   `json:"people"`
	Orgs      []string   `json:"orgs"`
	Places    []string   `json:"places"`
}

// flexString accepts a JSON string or number, since ids come as both.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return errors.New("id must be a string or a number")
	}
	*f = flexString(n.String())
	return nil
}

// jsonLines visits one RawDoc per line of data; a broken line is skipped
// with its line number and the others are kept.
func (r *Reader) jsonLines(origin, name string, data []byte) {
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		where := origin + ":" + strconv.Itoa(n)
		doc, err := parseLine(where, line)
		if err != nil {
			r.skip(where, err)
			continue
		}
		if doc.ID = doc.Fields.ID; doc.ID == "" {
			doc.ID = LineID(name, n)
		}
		r.Visit(doc)
	}
}

func parseLine(where string, line []byte) (RawDoc, error) {
	var l jsonLine
	if err := json.Unmarshal(line, &l); err != nil {
		return RawDoc{}, fmt.Errorf("not a JSON object: %w", err)
	}
	body := firstNonEmpty(l.Body, l.Text)
	if strings.TrimSpace(body) == "" && strings.TrimSpace(l.Title) == "" {
		return RawDoc{}, errors.New(`no "body" or "text" and no "title"`)
	}
	format := Text
	if looksLikeHTML(body) {
		format = HTML
	}
	return RawDoc{
		Origin: where,
		Format: format,
		Data:   []byte(body),
		Fields: &Fields{
			ID: string(l.ID), Title: l.Title, Published: firstNonEmpty(l.Published, l.Date),
			URL: l.URL, Source: l.Source, Byline: l.Byline, Section: l.Section,
			People: l.People, Orgs: l.Orgs, Places: l.Places,
		},
	}, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// looksLikeHTML reports whether a JSON Lines body holds markup rather than
// text: a paragraph, break or block tag, or a closing tag.
func looksLikeHTML(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	s = strings.ToLower(s)
	for _, tag := range []string{"<p>", "<p ", "<br", "<div", "</p>", "</a>", "<html", "<article"} {
		if strings.Contains(s, tag) {
			return true
		}
	}
	return false
}
