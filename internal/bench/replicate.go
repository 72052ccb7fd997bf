package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Corpus describes a JSON Lines corpus file.
type Corpus struct {
	Path  string // the file, gzipped or not
	Lines int    // non-blank lines: the articles it holds
	Bytes int64  // size after decompression
}

// maxLine bounds one line of a corpus.
const maxLine = 16 << 20

// Shift is how far each replica's dates move from the previous one's:
// a little more than the span of Reuters-21578 (February to October
// 1987), so that the replicas lay end to end like a longer archive.
const Shift = 240 * 24 * time.Hour

// Count reads a corpus file and returns its size in lines and bytes.
func Count(path string) (Corpus, error) {
	c := Corpus{Path: path}
	err := EachLine(path, func(line []byte) error {
		c.Lines++
		c.Bytes += int64(len(line)) + 1
		return nil
	})
	return c, err
}

// Replicate writes k copies of the corpus at src to dst as gzipped JSON
// Lines. Copy 0 is the corpus as it is; copy r > 0 has "-rR" appended to
// each id, two adjacent title words swapped (which pair depends on r) and
// its date moved r*Shift later. Other fields are kept.
func Replicate(src, dst string, k int) (Corpus, error) {
	out := Corpus{Path: dst}
	f, err := os.Create(dst)
	if err != nil {
		return out, fmt.Errorf("replicate: %w", err)
	}
	defer f.Close()
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	bw := bufio.NewWriterSize(zw, 1<<20)
	for r := 0; r < k; r++ {
		n := 0
		err := EachLine(src, func(line []byte) error {
			n++
			if r > 0 {
				if line, err = perturb(line, r); err != nil {
					return fmt.Errorf("line %d: %w", n, err)
				}
			}
			out.Lines++
			out.Bytes += int64(len(line)) + 1
			bw.Write(line)
			return bw.WriteByte('\n')
		})
		if err != nil {
			return out, fmt.Errorf("replicate %s copy %d: %w", src, r, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return out, fmt.Errorf("replicate: %w", err)
	}
	if err := zw.Close(); err != nil {
		return out, fmt.Errorf("replicate: %w", err)
	}
	return out, f.Close()
}

// perturb returns copy r of one JSON Lines article.
func perturb(line []byte, r int) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	edit := func(key string, f func(string) string) {
		var s string
		if raw, ok := m[key]; ok && json.Unmarshal(raw, &s) == nil {
			m[key], _ = json.Marshal(f(s))
		}
	}
	var id any
	if json.Unmarshal(m["id"], &id) == nil && id != nil {
		m["id"], _ = json.Marshal(fmt.Sprint(id) + "-r" + strconv.Itoa(r))
	}
	edit("title", func(s string) string { return swapWords(s, r) })
	for _, key := range []string{"date", "published"} {
		edit(key, func(s string) string { return shiftDate(s, time.Duration(r)*Shift) })
	}
	return json.Marshal(m)
}

// swapWords swaps words r mod (n-1) and the one after it.
func swapWords(s string, r int) string {
	w := strings.Fields(s)
	if len(w) < 2 {
		return s
	}
	i := r % (len(w) - 1)
	w[i], w[i+1] = w[i+1], w[i]
	return strings.Join(w, " ")
}

// shiftDate moves an RFC 3339 time by d; other text is kept.
func shiftDate(s string, d time.Duration) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Add(d).Format(time.RFC3339)
}

// EachLine calls f with each non-blank line of a corpus file, which may be
// gzipped. The line is only valid during the call.
func EachLine(path string, f func([]byte) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	br := bufio.NewReaderSize(file, 1<<20)
	var rd io.Reader = br
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		rd = zr
	}
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			if err := f(line); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
