package entity

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed data/lexicon.txt data/firstnames.txt data/gazetteer.txt data/cities.txt
var dataFS embed.FS

// wordClass is a set of lexicon classes that a word key belongs to.
type wordClass uint16

// The lexicon classes; data/lexicon.txt says what each one holds.
const (
	cFunction wordClass = 1 << iota
	cTitle
	cDemonym
	cOrgCue
	cOrgHead
	cPlaceCue
	cPlaceHead
	cPlacePrep
	cSaid
	cParticle
	cConnector
	cFirstName
	cMiscCue
)

var classNames = map[string]wordClass{
	"function": cFunction, "title": cTitle, "demonym": cDemonym,
	"orgcue": cOrgCue, "orghead": cOrgHead, "placecue": cPlaceCue,
	"placehead": cPlaceHead, "placeprep": cPlacePrep, "said": cSaid,
	"particle": cParticle, "connector": cConnector, "misccue": cMiscCue,
}

// lexicon maps the hashes of word keys (strHash) to their classes: tokens
// carry the hash of their key, and a table of integers is faster than a
// map of strings.
type lexicon = *table[wordClass]

// loadLexicon reads the embedded word lists.
func loadLexicon() (lexicon, error) {
	lex := new(table[wordClass])
	if err := readLines("data/lexicon.txt", func(n int, line string) error {
		name, words, ok := strings.Cut(line, ":")
		c, known := classNames[strings.TrimSpace(name)]
		if !ok || !known {
			return fmt.Errorf("line %d: want \"class: words\", got %q", n, line)
		}
		for _, w := range strings.Fields(words) {
			*lex.ptr(strHash(Key(w))) |= c
		}
		return nil
	}); err != nil {
		return nil, err
	}
	err := readLines("data/firstnames.txt", func(_ int, line string) error {
		for _, w := range strings.Fields(line) {
			*lex.ptr(strHash(Key(w))) |= cFirstName
		}
		return nil
	})
	return lex, err
}

// readLines calls fn for each line of an embedded file that is neither
// blank nor a # comment.
func readLines(name string, fn func(n int, line string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return fmt.Errorf("entity: open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("entity: %s: %w", name, err)
		}
	}
	return sc.Err()
}
