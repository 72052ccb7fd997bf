// Command trainentities trains the entity tagger on the CoNLL-2003 training
// set (eng.train) and writes the model that the entity package embeds. After
// each pass it scores the averaged model on the development set (eng.testa)
// with the document-level measure and keeps the best pass; the development
// set is used for nothing else.
//
// Usage:
//
//	trainentities -conll DIR [-out internal/entity/data/model.bin.gz] [-words FILE] [-epochs N] [-bits B]
//
// The word list (by default the system's, from the wamerican package)
// supplies common lower-case English words; see MODEL.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsfts/newsfts/internal/entity"
	"github.com/newsfts/newsfts/internal/entity/conll"
)

func main() {
	dir := flag.String("conll", "../shared/corpora/conll2003", "CoNLL-2003 `directory`")
	out := flag.String("out", "internal/entity/data/model.bin.gz", "model `file` to write")
	epochs := flag.Int("epochs", 12, "training passes")
	bits := flag.Uint("bits", 20, "log2 of the feature table rows")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	words := flag.String("words", "/usr/share/dict/american-english", "word list `file` (one word a line; lower-case ones are common words), or empty")
	flag.Parse()
	if err := run(*dir, *out, *words, *epochs, *bits, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "trainentities:", err)
		os.Exit(1)
	}
}

func run(dir, out, wordFile string, epochs int, bits uint, seed uint64) error {
	var words []string
	if wordFile != "" {
		b, err := os.ReadFile(wordFile)
		if err != nil {
			return fmt.Errorf("read word list: %w", err)
		}
		words = strings.Fields(string(b))
	}
	train, err := conll.Load(filepath.Join(dir, "eng.train.gz"))
	if err != nil {
		return err
	}
	dev, err := conll.Load(filepath.Join(dir, "eng.testa.gz"))
	if err != nil {
		return err
	}
	cfg := entity.TrainConfig{
		Epochs: epochs, Bits: bits, Seed: seed, Log: os.Stderr, Words: words,
		Score: func(x *entity.Extractor) float64 {
			return conll.Evaluate(dev, func(d *conll.Doc) map[string][]string { return conll.Surfaces(x, d) }).Overall.F1()
		},
	}
	model, err := entity.Train(trainingDocs(train), cfg)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, model, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, len(model))
	return nil
}

// trainingDocs converts CoNLL documents for entity.Train.
func trainingDocs(docs []*conll.Doc) []entity.TrainingDoc {
	out := make([]entity.TrainingDoc, len(docs))
	for i, d := range docs {
		td := entity.TrainingDoc{Lines: d.Lines, Spans: make([][]entity.TrainingSpan, len(d.Spans))}
		for l, spans := range d.Spans {
			for _, s := range spans {
				td.Spans[l] = append(td.Spans[l], entity.TrainingSpan{Start: s.Start, End: s.End, Type: s.Type})
			}
		}
		out[i] = td
	}
	return out
}
