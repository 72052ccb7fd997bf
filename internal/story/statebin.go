package story

// The binary state (version 2).
//
// Version 1 was JSON: readable, but about 430 bytes an article, built in
// one []byte of twice the final size and parsed field by field, which took
// seconds for a few hundred thousand articles; searchd parsed every
// signature only to learn that it was there. Version 2 is laid out for the
// two readers: Decode, which needs everything, and DecodeGroups, which
// needs only ids, stories, sources and dates. Every section says its
// length first, so a reader skips what it does not need:
//
//	"newsfts stories\x00" uvarint(2)
//	threshold: float64 bits, little-endian; window: varint seconds
//	sources:  uvarint count, then each as uvarint length and bytes
//	reps:     uvarint count, uvarint section length, then each as
//	          string story, flags, [date], uvarint shingles
//	members:  uvarint count, uvarint section length, then each as
//	          string id, story (uvarint 0: its own id, else length+1 and
//	          bytes), uvarint source (0: none, else index+1), flags,
//	          [date], uvarint shingles
//	sigs:     uvarint length, then Hashes little-endian uint32 for each rep
//	          and then each member, in the order above
//	sketches: uvarint length, then for each rep and member whose flags
//	          say it has one, its words, names and figure slots, each as
//	          uvarint count and the values, little-endian
//
// A date (flag 2) is the seconds since the Unix epoch as a varint
// difference from the previous date written, the nanoseconds as uvarint
// and the zone offset in seconds as varint. Members are written founders
// first (those whose story is their own id), then the others, each part
// earliest-published first: dates then differ little from one to the
// next, Encode is deterministic, and a reader meets each story's founder
// before its copies. Only the representatives whose founder is gone or
// changed are written as reps; the others are their founders' signature.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
)

// stateMagic starts a binary state; a JSON one starts with '{'.
const stateMagic = "newsfts stories\x00"

// binVersion is the version of the binary layout.
const binVersion = 2

// Flags of a rep or member.
const (
	flagSketch = 1 << iota
	flagDated
)

// sigBytes is the size of an encoded signature.
const sigBytes = Hashes * 4

// isBinary reports whether b is a binary state.
func isBinary(b []byte) bool { return bytes.HasPrefix(b, []byte(stateMagic)) }

// encodeBinary writes reps and members (founders first, see above).
func encodeBinary(dst io.Writer, threshold float64, window time.Duration, reps []*rep, members []*Member) error {
	w := stateWriter{sources: map[string]uint64{}}
	for _, r := range reps {
		w.rep(r)
	}
	for _, m := range members {
		w.member(m)
	}
	var meta binWriter
	meta.b = append(meta.b, stateMagic...)
	meta.uvarint(binVersion)
	meta.b = binary.LittleEndian.AppendUint64(meta.b, math.Float64bits(threshold))
	meta.varint(int64(window / time.Second))
	meta.uvarint(uint64(len(w.sourceList)))
	for _, s := range w.sourceList {
		meta.str(s)
	}
	meta.section(len(reps), w.reps.b)
	meta.section(len(members), w.members.b)
	out := bufio.NewWriterSize(dst, 1<<20)
	out.Write(meta.b)
	var buf []byte
	buf = binary.AppendUvarint(buf[:0], uint64((len(reps)+len(members))*sigBytes))
	out.Write(buf)
	for _, r := range reps {
		out.Write(appendSig(buf[:0], r.sig))
	}
	for _, m := range members {
		out.Write(appendSig(buf[:0], m.Sig))
	}
	out.Write(binary.AppendUvarint(buf[:0], uint64(len(w.sketches.b))))
	out.Write(w.sketches.b)
	return out.Flush() // a bufio.Writer keeps its first error
}

// stateWriter writes the sections of a binary state but the signatures.
type stateWriter struct {
	reps, members, sketches binWriter
	sources                 map[string]uint64 // source -> index in sourceList
	sourceList              []string
	prev                    int64 // seconds of the last date written
}

func (w *stateWriter) rep(r *rep) {
	w.reps.str(r.id)
	w.reps.flagsAndDate(r.sketch != nil, r.published, &w.prev)
	w.reps.uvarint(uint64(max(r.shingles, 0)))
	w.sketches.sketch(r.sketch)
}

func (w *stateWriter) member(m *Member) {
	w.members.str(m.ID)
	if m.Story == m.ID {
		w.members.uvarint(0)
	} else {
		w.members.uvarint(uint64(len(m.Story)) + 1)
		w.members.b = append(w.members.b, m.Story...)
	}
	src := uint64(0)
	if m.Source != "" {
		i, ok := w.sources[m.Source]
		if !ok {
			i = uint64(len(w.sourceList))
			w.sources[m.Source] = i
			w.sourceList = append(w.sourceList, m.Source)
		}
		src = i + 1
	}
	w.members.uvarint(src)
	w.members.flagsAndDate(m.Sketch != nil, m.Published, &w.prev)
	w.members.uvarint(uint64(max(m.Shingles, 0)))
	w.sketches.sketch(m.Sketch)
}

