package entity

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Training
//
// Train fits the tagger by the averaged structured perceptron (Collins,
// 2002): for each stretch of candidate tokens in turn, decode it with the
// current weights and, where the labels differ from the gold ones, add the
// gold labels' features and subtract the predicted ones'. The weights that
// are kept are the average over all steps, which generalises far better than
// the last ones. Documents are tokenized exactly as Extract tokenizes them,
// and each token takes the gold label of the annotated span that holds its
// first byte, so that training and extraction see the same tokens. After
// each pass the caller may score the averaged model (on held-out data); the
// best pass is returned. Weights are then scaled to 16-bit integers.

// TrainingDoc is one annotated document: its lines (as Extract's
// paragraphs) and the annotated names of each line.
type TrainingDoc struct {
	Lines []string
	Spans [][]TrainingSpan
}

// TrainingSpan is one annotated name: bytes [Start, End) of its line and
// its type: "PER", "ORG", "LOC" or "MISC".
type TrainingSpan struct {
	Start, End int
	Type       string
}

// TrainConfig sets up Train.
type TrainConfig struct {
	Epochs int       // passes over the data
	Bits   uint      // log2 of the number of feature rows
	Seed   uint64    // shuffles the documents
	Log    io.Writer // progress, or nil
	// Words are common words in lower case (a spelling word list): with
	// the words that the training text writes in lower case, they tell the
	// tagger that a capitalised "Exporters" opening a sentence is no name.
	Words []string
	// Score, when set, rates the averaged model of a pass (higher is
	// better); Train returns the best one.
	Score func(*Extractor) float64
}

// stretch is one training example: the feature rows of its tokens and its
// gold labels.
type stretch struct {
	off  []int32  // features of token k are rows[off[k]:off[k+1]]
	rows []uint32 // feature rows
	gold []uint8
}

// trainer holds the perceptron's weights and their running sums.
type trainer struct {
	bits       uint
	w, u       []float64 // (nTags-1) per row
	trans, tu  [nTags + 1][nTags]float64
	steps      float64
	em         []float64
	back, pred []uint8
}

// Train fits a tagger model on docs and returns it in the model file format.
func Train(docs []TrainingDoc, cfg TrainConfig) ([]byte, error) {
	if cfg.Bits < 8 || cfg.Bits > maxModelBits {
		return nil, fmt.Errorf("entity: train: table bits %d out of range", cfg.Bits)
	}
	x, err := newExtractor(nil, &model{bits: cfg.Bits})
	if err != nil {
		return nil, err
	}
	x.tagger.common = x.commonWords(docs)
	for _, w := range cfg.Words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !strings.ContainsAny(w, "' ") {
			x.tagger.common[wordID(strHash(Key(w)))] = true
		}
	}
	x.setCommon(x.tagger.common)
	logf(cfg.Log, "%d common words\n", len(x.tagger.common))
	data, missed, total := x.examples(docs, cfg.Bits)
	logf(cfg.Log, "%d stretches; %d of %d name tokens are no candidates\n", len(data), missed, total)
	tr := &trainer{bits: cfg.Bits, w: make([]float64, (nTags-1)<<cfg.Bits), u: make([]float64, (nTags-1)<<cfg.Bits)}
	rng := rand.New(rand.NewPCG(cfg.Seed, 1))
	var best []byte
	bestScore := math.Inf(-1)
	for ep := 1; ep <= max(cfg.Epochs, 1); ep++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		errs := 0
		for i := range data {
			errs += tr.learn(&data[i])
		}
		var buf bytes.Buffer
		m := tr.average()
		m.common = x.tagger.common
		if err := m.write(&buf); err != nil {
			return nil, err
		}
		score := float64(ep)
		if cfg.Score != nil {
			m, err := readModel(bytes.NewReader(buf.Bytes()))
			if err != nil {
				return nil, err
			}
			xm, err := newExtractor(nil, m)
			if err != nil {
				return nil, err
			}
			score = cfg.Score(xm)
		}
		logf(cfg.Log, "pass %d: %d token errors, score %.4f, model %d bytes\n", ep, errs, score, buf.Len())
		if score > bestScore {
			best, bestScore = buf.Bytes(), score
		}
	}
	return best, nil
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

// commonWords returns the IDs of the words that docs write in lower case
// at least twice, and more than twice as often as capitalised inside a
// sentence: "Relief" or "Whole" opening a sentence is no name.
func (x *Extractor) commonWords(docs []TrainingDoc) map[uint32]bool {
	lower, capMid := map[uint32]int{}, map[uint32]int{}
	d := new(doc)
	for _, td := range docs {
		d.reset()
		d.load(x.lex, "", td.Lines)
		for i := range d.toks {
			t := &d.toks[i]
			switch {
			case !t.is(tWord) || d.segCaps[t.seg]:
			case t.is(tLower):
				lower[wordID(t.hash)]++
			case t.capWord() && !t.is(tSentStart):
				capMid[wordID(t.hash)]++
			}
		}
	}
	common := make(map[uint32]bool)
	for id, n := range lower {
		if n >= 2 && n > 2*capMid[id] {
			common[id] = true
		}
	}
	return common
}

