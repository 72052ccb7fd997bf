package article

// Reading sources.
//
// A source is a file, a directory or standard input. Directories are walked
// in lexical order without following symbolic links to directories (so a
// link loop cannot trap the walk); inside them only files whose names say
// they are an input format are read: .txt, .text, .html, .htm, .jsonl,
// .ndjson, each optionally followed by .gz. A file named on the command
// line is read whatever its name, its format detected from its content.
// Gzip is recognised by its magic bytes, not only by the name. In a
// directory only regular files are opened: a FIFO or device named like an
// input would block or never end, and is a Skip. Every input is decoded to
// UTF-8 before it is dispatched (see charset.go).
//
// Every input that cannot be read becomes a Skip with the reason; reading
// goes on. A JSON Lines file yields one RawDoc per line, and a broken line is
// a Skip naming its line number while the good lines are kept.
//
// Memory: JSON Lines are streamed (through gzip) one line at a time, so a
// file of any size is read in memory bounded by one line; MaxBytes limits
// each line, and a longer line is a Skip. A text or HTML page is one
// document, read whole and limited to MaxBytes. The format is told from
// the name or from the first 8 KiB, before anything is read whole.
//
// Incremental runs: when Changed is set, each file is first hashed as it
// is stored (SHA-256 of its bytes, before decompression) and handed to
// Changed with its path; a file Changed calls known is neither
// decompressed nor parsed. The file is read a second time only when it
// changed, which the page cache makes cheap.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes is the default limit on the (decompressed) size of one
// text or HTML input, or of one JSON Lines record.
const DefaultMaxBytes = 32 << 20

// Errors that a Skip wraps, for callers that group skips by reason.
var (
	ErrTooLarge   = errors.New("input over the size limit (raise -max-bytes to read it)")
	ErrBinary     = errors.New("binary content, not text, HTML or JSON Lines")
	ErrUnreadable = errors.New("unreadable")
)

// Sum is the SHA-256 of a file's bytes as stored.
type Sum [sha256.Size]byte

// Reader reads sources into RawDocs, one file at a time; it is not safe
// for concurrent use.
type Reader struct {
	MaxBytes int64        // largest page, or JSON Lines record, after decompression; 0 = DefaultMaxBytes
	Format   Format       // force a format; "" detects it
	Visit    func(RawDoc) // called for each document read
	Skip     func(Skip)   // called for each input that was not read

	// Changed, when set, is called with each file's path and Sum before
	// the file is decompressed or parsed; the file is read only if it
	// returns true. Standard input is never hashed.
	Changed func(path string, sum Sum) bool
	// Stop, when set, is asked before each file; once it returns true no
	// more files are opened (a caller that has learnt what it needed).
	Stop func() bool

	buf []byte // hashing buffer, reused from file to file
}

// Skip is an input that was not read, and why.
type Skip struct {
	Origin string // path, or "path:line"
	Err    error
}

// Paths reads each path: a directory is walked, a file is read.
func (r *Reader) Paths(paths []string) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			r.skip(p, err)
			continue
		}
		if info.IsDir() {
			r.walk(p)
			continue
		}
		r.file(p, filepath.Base(p))
	}
}

// Stream reads one input from rd, named name for messages ("-" for stdin).
func (r *Reader) Stream(name string, rd io.Reader) {
	r.input(name, name, rd)
}

func (r *Reader) walk(root string) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			r.skip(path, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || FormatOf(path) == "" {
			return nil
		}
		switch t := d.Type(); {
		case t&fs.ModeSymlink != 0:
			if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
				r.skip(path, fmt.Errorf("symbolic link to something that is not a readable file"))
				return nil
			}
		case !t.IsRegular():
			// A FIFO or device would block or never end: only files named
			// on the command line are read whatever they are.
			r.skip(path, fmt.Errorf("%w: not a regular file (%v)", ErrUnreadable, t))
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		r.file(path, rel)
		return nil
	})
	if err != nil {
		r.skip(root, err)
	}
}

