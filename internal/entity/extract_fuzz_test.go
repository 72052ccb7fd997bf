package entity

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// FuzzExtract feeds arbitrary titles and bodies to the entity extractor:
// no panic, every label non-empty valid UTF-8, and no
// more labels than the text has words (runs of letters and digits, as
// the tokenizer splits them: "AC!Yl" is two). Run it with
// `go test -run=^$ -fuzz=FuzzExtract ./internal/entity`.
func FuzzExtract(f *testing.F) {
	f.Add("Erdoğan meets Merkel in Berlin", "Recep Tayyip Erdoğan met Angela Merkel in Berlin on Monday.\n\nThe United Nations said so.")
	f.Add("", "Shin Bet General Security Service, also known as Shabak, said the Prime Minister's office in Jerusalem")
	f.Add("A\xffB", "Mr. O'Neil-Smith of the U.S.-based Acme Corp. (ACME) told Reuters in São Paulo")
	f.Add(strings.Repeat("Van der ", 50), strings.Repeat("New York New York ", 100))
	x, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		set := x.Extract(title, strings.Split(body, "\n\n"))
		words := len(strings.FieldsFunc(title+" "+body, notWordRune))
		all := append(append(append([]string{}, set.People...), set.Orgs...), set.Places...)
		if len(all) > words {
			t.Fatalf("%d labels from %d words", len(all), words)
		}
		for _, l := range all {
			if !utf8.ValidString(l) || l == "" {
				t.Fatalf("bad label %q", l)
			}
		}
	})
}
