package article

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16 with its byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(s))...) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

func TestCharsets(t *testing.T) {
	const prose = "The café on Rue Neuve raised its prices to 3 € a cup — regulars shrugged."
	// cp1252 is prose in Windows-1252: é = 0xE9, € = 0x80, — = 0x97.
	cp1252 := "The caf\xe9 on Rue Neuve raised its prices to 3 \x80 a cup \x97 regulars shrugged."
	latin1 := "The caf\xe9 on Rue Neuve raised its prices, the na\xefve regulars shrugged."
	tests := []struct {
		name, file string
		data       []byte
		want       string // must appear in the decoded data
		format     Format
	}{
		{"utf-16 le text", "le.txt", utf16Bytes(prose, false), prose, Text},
		{"utf-16 be text", "be.txt", utf16Bytes(prose, true), prose, Text},
		{"utf-16 le html detected", "le", utf16Bytes("<html><body><p>"+prose+"</p></body></html>", false), prose, HTML},
		{"utf-8 bom dropped", "bom.txt", append([]byte{0xef, 0xbb, 0xbf}, prose...), prose, Text},
		{"windows-1252 meta charset", "w.html", []byte(`<html><head><meta charset="windows-1252"></head><body><p>` + cp1252 + `</p></body></html>`), prose, HTML},
		{"iso-8859-1 http-equiv", "l.html", []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>` + latin1 + `</p></body></html>`), "café on Rue Neuve raised its prices, the naïve", HTML},
		{"undeclared html is windows-1252", "u.html", []byte(`<html><body><p>` + cp1252 + `</p></body></html>`), prose, HTML},
		{"utf-8 page with a stale latin-1 declaration", "s.html", []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>` + prose + `</p></body></html>`), prose, HTML},
		{"windows-1252 text dump", "d.txt", []byte("Headline\n\n" + cp1252 + "\n"), prose, Text},
		{"invalid utf-8 that is not 1252 stays", "x.txt", []byte("caf\x81\x8d\x90 noise"), "caf\x81\x8d\x90 noise", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []RawDoc
			r := &Reader{Visit: func(d RawDoc) { got = append(got, d) }, Skip: func(s Skip) { t.Errorf("skip %v", s) }}
			r.Stream(tt.file, bytes.NewReader(tt.data))
			if len(got) != 1 {
				t.Fatalf("got %d docs", len(got))
			}
			if got[0].Format != tt.format {
				t.Errorf("format = %s, want %s", got[0].Format, tt.format)
			}
			if !strings.Contains(string(got[0].Data), tt.want) {
				t.Errorf("data = %q, want it to hold %q", got[0].Data, tt.want)
			}
			if utf8.Valid([]byte(tt.want)) && !utf8.Valid(got[0].Data) {
				t.Errorf("data is not valid UTF-8: %q", got[0].Data)
			}
		})
	}
}

func TestPlausible1252(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{"caf\xe9 cr\xe8me", true},
		{"\xe9\xe9\xe9\xe9 x", false}, // mostly high bytes: not prose
		{"undefined \x81 byte", false},
		{"", true},
	}
	for _, tt := range tests {
		if got := plausible1252([]byte(tt.data)); got != tt.want {
			t.Errorf("plausible1252(%q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}