// file reads the file at path; rel is the name its id is made from.
func (r *Reader) file(path, rel string) {
	if r.Stop != nil && r.Stop() {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		r.skip(path, err)
		return
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > r.maxBytes() && r.wholeFile(rel) && !strings.HasSuffix(path, ".gz") {
		r.skip(path, fmt.Errorf("file is %d bytes, %w", info.Size(), ErrTooLarge))
		return
	}
	if r.Changed != nil {
		changed, err := r.changed(f, path)
		if err != nil || !changed {
			if err != nil {
				r.skip(path, err)
			}
			return
		}
	}
	r.input(path, rel, f)
}

// changed hashes f, asks r.Changed, and rewinds f when it must be read.
func (r *Reader) changed(f *os.File, path string) (bool, error) {
	h := sha256.New()
	if r.buf == nil {
		r.buf = make([]byte, 64<<10)
	}
	// The struct hides f's WriteTo, which would allocate a buffer per file.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, r.buf); err != nil {
		return false, fmt.Errorf("read: %w", err)
	}
	var sum Sum
	h.Sum(sum[:0])
	if !r.Changed(path, sum) {
		return false, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, fmt.Errorf("read: %w", err)
	}
	return true, nil
}

// wholeFile reports whether the format forced or named by a file's name is
// one read whole, so that the file's size can be checked before reading.
func (r *Reader) wholeFile(name string) bool {
	f := r.Format
	if f == "" {
		f = FormatOf(name)
	}
	return f == Text || f == HTML
}

// input reads one input from rd: JSON Lines record by record, any other
// format whole. name is the file's name relative to its source, for the
// format and the id.
func (r *Reader) input(origin, name string, rd io.Reader) {
	src, what, done, err := gunzip(rd)
	if err != nil {
		r.skip(origin, err)
		return
	}
	defer done()
	br := bufio.NewReaderSize(src, readBuffer)
	head, err := br.Peek(headSize)
	if err != nil && err != io.EOF {
		r.skip(origin, fmt.Errorf("%s: %w", what, err))
		return
	}
	if r.formatOf(name, head) == JSONL {
		r.jsonStream(origin, name, br, what)
		return
	}
	data, err := r.readAll(br, what)
	if err != nil {
		r.skip(origin, err)
		return
	}
	r.dispatch(origin, name, data)
}

// formatOf returns the format of an input: forced, named, or detected
// from head, its first bytes.
func (r *Reader) formatOf(name string, head []byte) Format {
	if r.Format != "" {
		return r.Format
	}
	if f := FormatOf(name); f != "" {
		return f
	}
	if h, err := decodeBOM(head[:len(head)&^1]); err == nil {
		return Detect(h)
	}
	return Detect(head)
}

// dispatch hands data, a whole text or HTML input, to Visit; name is the
// file's name relative to its source, for the format and the id.
func (r *Reader) dispatch(origin, name string, data []byte) {
	data, err := decodeBOM(data)
	if err != nil {
		r.skip(origin, fmt.Errorf("decode UTF-16: %w", err))
		return
	}
	format := r.Format
	if format == "" {
		format = FormatOf(name)
	}
	if format == "" {
		format = Detect(data)
	}
	if looksBinary(data) {
		r.skip(origin, ErrBinary)
		return
	}
	data, _ = toUTF8(data, format)
	r.Visit(RawDoc{ID: FileID(name), Origin: origin, Format: format, Data: data})
}

// Sizes of the reading buffer and of the head read to tell the format.
const (
	readBuffer = 64 << 10
	headSize   = 8 << 10
)

// gunzip returns rd, decompressed when it starts with gzip's magic bytes,
// the words that start its read errors, and a function that releases it.
func gunzip(rd io.Reader) (src io.Reader, what string, done func(), err error) {
	br := bufio.NewReaderSize(rd, readBuffer)
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return br, "read", func() {}, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, "", nil, fmt.Errorf("gzip: %w", err)
	}
	return zr, "gzip: truncated or corrupt", func() { zr.Close() }, nil
}

// readAll reads all of src and fails when it is over the limit; what
// starts its read errors.
func (r *Reader) readAll(src io.Reader, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(src, r.maxBytes()+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if int64(len(data)) > r.maxBytes() {
		return nil, fmt.Errorf("more than %d bytes: %w", r.maxBytes(), ErrTooLarge)
	}
	return data, nil
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

func (r *Reader) skip(origin string, err error) {
	if r.Skip != nil {
		r.Skip(Skip{Origin: origin, Err: err})
	}
}

// FormatOf returns the format a file name says, or "" when it says none.
func FormatOf(name string) Format {
	name = strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson":
		return JSONL
	}
	return ""
}

// Detect guesses the format of data from its first bytes.
func Detect(data []byte) Format {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		return JSONL
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		bytes.Contains(lower, []byte("<head")), bytes.Contains(lower, []byte("<body")),
		bytes.HasPrefix(head, []byte("<")) && bytes.Contains(lower, []byte("</")):
		return HTML
	}
	return Text
}

// looksBinary reports whether data holds NUL bytes early on, as binary files
// do and text in any ASCII-compatible encoding does not.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}
