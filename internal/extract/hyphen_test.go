package extract

import (
	"strings"
	"testing"
)

func TestDehyphenate(t *testing.T) {
	tests := []struct {
		name string
		doc  []string // the document's paragraphs; the first is checked
		want string
	}{
		// Print hyphens: the joined form is an English word.
		{"word list", []string{"The law al-lows it in this in-stance."}, "The law allows it in this instance."},
		{"suffix split", []string{"They suspect-ed a leak and were work-ing late."}, "They suspected a leak and were working late."},
		{"long word", []string{"A geo-graphically remote neighbour-hood."}, "A geographically remote neighbourhood."},
		{"both parts words", []string{"Armed net-works grew."}, "Armed networks grew."},
		{"weak prefix before consonant", []string{"The plan was re-vised."}, "The plan was revised."},
		// Print hyphens: the joined form occurs elsewhere in the document.
		{"document evidence", []string{"Talks in Brati-slava ended.", "Bratislava hosts the next round."},
			"Talks in Bratislava ended."},
		{"document evidence beats capital rule", []string{"Flights to Eu-rope.", "Europe agreed."}, "Flights to Europe."},
		// Real compounds stay.
		{"not words joined", []string{"A cross-border, real-world, zero-tolerance, on-ground plan."},
			"A cross-border, real-world, zero-tolerance, on-ground plan."},
		{"strong prefix", []string{"Counter-terrorism and multi-party and non-state actors."},
			"Counter-terrorism and multi-party and non-state actors."},
		{"weak prefix before vowel", []string{"Calls to de-escalate and re-elect."}, "Calls to de-escalate and re-elect."},
		{"capital right part", []string{"Abu al-Turki met Mahjar-Barducci on the Pakistan-Afghanistan border."},
			"Abu al-Turki met Mahjar-Barducci on the Pakistan-Afghanistan border."},
		{"several hyphens", []string{"The Tehreek-e-Taliban and a state-of-the-art system."},
			"The Tehreek-e-Taliban and a state-of-the-art system."},
		{"compound adjectives", []string{"High-value, intelligence-linked, ground-level work."},
			"High-value, intelligence-linked, ground-level work."},
		{"one letter parts", []string{"An e-mail about ISIS-K and X-ray."}, "An e-mail about ISIS-K and X-ray."},
		{"dangling hyphens and dashes", []string{"Pre- and post-war years - and 2020-21 too — fine-"},
			"Pre- and post-war years - and 2020-21 too — fine-"},
		{"non-Latin letters", []string{"Türk-iye and İstan-bul."}, "Türk-iye and İstanbul."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := append([]string(nil), tt.doc...)
			if got := Dehyphenate(doc)[0]; got != tt.want {
				t.Errorf("Dehyphenate(%q) = %q, want %q", tt.doc[0], got, tt.want)
			}
		})
	}
}

func TestIsWord(t *testing.T) {
	for _, w := range []string{"allows", "instance", "neighbourhood", "neighborhood", "geographically", "defence"} {
		if !isWord(w) {
			t.Errorf("isWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"crossborder", "realworld", "xqzv", "", strings.Repeat("a", 50)} {
		if isWord(w) {
			t.Errorf("isWord(%q) = true, want false", w)
		}
	}
}
