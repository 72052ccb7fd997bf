// Package perturb makes the kinds of near-copy that syndication and
// scraping produce from one article body, for measuring story grouping:
// boilerplate left in by the cleaner, paragraphs in another order, a
// sentence reworded, the last paragraph cut; and, apart from the body, a
// headline rewritten (Headline), which matters to short bodies, whose
// sketches compare the names in headlines.
//
// Every function is deterministic given its seed, so a measurement can be
// repeated.
package perturb

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// Kind names one perturbation.
type Kind string

// The perturbations.
const (
	Boilerplate Kind = "boilerplate" // share/subscribe lines and a "read more" teaser inserted
	Reorder     Kind = "reorder"     // two paragraphs swapped
	Edit        Kind = "edit"        // one sentence has words replaced and one dropped
	Cut         Kind = "cut"         // the last paragraph dropped (a shorter syndicated copy)
	All         Kind = "all"         // boilerplate, reorder and edit together
)

// Kinds lists every perturbation.
var Kinds = []Kind{Boilerplate, Reorder, Edit, Cut, All}

var boiler = []string{
	"Share this article on Facebook Twitter WhatsApp Email",
	"Subscribe to our daily newsletter for the top stories in your inbox every morning.",
	"Advertisement",
	"READ MORE: Markets brace for a volatile week as earnings season begins",
	"Copyright 2025 all rights reserved. This material may not be published, broadcast or redistributed.",
	"Follow us on social media for live updates",
}

// Apply returns body (paragraphs separated by blank lines) changed by k.
func Apply(body string, k Kind, seed uint64) string {
	rnd := rand.New(rand.NewPCG(seed, seed^0x5eed))
	paras := split(body)
	switch k {
	case Boilerplate:
		paras = addBoilerplate(paras, rnd)
	case Reorder:
		paras = reorder(paras, rnd)
	case Edit:
		paras = edit(paras, rnd)
	case Cut:
		if len(paras) > 2 {
			paras = paras[:len(paras)-1]
		}
	case All:
		paras = addBoilerplate(edit(reorder(paras, rnd), rnd), rnd)
	}
	return strings.Join(paras, "\n\n")
}

func split(body string) []string {
	var out []string
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addBoilerplate puts two boilerplate lines at the top, one in the middle
// and one at the end.
func addBoilerplate(paras []string, rnd *rand.Rand) []string {
	pick := func() string { return boiler[rnd.IntN(len(boiler))] }
	out := []string{pick(), pick()}
	mid := len(paras) / 2
	out = append(out, paras[:mid]...)
	out = append(out, pick())
	out = append(out, paras[mid:]...)
	return append(out, pick())
}

// reorder swaps two paragraphs (the first with a later one when there are
// more than two, as an editor moving the key quote up would).
func reorder(paras []string, rnd *rand.Rand) []string {
	out := append([]string(nil), paras...)
	if len(out) < 2 {
		return out
	}
	j := 1 + rnd.IntN(len(out)-1)
	out[0], out[j] = out[j], out[0]
	return out
}

// edit rewrites one sentence of one paragraph: two words replaced, one
// dropped.
func edit(paras []string, rnd *rand.Rand) []string {
	out := append([]string(nil), paras...)
	if len(out) == 0 {
		return out
	}
	i := rnd.IntN(len(out))
	sentences := strings.SplitAfter(out[i], ". ")
	s := rnd.IntN(len(sentences))
	words := strings.Fields(sentences[s])
	if len(words) >= 4 {
		words[rnd.IntN(len(words))] = "reportedly"
		words[rnd.IntN(len(words))] = "officials"
		drop := rnd.IntN(len(words))
		words = append(words[:drop], words[drop+1:]...)
		sentences[s] = strings.Join(words, " ") + " "
	}
	out[i] = strings.TrimSpace(strings.Join(sentences, ""))
	return out
}

// Headline returns title as another outlet might run it: in sentence case
// or title case rather than capitals, without bracketed tickers, with an
// "UPDATE 1-" tag or a word dropped, as seed picks.
func Headline(title string, seed uint64) string {
	rnd := rand.New(rand.NewPCG(seed, seed^0x7e11))
	var words []string
	for _, w := range strings.Fields(title) {
		if !strings.HasPrefix(w, "<") || !strings.HasSuffix(w, ">") || rnd.IntN(2) == 0 {
			words = append(words, w)
		}
	}
	if len(words) > 3 && rnd.IntN(2) == 0 {
		words = words[:len(words)-1]
	}
	for i, w := range words {
		switch {
		case rnd.IntN(3) == 0:
		case i == 0:
			words[i] = capital(strings.ToLower(w))
		default:
			words[i] = strings.ToLower(w)
		}
	}
	out := strings.Join(words, " ")
	if rnd.IntN(4) == 0 {
		out = "UPDATE 1-" + out
	}
	return out
}

// capital returns w with its first letter in upper case.
func capital(w string) string {
	for i, r := range w {
		return w[:i] + string(unicode.ToUpper(r)) + w[i+len(string(r)):]
	}
	return w
}