func appendSig(b []byte, sig *Signature) []byte {
	for _, v := range sig {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// binWriter appends the pieces of a binary state.
type binWriter struct{ b []byte }

func (w *binWriter) uvarint(x uint64) { w.b = binary.AppendUvarint(w.b, x) }
func (w *binWriter) varint(x int64)   { w.b = binary.AppendVarint(w.b, x) }

func (w *binWriter) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// section writes a count, a length and the bytes of a section.
func (w *binWriter) section(count int, b []byte) {
	w.uvarint(uint64(count))
	w.uvarint(uint64(len(b)))
	w.b = append(w.b, b...)
}

// flagsAndDate writes the flags and, if t is not zero, the date (see
// above); prev is the seconds of the previous date written.
func (w *binWriter) flagsAndDate(sketch bool, t time.Time, prev *int64) {
	flags := uint64(0)
	if sketch {
		flags |= flagSketch
	}
	if t.IsZero() {
		w.uvarint(flags)
		return
	}
	w.uvarint(flags | flagDated)
	sec := t.Unix()
	_, off := t.Zone()
	w.varint(sec - *prev)
	w.uvarint(uint64(t.Nanosecond()))
	w.varint(int64(off))
	*prev = sec
}

// sketch writes sk's lists, if sk is not nil: each as its count and its
// values, little-endian. Sorted hashes spread over the whole range, so
// their differences as varints would take as many bytes, or more.
func (w *binWriter) sketch(sk *Sketch) {
	if sk == nil {
		return
	}
	for _, list := range [][]uint32{sk.Words, sk.Names} {
		w.uvarint(uint64(len(list)))
		for _, v := range list {
			w.b = binary.LittleEndian.AppendUint32(w.b, v)
		}
	}
	w.uvarint(uint64(len(sk.Slots)))
	for _, v := range sk.Slots {
		w.b = binary.LittleEndian.AppendUint64(w.b, v)
	}
}

// errShort is what a reader says of a state that ends too soon.
var errShort = errors.New("truncated")

// binReader reads the pieces of a binary state; after the first error it
// reads zeros and keeps the error.
type binReader struct {
	b   []byte
	err error
}

func (r *binReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

func (r *binReader) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(errShort)
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *binReader) varint() int64 {
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(errShort)
		return 0
	}
	r.b = r.b[n:]
	return x
}

// bytes returns the next n bytes.
func (r *binReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail(errShort)
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

// count reads a count of items of at least each bytes: one that the rest
// of the state cannot hold is an error, so that no reader allocates for
// items that are not there.
func (r *binReader) count(each int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/each) {
		r.fail(fmt.Errorf("%d items in %d bytes", n, len(r.b)))
		return 0
	}
	return int(n)
}

// str reads a string as a slice of all, the string that r.b is a suffix
// of, so that the strings of a section share its memory.
func (r *binReader) str(all string) string {
	b := r.bytes(r.uvarint())
	if b == nil {
		return ""
	}
	end := len(all) - len(r.b)
	return all[end-len(b) : end]
}

// date reads flags and, if they say so, a date.
func (r *binReader) flagsAndDate(prev *int64) (flags uint64, t time.Time) {
	flags = r.uvarint()
	if flags&flagDated == 0 {
		return flags, time.Time{}
	}
	*prev += r.varint()
	nsec := r.uvarint()
	off := r.varint()
	if nsec >= 1e9 || off < -24*3600 || off > 24*3600 {
		r.fail(fmt.Errorf("date with %d ns, offset %d s", nsec, off))
		return flags, time.Time{}
	}
	t = time.Unix(*prev, int64(nsec))
	if off == 0 {
		return flags, t.UTC()
	}
	return flags, t.In(time.FixedZone("", int(off)))
}

// sig reads a signature into sig.
func (r *binReader) sig(sig *Signature) {
	b := r.bytes(sigBytes)
	if b == nil {
		return
	}
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
}

// sketch reads a sketch, keeping its lists sorted and distinct whatever
// the bytes say.
func (r *binReader) sketch() *Sketch {
	sk := &Sketch{}
	for _, list := range []*[]uint32{&sk.Words, &sk.Names} {
		if b := r.bytes(4 * uint64(r.count(4))); len(b) > 0 {
			*list = make([]uint32, len(b)/4)
			for i := range *list {
				(*list)[i] = binary.LittleEndian.Uint32(b[4*i:])
			}
			*list = sortedUnique(*list)
		}
	}
	if b := r.bytes(8 * uint64(r.count(8))); len(b) > 0 {
		sk.Slots = make([]uint64, len(b)/8)
		for i := range sk.Slots {
			sk.Slots[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
		sk.Slots = sortedUnique(sk.Slots)
	}
	return sk
}

// binState is a binary state split into its sections.
type binState struct {
	threshold  float64
	window     time.Duration
	sources    []string
	nreps      int
	reps       binReader
	repsAll    string // what reps reads, as a string
	nmembers   int
	members    binReader
	membersAll string
	sigs       binReader
	sketches   binReader
}

// readBinary splits b into its sections, reading the sigs and sketches
// only if full.
func readBinary(b []byte, full bool) (*binState, error) {
	r := &binReader{b: b[len(stateMagic):]}
	if v := r.uvarint(); v != binVersion {
		return nil, fmt.Errorf("version %d, want %d", v, binVersion)
	}
	st := &binState{}
	if b := r.bytes(8); b != nil {
		st.threshold = math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	st.window = time.Duration(r.varint()) * time.Second
	st.sources = make([]string, r.count(1))
	for i := range st.sources {
		st.sources[i] = string(r.bytes(r.uvarint()))
	}
	section := func(each int) (int, []byte) {
		n := r.count(each)
		return n, r.bytes(r.uvarint())
	}
	var reps, members []byte
	st.nreps, reps = section(3)
	st.nmembers, members = section(4)
	st.repsAll, st.membersAll = string(reps), string(members) // the strings read are slices of these
	st.reps.b, st.members.b = reps, members
	if full {
		st.sigs.b = r.bytes(r.uvarint())
		st.sketches.b = r.bytes(r.uvarint())
		if len(st.sigs.b) != (st.nreps+st.nmembers)*sigBytes {
			r.fail(fmt.Errorf("%d bytes of signatures for %d", len(st.sigs.b), st.nreps+st.nmembers))
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return st, nil
}

// source returns source i+1 of st, "" for 0 or one that is not there.
func (st *binState) source(i uint64) string {
	if i == 0 || i > uint64(len(st.sources)) {
		return ""
	}
	return st.sources[i-1]
}

// nextMember reads a member's fields but its signature and sketch.
func (st *binState) nextMember(prev *int64) (m Member, sketched bool) {
	r := &st.members
	m.ID = r.str(st.membersAll)
	m.Story = m.ID
	if n := r.uvarint(); n > 0 {
		b := r.bytes(n - 1)
		end := len(st.membersAll) - len(r.b)
		m.Story = st.membersAll[end-len(b) : end]
	}
	m.Source = st.source(r.uvarint())
	flags, t := r.flagsAndDate(prev)
	m.Published, m.Shingles = t, int(min(r.uvarint(), math.MaxInt32))
	return m, flags&flagSketch != 0
}

// nextRep reads a rep's fields but its signature and sketch.
func (st *binState) nextRep(prev *int64) (r *rep, sketched bool) {
	br := &st.reps
	r = &rep{id: br.str(st.repsAll)}
	flags, t := br.flagsAndDate(prev)
	r.published, r.shingles = t, int(min(br.uvarint(), math.MaxInt32))
	return r, flags&flagSketch != 0
}

// decodeBinary rebuilds a Set from a binary state, resolving damage as
// Decode does.
func decodeBinary(b []byte) (*Set, error) {
	st, err := readBinary(b, true)
	if err != nil {
		return nil, err
	}
	s := New(st.threshold)
	s.Window = st.window
	s.grow(&s.idx, st.nreps+st.nmembers)            // at most that many stories
	sigs := make([]Signature, st.nreps+st.nmembers) // one block: no pointers for the collector to follow
	prev := int64(0)
	for i := range st.nreps {
		r, sketched := st.nextRep(&prev)
		st.sigs.sig(&sigs[i])
		r.sig = &sigs[i]
		if sketched {
			r.sketch = st.sketches.sketch()
		}
		if r.id != "" {
			s.file(r.id, r)
		}
	}
	for i := range st.nmembers {
		m, sketched := st.nextMember(&prev)
		sig := &sigs[st.nreps+i]
		st.sigs.sig(sig)
		m.Sig = sig
		if sketched {
			m.Sketch = st.sketches.sketch()
		}
		s.restore(&m)
	}
	for _, r := range []*binReader{&st.reps, &st.members, &st.sigs, &st.sketches} {
		if r.err != nil {
			return nil, r.err
		}
	}
	s.dropEmpty()
	return s, nil
}

// groupsBinary reads the entries DecodeGroups needs from a binary state.
func groupsBinary(b []byte) (reps []string, entries []groupEntry, err error) {
	st, err := readBinary(b, false)
	if err != nil {
		return nil, nil, err
	}
	prev := int64(0)
	for range st.nreps {
		r, _ := st.nextRep(&prev)
		reps = append(reps, r.id)
	}
	entries = make([]groupEntry, 0, st.nmembers)
	for range st.nmembers {
		m, _ := st.nextMember(&prev)
		entries = append(entries, groupEntry{ID: m.ID, Story: m.Story, Source: m.Source, Published: m.Published, Sig: true})
	}
	if err := errors.Join(st.reps.err, st.members.err); err != nil {
		return nil, nil, err
	}
	return reps, entries, nil
}

// sortForState orders members as encodeBinary writes them.
func sortForState(ms []*Member) {
	slices.SortFunc(ms, func(a, b *Member) int {
		if fa, fb := a.Story == a.ID, b.Story == b.ID; fa != fb {
			if fa {
				return -1
			}
			return 1
		}
		return byTime(a, b)
	})
}
