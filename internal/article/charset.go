package article

// Character sets.
//
// Everything after the reader is UTF-8, so the reader decodes each input
// before it is dispatched:
//
//   - A byte order mark decides: UTF-8, UTF-16 LE or UTF-16 BE. UTF-16 is
//     decoded before the binary check, since its ASCII halves are NUL bytes.
//   - Bytes that are valid UTF-8 stay as they are, whatever a page declares:
//     scraped pages are often saved as UTF-8 with their original meta
//     charset left in, and text in a legacy encoding is almost never valid
//     UTF-8 by accident (é in Windows-1252 is a lone 0xE9).
//   - HTML that is not valid UTF-8 is decoded as its <meta charset> or
//     http-equiv Content-Type says, found by the HTML5 prescan of
//     golang.org/x/net/html/charset; with no declaration it is read as
//     Windows-1252, the web's default and a superset of ISO-8859-1.
//   - A text dump that is not valid UTF-8 is read as Windows-1252 when that
//     yields plausible text (few bytes above 0x7F and none of the five bytes
//     Windows-1252 leaves undefined); else it is left to the cleaners, which
//     replace the bad bytes with U+FFFD.
//
// golang.org/x/net/html/charset is used rather than x/text alone because it
// owns the WHATWG prescan and label table (so "latin1", "iso-8859-1" and
// "cp1252" all name Windows-1252, as browsers do); it is part of x/net,
// which the HTML parser already comes from.

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decodeBOM decodes UTF-16 input that starts with its byte order mark and
// drops a UTF-8 one; other input is returned as it is.
func decodeBOM(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):], nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
	}
	return data, nil
}

// toUTF8 decodes data of the given format into UTF-8 as the file comment
// says; it returns the name of the encoding it decoded, or "" when data
// was left as it was.
func toUTF8(data []byte, format Format) ([]byte, string) {
	if utf8.Valid(data) {
		return data, ""
	}
	switch format {
	case HTML:
		enc, name, _ := charset.DetermineEncoding(data, "text/html")
		if enc == encoding.Nop || name == "utf-8" {
			return data, ""
		}
		if out, err := decodeWith(enc, data); err == nil {
			return out, name
		}
	case Text:
		if plausible1252(data) {
			if out, err := decodeWith(charmap.Windows1252, data); err == nil {
				return out, "windows-1252"
			}
		}
	}
	return data, ""
}

// plausible1252 reports whether data reads as Windows-1252 text: at most
// one byte in five above 0x7F, and none of the bytes it leaves undefined.
func plausible1252(data []byte) bool {
	high := 0
	for _, b := range data {
		switch {
		case b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d:
			return false
		case b >= 0x80:
			high++
		}
	}
	return high*5 <= len(data)
}

func decodeWith(enc encoding.Encoding, data []byte) ([]byte, error) {
	return enc.NewDecoder().Bytes(data)
}
