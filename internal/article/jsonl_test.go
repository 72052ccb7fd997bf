package article

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// line returns a JSON Lines record whose body is n bytes of filler.
func line(id string, n int) string {
	return fmt.Sprintf(`{"id":%q,"body":%q}`, id, strings.Repeat("w", n))
}

func utf16le(t *testing.T, s string) string {
	t.Helper()
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestJSONLinesStream checks that JSON Lines are read record by record: the
// size limit applies to each line, not to the file, and a read error keeps
// the lines before it.
func TestJSONLinesStream(t *testing.T) {
	many := strings.Repeat(line("x", 50)+"\n", 40) // 40 lines, far over the limit together
	exact := 200 - len(line("a", 0))
	tests := []struct {
		name      string
		data      string
		minDocs   int    // documents visited, at least
		maxDocs   int    // and at most
		wantSkips string // skipped origins, sorted, joined by spaces
		wantErr   string // what the first skip's error says
	}{
		{"file over the limit", many, 40, 40, "", ""},
		{"one line over the limit", line("a", 10) + "\n" + line("b", 300) + "\n" + line("c", 10), 2, 2, "f.jsonl:2", "over the size limit"},
		{"last line over the limit, no newline", line("a", 10) + "\n" + line("b", 300), 1, 1, "f.jsonl:2", "over the size limit"},
		{"line of exactly the limit", line("a", exact) + "\n" + line("b", exact), 2, 2, "", ""},
		{"line one byte over", line("a", exact+1) + "\n" + line("b", exact), 1, 1, "f.jsonl:1", "over the size limit"},
		{"CRLF and blank lines", line("a", 5) + "\r\n\r\n" + line("b", 5) + "\r\n", 2, 2, "", ""},
		{"UTF-8 byte order mark", "\ufeff" + line("a", 5), 1, 1, "", ""},
		{"UTF-16 with its mark", utf16le(t, line("a", 5)+"\n"+line("b", 5)), 2, 2, "", ""},
		{"binary", "{\x00\x01\x02", 0, 0, "f.jsonl", "binary"},
		{"truncated gzip keeps earlier lines", truncGz(t, many), 40, 2039, "f.jsonl", "gzip: truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := 0
			var skips, errs []string
			r := &Reader{MaxBytes: 200,
				Visit: func(RawDoc) { docs++ },
				Skip:  func(s Skip) { skips = append(skips, s.Origin); errs = append(errs, s.Err.Error()) },
			}
			r.Stream("f.jsonl", strings.NewReader(tt.data))
			sort.Strings(skips)
			if docs < tt.minDocs || docs > tt.maxDocs || strings.Join(skips, " ") != tt.wantSkips {
				t.Errorf("%d documents, skips %q; want %d to %d and %q", docs, skips, tt.minDocs, tt.maxDocs, tt.wantSkips)
			}
			if tt.wantErr != "" && (len(errs) == 0 || !strings.Contains(errs[0], tt.wantErr)) {
				t.Errorf("errors %q, want one mentioning %q", errs, tt.wantErr)
			}
		})
	}
}

// truncGz gzips data followed by 2000 more lines and cuts the result
// short, past data's lines.
func truncGz(t *testing.T, data string) string {
	t.Helper()
	z := gz(t, data+strings.Repeat(line("y", 150)+"\n", 2000))
	return string(bytes.Clone(z[:len(z)*3/4]))
}
