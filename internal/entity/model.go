package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// model is a trained tagger: hashed feature rows of nTags-1 weights (O's
// weight is zero) and transition scores, all integers.
//
// The file format, gzipped: the magic line, the number of hash bits, the
// transition scores, the number of rows kept, then each kept row as the
// distance from the previous kept row and its weights, then the number of
// common words and their sorted IDs (wordID) as distances, all as varints.
type model struct {
	bits   uint
	w      []int16 // (nTags-1) weights per row
	trans  [nTags + 1][nTags]int32
	common map[uint32]bool // wordID of the words that training text writes in lower case
}

const modelMagic = "newsfts-tagger-2\n"

// maxModelBits bounds the table size that a model file may ask for.
const maxModelBits = 24

// row returns the row of feature hash h.
func (m *model) row(h uint64) []int16 {
	r := h >> (64 - m.bits)
	return m.w[r*(nTags-1) : r*(nTags-1)+nTags-1]
}

// score writes the emission scores of the features feats into em.
func (m *model) score(feats []uint64, em []int32) {
	var s [nTags - 1]int32
	for _, h := range feats {
		r := m.row(h)
		s[0] += int32(r[0])
		s[1] += int32(r[1])
		s[2] += int32(r[2])
		s[3] += int32(r[3])
	}
	em[0] = 0
	copy(em[1:nTags], s[:])
}

// readModel reads a model file.
func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read tagger model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read tagger model: not a newsfts tagger model")
	}
	bits, err := binary.ReadUvarint(br)
	if err != nil || bits < 8 || bits > maxModelBits {
		return nil, fmt.Errorf("read tagger model: bad table size %d (%v)", bits, err)
	}
	m := &model{bits: uint(bits), w: make([]int16, (nTags-1)<<bits)}
	for f := range m.trans {
		for t := range m.trans[f] {
			v, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("read tagger model: transitions: %w", err)
			}
			m.trans[f][t] = int32(v)
		}
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<bits {
		return nil, fmt.Errorf("read tagger model: bad row count %d (%v)", n, err)
	}
	row := uint64(0)
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read tagger model: row %d: %w", i, err)
		}
		if row += d; row >= 1<<bits {
			return nil, fmt.Errorf("read tagger model: row %d out of range", row)
		}
		for t := range nTags - 1 {
			v, err := binary.ReadVarint(br)
			if err != nil || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("read tagger model: row %d weight: %v", row, err)
			}
			m.w[row*(nTags-1)+uint64(t)] = int16(v)
		}
	}
	if m.common, err = readCommon(br); err != nil {
		return nil, fmt.Errorf("read tagger model: common words: %w", err)
	}
	return m, nil
}

// readCommon reads the common word IDs of a model file.
func readCommon(br *bufio.Reader) (map[uint32]bool, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("bad count %d (%v)", n, err)
	}
	common := make(map[uint32]bool, n)
	id := uint64(0)
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if id += d; id > math.MaxUint32 {
			return nil, errors.New("word ID out of range")
		}
		common[uint32(id)] = true
	}
	return common, nil
}

// wordID is the 32-bit ID of a word key's hash (strHash).
func wordID(h uint64) uint32 { return uint32(h >> 32) }

// write writes m in the model file format.
func (m *model) write(w io.Writer) error {
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	buf.Write(binary.AppendUvarint(nil, uint64(m.bits)))
	for f := range m.trans {
		for t := range m.trans[f] {
			buf.Write(binary.AppendVarint(nil, int64(m.trans[f][t])))
		}
	}
	rows := len(m.w) / (nTags - 1)
	kept := 0
	for r := range rows {
		if m.nonzero(r) {
			kept++
		}
	}
	buf.Write(binary.AppendUvarint(nil, uint64(kept)))
	last := 0
	for r := range rows {
		if !m.nonzero(r) {
			continue
		}
		buf.Write(binary.AppendUvarint(nil, uint64(r-last)))
		last = r
		for _, v := range m.w[r*(nTags-1) : (r+1)*(nTags-1)] {
			buf.Write(binary.AppendVarint(nil, int64(v)))
		}
	}
	ids := make([]uint32, 0, len(m.common))
	for id := range m.common {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	buf.Write(binary.AppendUvarint(nil, uint64(len(ids))))
	prev := uint32(0)
	for _, id := range ids {
		buf.Write(binary.AppendUvarint(nil, uint64(id-prev)))
		prev = id
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write tagger model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write tagger model: %w", err)
	}
	return nil
}

func (m *model) nonzero(r int) bool {
	for _, v := range m.w[r*(nTags-1) : (r+1)*(nTags-1)] {
		if v != 0 {
			return true
		}
	}
	return false
}
