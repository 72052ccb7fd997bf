package article

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
)

// maxIDLen bounds generated ids; longer slugs end in a hash of the whole.
const maxIDLen = 96

// FileID makes the id of a file read from a source: the path relative to
// the walked directory (or the base name of a file named directly), without
// its extensions, lower-cased, with every run of other characters than
// ASCII letters and digits turned into one '-'. "seeds/text/Isi-Hub.txt.gz"
// walked from "seeds" is "text-isi-hub". Ids are stable across runs as long
// as files keep their place, which incremental re-indexing relies on.
func FileID(rel string) string {
	rel = filepath.ToSlash(rel)
	for ext := filepath.Ext(rel); ext != "" && FormatOf("x"+ext) != "" || ext == ".gz"; ext = filepath.Ext(rel) {
		rel = strings.TrimSuffix(rel, ext)
	}
	return Slug(rel)
}

// LineID is the id of a JSON Lines article that gives none: its file's id
// and its line number.
func LineID(rel string, line int) string {
	return FileID(rel) + "-" + strconv.Itoa(line)
}

// Slug reduces s to lower-case ASCII letters and digits separated by single
// dashes, at most maxIDLen bytes long.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	out := b.String()
	if out == "" {
		out = "doc"
	}
	if len(out) > maxIDLen {
		sum := sha256.Sum256([]byte(s))
		out = strings.TrimRight(out[:maxIDLen-13], "-") + "-" + hex.EncodeToString(sum[:6])
	}
	return out
}
