package article

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzJSONLines feeds arbitrary bytes to the JSON Lines reader: it must not
// panic, each line is either one document or one skip naming its line, and
// nothing it yields is larger than its input. Run it with
// `go test -run=^$ -fuzz=FuzzJSONLines ./internal/article`.
func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"id":"a1","title":"Dam opens","body":"The new dam opened on Monday.","published":"2026-03-02"}` + "\n"))
	f.Add([]byte(`{"id":7,"text":"<p>two</p>","date":"2025-01-02","people":["Ana Lima"]}` + "\n{broken\n\n" + `{"title":"only a title"}`))
	f.Add([]byte(`{"id":{"x":1},"body":"b"}` + "\r\n" + `{"body":"caf\xe9 \u00e9 \ud800"}`))
	f.Add(utf16Bytes(`{"id":"u","body":"sixteen bits"}`, false))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		var docs, skips int
		r := &Reader{Format: JSONL,
			Visit: func(d RawDoc) {
				docs++
				if len(d.Data) > 3*len(data)+8 {
					t.Fatalf("body of %d bytes from %d bytes of input", len(d.Data), len(data))
				}
				if d.Fields == nil || d.ID == "" {
					t.Fatalf("document without fields or id: %+v", d)
				}
			},
			Skip: func(Skip) { skips++ },
		}
		r.Stream("f.jsonl", bytes.NewReader(data))
		if docs+skips > lines {
			t.Fatalf("%d docs and %d skips from %d lines", docs, skips, lines)
		}
	})
}

// FuzzDecode feeds arbitrary bytes through the reader's decoding as text and
// as HTML: no panic, valid UTF-8 out whenever the decoder claims an encoding,
// and at most three bytes out per byte in (the widest single-byte decoding).
func FuzzDecode(f *testing.F) {
	f.Add([]byte("The caf\xe9 costs 3 \x80."), false)
	f.Add([]byte(`<meta charset="iso-8859-1"><p>na\xefve</p>`), true)
	f.Add([]byte(`<meta http-equiv="content-type" content="text/html;charset=shift_jis"><p>\x82\xa0</p>`), true)
	f.Add(utf16Bytes("wide text", true), false)
	f.Add([]byte{0xff, 0xfe, 0x00}, true)
	f.Fuzz(func(t *testing.T, data []byte, html bool) {
		format := Text
		if html {
			format = HTML
		}
		out, err := decodeBOM(data)
		if err != nil {
			return
		}
		if len(out) > 3*len(data) {
			t.Fatalf("BOM decoding grew %d bytes to %d", len(data), len(out))
		}
		in := out
		out, enc := toUTF8(in, format)
		if enc != "" && !utf8.Valid(out) {
			t.Fatalf("decoded as %s into invalid UTF-8: %q", enc, out)
		}
		if len(out) > 3*len(in)+3 {
			t.Fatalf("decoding as %s grew %d bytes to %d", enc, len(in), len(out))
		}
	})
}
