package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// entry is one entity of the gazetteer.
type entry struct {
	kind    Kind
	label   string   // canonical label
	aliases []string // names, the label included
	hints   []string // keys of context words that pick this entry among namesakes
}

// parseEntries reads lines "kind<TAB>Label<TAB>alias..." (" | " also
// separates fields) from r.
func parseEntries(r io.Reader, name string) ([]*entry, error) {
	var out []*entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		e, err := parseEntry(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// parseEntry reads one alias file line.
func parseEntry(line string) (*entry, error) {
	sep := "\t"
	if !strings.Contains(line, "\t") {
		sep = "|"
	}
	fields := strings.Split(line, sep)
	if len(fields) < 2 {
		return nil, fmt.Errorf("want \"kind<TAB>Label<TAB>alias...\", got %q", line)
	}
	kind, err := parseKind(fields[0])
	if err != nil {
		return nil, err
	}
	e := &entry{kind: kind, label: collapseSpace(fields[1])}
	if e.label == "" {
		return nil, fmt.Errorf("empty label in %q", line)
	}
	e.aliases = append(e.aliases, e.label)
	for _, f := range fields[2:] {
		f = collapseSpace(f)
		switch {
		case f == "":
		case f[0] == '~':
			e.hints = append(e.hints, Key(f[1:]))
		default:
			e.aliases = append(e.aliases, f)
		}
	}
	return e, nil
}

// override applies the operator entries ops to the built-in entries and
// returns the entries in force. An operator entry replaces each built-in
// entry of its kind whose label it names (as label or alias) and takes over
// that entry's aliases and hints; every name it lists is removed from the
// remaining built-in entries, so the operator's entry wins for that name.
func override(builtin, ops []*entry) []*entry {
	claimed := make(map[string]bool)
	for _, o := range ops {
		for _, a := range o.aliases {
			claimed[Key(a)] = true
		}
	}
	out := make([]*entry, 0, len(builtin)+len(ops))
	for _, b := range builtin {
		if o := replacer(b, ops); o != nil {
			o.aliases = append(o.aliases, b.aliases...)
			o.hints = append(o.hints, b.hints...)
			continue
		}
		kept := b.aliases[:0:0]
		for _, a := range b.aliases {
			if !claimed[Key(a)] {
				kept = append(kept, a)
			}
		}
		b.aliases = kept
		out = append(out, b)
	}
	return append(out, ops...)
}

// replacer returns the operator entry that replaces built-in entry b, or nil.
func replacer(b *entry, ops []*entry) *entry {
	label := Key(b.label)
	for _, o := range ops {
		if o.kind != b.kind {
			continue
		}
		for _, a := range o.aliases {
			if Key(a) == label {
				return o
			}
		}
	}
	return nil
}

// Aliases returns the alias table of kind k: the Key of every name of
// every entry of that kind in force (built-in and operator, labels
// included) mapped to the entry's canonical label. It is how a name typed
// by a user, "Turkey" or "mit", is read as the label that facets show.
// When namesakes share a name, a label beats an alias (the entry named so
// keeps its name), then the entry listed first wins, as in Extract when
// the article gives no hint. The map is new on each call.
func (x *Extractor) Aliases(k Kind) map[string]string {
	m := make(map[string]string)
	add := func(name, label string) {
		if key := Key(name); key != "" {
			if _, taken := m[key]; !taken {
				m[key] = label
			}
		}
	}
	for _, labels := range []bool{true, false} {
		for _, e := range x.ents {
			if e.kind != k {
				continue
			}
			for _, a := range e.aliases { // a stop entry may have taken the label away
				if (Key(a) == Key(e.label)) == labels {
					add(a, e.label)
				}
			}
		}
	}
	return m
}
