package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
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

// jsonStream visits one RawDoc per line read from br, holding one line at
// a time: a JSON Lines file of any size is read in bounded memory. A broken
// line, or one over the size limit, is skipped with its line number and the
// others are kept; a read error (a truncated gzip stream) ends the file with
// a skip of the file, after the lines read before it. what starts read
// errors.
func (r *Reader) jsonStream(origin, name string, br *bufio.Reader, what string) {
	br, err := utf8Lines(br)
	if err != nil {
		r.skip(origin, err)
		return
	}
	var buf []byte
	for n := 1; ; n++ {
		line, long, err := readLine(br, buf[:0], r.maxBytes())
		buf = line
		if err != nil && err != io.EOF {
			r.skip(origin, fmt.Errorf("%s: line %d: %w", what, n, err))
			return
		}
		r.jsonLine(origin, name, n, line, long)
		if err == io.EOF {
			return
		}
	}
}

// jsonLine visits the document of line n, or skips it.
func (r *Reader) jsonLine(origin, name string, n int, line []byte, long bool) {
	where := origin + ":" + strconv.Itoa(n)
	if long {
		r.skip(where, fmt.Errorf("line over %d bytes: %w", r.maxBytes(), ErrTooLarge))
		return
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return
	}
	doc, err := parseLine(where, line)
	if err != nil {
		r.skip(where, err)
		return
	}
	if doc.ID = doc.Fields.ID; doc.ID == "" {
		doc.ID = LineID(name, n)
	}
	r.Visit(doc)
}

// utf8Lines returns br reading UTF-8: past a UTF-8 byte order mark, or
// decoding UTF-16 that starts with its own. It fails on binary content.
func utf8Lines(br *bufio.Reader) (*bufio.Reader, error) {
	head, _ := br.Peek(headSize)
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE):
		br = bufio.NewReaderSize(transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), readBuffer)
	case bytes.HasPrefix(head, bomUTF16BE):
		br = bufio.NewReaderSize(transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), readBuffer)
	}
	if head, _ = br.Peek(headSize); looksBinary(head) {
		return nil, ErrBinary
	}
	return br, nil
}

// readLine appends the next line of br (without its newline) to buf and
// returns it. A line longer than limit is read to its end but not kept:
// long is true. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte, limit int64) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long && int64(len(buf)+len(chunk)) <= limit+1 { // +1: the newline
			buf = append(buf, chunk...)
		} else {
			long, buf = true, buf[:0]
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		return buf, long || int64(len(buf)) > limit, err
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