// examples turns docs into training stretches. It also counts the name
// tokens that are no candidates (which the tagger can never label) and all
// name tokens.
func (x *Extractor) examples(docs []TrainingDoc, bits uint) (out []stretch, missed, total int) {
	d := new(doc)
	var feats []uint64
	for _, td := range docs {
		d.reset()
		d.load(x.lex, "", td.Lines)
		x.prepare(d)
		gold := goldTags(d, td)
		for i, g := range gold {
			if g != tagO && g != tagMisc && d.toks[i].is(tWord) {
				total++
				if !d.info[i].cand {
					missed++
				}
			}
		}
		d.stretches(func(a, b int) {
			s := stretch{off: []int32{0}, gold: gold[a:b:b]}
			for i := a; i < b; i++ {
				feats = x.features(d, i, a, b, feats[:0])
				for _, h := range feats {
					s.rows = append(s.rows, uint32(h>>(64-bits)))
				}
				s.off = append(s.off, int32(len(s.rows)))
			}
			out = append(out, s)
		})
	}
	return out, missed, total
}

// goldTags returns the gold label of each token of d.
func goldTags(d *doc, td TrainingDoc) []uint8 {
	tags := make([]uint8, len(d.toks))
	for i := range d.toks {
		t := &d.toks[i]
		line := int(t.seg) - 1 // segment 0 is the empty title
		if line < 0 || line >= len(td.Spans) {
			continue
		}
		for _, s := range td.Spans[line] {
			if int(t.start) >= s.Start && int(t.start) < s.End {
				tags[i] = tagOf(s.Type)
				break
			}
		}
	}
	return tags
}

func tagOf(typ string) uint8 {
	switch typ {
	case "PER":
		return tagPer
	case "ORG":
		return tagOrg
	case "LOC":
		return tagLoc
	case "MISC":
		return tagMisc
	}
	return tagO
}

// learn decodes s with the current weights, updates them where the labels
// are wrong, and returns the number of wrong labels.
func (tr *trainer) learn(s *stretch) int {
	n := len(s.gold)
	tr.steps++
	if cap(tr.em) < n*nTags {
		tr.em = make([]float64, n*nTags)
		tr.back = make([]uint8, n*nTags)
		tr.pred = make([]uint8, n)
	}
	em, back, pred := tr.em[:n*nTags], tr.back[:n*nTags], tr.pred[:n]
	for k := range n {
		e := em[k*nTags : (k+1)*nTags]
		clear(e)
		for _, r := range s.rows[s.off[k]:s.off[k+1]] {
			w := tr.w[int(r)*(nTags-1):]
			for t := 1; t < nTags; t++ {
				e[t] += w[t-1]
			}
		}
	}
	viterbiF(em, &tr.trans, back, pred)
	errs := 0
	for k := range n {
		if pred[k] == s.gold[k] {
			continue
		}
		errs++
		for _, r := range s.rows[s.off[k]:s.off[k+1]] {
			tr.bump(int(r), s.gold[k], 1)
			tr.bump(int(r), pred[k], -1)
		}
	}
	if errs > 0 {
		prevG, prevP := uint8(nTags), uint8(nTags)
		for k := 0; k <= n; k++ {
			g, p := uint8(tagO), uint8(tagO)
			if k < n {
				g, p = s.gold[k], pred[k]
			}
			tr.bumpTrans(prevG, g, 1)
			tr.bumpTrans(prevP, p, -1)
			prevG, prevP = g, p
		}
	}
	return errs
}

func (tr *trainer) bump(r int, t uint8, v float64) {
	if t == tagO {
		return
	}
	i := r*(nTags-1) + int(t) - 1
	tr.w[i] += v
	tr.u[i] += tr.steps * v
}

func (tr *trainer) bumpTrans(from, to uint8, v float64) {
	tr.trans[from][to] += v
	tr.tu[from][to] += tr.steps * v
}

// viterbiF is viterbi over float64 scores.
func viterbiF(em []float64, trans *[nTags + 1][nTags]float64, back []uint8, tags []uint8) {
	viterbi(em, trans, back, tags)
}

// average returns the averaged weights scaled to integers.
func (tr *trainer) average() *model {
	c := tr.steps + 1
	avg := func(w, u float64) float64 { return w - u/c }
	peak := 0.0
	for i := range tr.w {
		peak = max(peak, math.Abs(avg(tr.w[i], tr.u[i])))
	}
	for f := range tr.trans {
		for t := range tr.trans[f] {
			peak = max(peak, math.Abs(avg(tr.trans[f][t], tr.tu[f][t])))
		}
	}
	scale := 1.0
	if peak > 0 {
		scale = 30000 / peak
	}
	m := &model{bits: tr.bits, w: make([]int16, len(tr.w))}
	for i := range tr.w {
		m.w[i] = int16(math.Round(avg(tr.w[i], tr.u[i]) * scale))
	}
	for f := range tr.trans {
		for t := range tr.trans[f] {
			m.trans[f][t] = int32(math.Round(avg(tr.trans[f][t], tr.tu[f][t]) * scale))
		}
	}
	return m
}
