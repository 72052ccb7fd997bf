package story

// Spill: articles waiting to be grouped, kept out of the heap.
//
// A run adds every article before it groups any (Assign takes them
// earliest first), so the signatures and sketches of the whole run used to
// sit in the Go heap while the index was built: 650 bytes an article, 790
// MB at 64x Reuters. The collector marks that heap again at every cycle,
// and its share of the indexer's CPU grew with the corpus: 7% at 4x, 17%
// at 16x, 37% at 64x. A Spill writes each article to an unlinked temporary
// file as it comes, which costs the page cache, not the heap, and gives
// them back, in the order they came, when the run groups them.
//
// A record is the member's fields, lengths as uvarints and numbers little
// endian: id, source, published (time.MarshalBinary, empty when zero),
// shingles, the signature's Hashes values, then a sketch flag and, if
// set, the sketch's Words, Slots and Names, each a count and its values.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Spill is a queue of Members in a temporary file.
type Spill struct {
	f   *os.File
	w   *bufio.Writer
	buf []byte
	n   int
}

// NewSpill returns an empty Spill whose file lives in dir (os.TempDir
// when ""). The file is unlinked at once, so nothing is left behind
// whatever becomes of the process.
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, ".newsfts-spill-*")
	if err != nil {
		return nil, fmt.Errorf("story spill: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("story spill: %w", err)
	}
	return &Spill{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// Len returns the number of Members put since the last Drain.
func (sp *Spill) Len() int { return sp.n }

// Put appends m, which must have a signature.
func (sp *Spill) Put(m *Member) error {
	b := sp.buf[:0]
	b = appendString(b, m.ID)
	b = appendString(b, m.Source)
	var date []byte
	if !m.Published.IsZero() {
		date, _ = m.Published.MarshalBinary()
	}
	b = appendString(b, string(date))
	b = binary.AppendUvarint(b, uint64(max(m.Shingles, 0)))
	for _, h := range m.Sig {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	if m.Sketch == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = appendU32s(b, m.Sketch.Words)
		b = binary.AppendUvarint(b, uint64(len(m.Sketch.Slots)))
		for _, v := range m.Sketch.Slots {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
		b = appendU32s(b, m.Sketch.Names)
	}
	sp.buf = b
	sp.n++
	if _, err := sp.w.Write(b); err != nil {
		return fmt.Errorf("story spill: %w", err)
	}
	return nil
}

// Drain calls f with every Member put, in order, and empties the Spill.
func (sp *Spill) Drain(f func(Member)) error {
	if err := sp.w.Flush(); err != nil {
		return fmt.Errorf("story spill: %w", err)
	}
	if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("story spill: %w", err)
	}
	r := bufio.NewReaderSize(sp.f, 1<<20)
	for range sp.n {
		m, err := readMember(r)
		if err != nil {
			return fmt.Errorf("story spill: %w", err)
		}
		f(m)
	}
	sp.n = 0
	if err := sp.f.Truncate(0); err != nil {
		return fmt.Errorf("story spill: %w", err)
	}
	_, err := sp.f.Seek(0, io.SeekStart)
	sp.w.Reset(sp.f)
	return err
}

// Close lets the file go.
func (sp *Spill) Close() error { return sp.f.Close() }

// readMember reads one record that Put wrote.
func readMember(r *bufio.Reader) (m Member, err error) {
	var date string
	for _, s := range []*string{&m.ID, &m.Source, &date} {
		if *s, err = readString(r); err != nil {
			return m, err
		}
	}
	if date != "" {
		if err := m.Published.UnmarshalBinary([]byte(date)); err != nil {
			return m, err
		}
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return m, err
	}
	m.Shingles = int(min(n, 1<<31-1))
	var raw [4 * Hashes]byte
	if _, err := io.ReadFull(r, raw[:]); err != nil {
		return m, err
	}
	m.Sig = new(Signature)
	for i := range m.Sig {
		m.Sig[i] = binary.LittleEndian.Uint32(raw[4*i:])
	}
	flag, err := r.ReadByte()
	if err != nil || flag == 0 {
		return m, err
	}
	m.Sketch, err = readSketch(r)
	return m, err
}

// readSketch reads a sketch's three lists.
func readSketch(r *bufio.Reader) (*Sketch, error) {
	sk := &Sketch{}
	var err error
	if sk.Words, err = readU32s(r); err != nil {
		return nil, err
	}
	n, err := readCount(r)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		sk.Slots = make([]uint64, n)
		var x [8]byte
		for i := range sk.Slots {
			if _, err := io.ReadFull(r, x[:]); err != nil {
				return nil, err
			}
			sk.Slots[i] = binary.LittleEndian.Uint64(x[:])
		}
	}
	sk.Names, err = readU32s(r)
	return sk, err
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendU32s(b []byte, xs []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(xs)))
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return b
}

// maxSpilled bounds a length read back, against a damaged file.
const maxSpilled = 1 << 24

// readCount reads a length.
func readCount(r *bufio.Reader) (int, error) {
	n, err := binary.ReadUvarint(r)
	if err == nil && n > maxSpilled {
		err = errors.New("length out of range")
	}
	return int(n), err
}

func readString(r *bufio.Reader) (string, error) {
	n, err := readCount(r)
	if err != nil || n == 0 {
		return "", err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return string(b), err
}

func readU32s(r *bufio.Reader) ([]uint32, error) {
	n, err := readCount(r)
	if err != nil || n == 0 {
		return nil, err
	}
	xs := make([]uint32, n)
	var x [4]byte
	for i := range xs {
		if _, err := io.ReadFull(r, x[:]); err != nil {
			return nil, err
		}
		xs[i] = binary.LittleEndian.Uint32(x[:])
	}
	return xs, nil
}
