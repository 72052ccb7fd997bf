package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pageWant is what a test expects of one cleaned page.
type pageWant struct {
	title, byline, source, section, url string
	published                           string            // RFC 3339, or "" for none
	from                                map[string]string // field -> provenance, checked when set
	paragraphs                          int               // exact count when > 0
	first, last                         string            // prefixes of the first and last paragraph
	has                                 []string          // must appear in the body
	hasNot                              []string          // must not appear in the body (case-insensitive)
}

func checkPage(t *testing.T, got *Result, w pageWant) {
	t.Helper()
	for _, f := range []struct{ name, got, want string }{
		{"title", got.Title, w.title}, {"byline", got.Byline, w.byline},
		{"source", got.Source, w.source}, {"section", got.Section, w.section}, {"url", got.URL, w.url},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	pub := ""
	if !got.Published.IsZero() {
		pub = got.Published.Format(time.RFC3339)
	}
	if pub != w.published {
		t.Errorf("published = %q, want %q", pub, w.published)
	}
	for k, v := range w.from {
		if got.From[k] != v {
			t.Errorf("From[%q] = %q, want %q", k, got.From[k], v)
		}
	}
	if w.paragraphs > 0 && len(got.Paragraphs) != w.paragraphs {
		t.Errorf("got %d paragraphs, want %d:\n%s", len(got.Paragraphs), w.paragraphs, strings.Join(got.Paragraphs, "\n"))
	}
	if len(got.Paragraphs) > 0 {
		if !strings.HasPrefix(got.Paragraphs[0], w.first) {
			t.Errorf("first paragraph %q, want prefix %q", got.Paragraphs[0], w.first)
		}
		if last := got.Paragraphs[len(got.Paragraphs)-1]; !strings.HasPrefix(last, w.last) {
			t.Errorf("last paragraph %q, want prefix %q", last, w.last)
		}
	}
	body := got.Body()
	for _, s := range w.has {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q", s)
		}
	}
	for _, s := range w.hasNot {
		if strings.Contains(strings.ToLower(body), strings.ToLower(s)) {
			t.Errorf("body has %q", s)
		}
	}
}

func TestTextFixtures(t *testing.T) {
	tests := []struct {
		file string
		want pageWant
	}{
		{"crumbs_paywall.txt", pageWant{
			title:     "Harbour authority approves second container terminal",
			byline:    "Mirela Santos",
			source:    "The Valmore Courier",
			section:   "Business",
			published: "2026-03-04T18:05:10+05:30",
			from: map[string]string{"title": "breadcrumb", "byline": "byline-line", "source": "blurb",
				"section": "breadcrumb", "published": "date-line"},
			paragraphs: 7,
			first:      "The port board voted",
			last:       "The port's owners",
			has: []string{"What the fishing crews want", "their income depends", "revised",
				"contract allows", "automated yard", "the region.", "cross-border", "long-term", "real-time", "state-run"},
			hasNot: []string{"Home >", "By: Mirela", "Last Updated", "Most Popular", "Courier is",
				"Copyright", "unlock", "cancel subscription", "harbour authority approves"},
		}},
		{"newsletter.txt", pageWant{
			title:      "Rail Operator Bets on Night Trains Across the Alps",
			from:       map[string]string{"title": "repeated-line"},
			paragraphs: 4,
			first:      "A national rail operator",
			last:       "Night services have",
			has:        []string{"A Market Built on Climate Worries"},
			hasNot: []string{"Subscribe", "Join now", "Invalid Email", "Thanks for", "sending you",
				"went wrong", "Bets on Night Trains"},
		}},
		{"teasers.txt", pageWant{
			title:      "City Council Delays Vote on Riverside Housing Plan",
			from:       map[string]string{"title": "headline-line"},
			paragraphs: 3,
			first:      "The city council postponed",
			last:       "The developer said",
			hasNot: []string{"No time to read", "Get a summary", "Previous Article", "Next Article",
				"Goalkeeper", "Storm Warnings", "Delays Vote"},
		}},
		{"dateline.txt", pageWant{
			published:  "2026-01-07T00:00:00Z",
			from:       map[string]string{"published": "date-line"},
			paragraphs: 2,
			first:      "Investigators said",
			last:       "The warehouse stored",
			hasNot:     []string{"date 2026", "\r"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "text", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, Text(data), tt.want)
		})
	}
}

// article is a few sentences of prose that the noise families below are
// wrapped around.
const article = `The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade, and that the hosepipe ban imposed in August would end at midnight.
Engineers will use the coming months to repair two leaking mains under the old town, work that the board says will save enough water for twenty thousand homes.
Farmers welcomed the decision but asked for a longer warning next time, since many of them had already paid for tanks to store rain from their barn roofs.`

func TestTextNoiseFamilies(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		hasNot        []string
	}{
		{"breadcrumb", "Home > Environment > Water ban ends\n", "", []string{"Home >"}},
		{"byline and dates", "By Anika Roy\nPublished: 12 October 2025, 09:15 GMT\n", "", []string{"Anika", "Published"}},
		{"paywall dialog", "", "Are you sure want to unlock this post?\nUnlock left : 3\nAre you sure you want to cancel subscription?\n",
			[]string{"unlock", "subscription"}},
		{"newsletter prompt", "", "Subscribe to our weekly news digest.\nEnter your email\nThanks for Subscribing!\nSomething went wrong, please try again later\n",
			[]string{"Subscribe", "email", "went wrong"}},
		{"summary widget", "No time to read?\nGet a summary\n", "No time to read?\nGet a summary\n", []string{"time to read", "summary"}},
		{"teaser list after marker", "", "Related Articles\nMinister Opens Bridge Over Estuary\nLocal Bakery Wins National Award For Sourdough Bread\n",
			[]string{"Related", "Bridge", "Bakery"}},
		{"previous and next article", "", "Previous Article\nStriker Scores Twice as Rovers Climb Table\nNext Article\nMuseum Reopens With Dinosaur Wing After Renovation\n",
			[]string{"Article", "Striker", "Dinosaur"}},
		{"copyright footer", "", "© 2025 Riverside Press Ltd. All rights reserved.\nPrivacy Policy\nTerms of Use\n",
			[]string{"Riverside Press", "Privacy", "Terms"}},
		{"cookie banner and menu", "Skip to content\nNews\nSport\nWeather\nWe use cookies to give you the best experience.\nAccept all\n", "",
			[]string{"cookies", "Sport", "Accept"}},
		{"share and ads", "Share\nTweet\nAdvertisement\n", "Advertisement\nFollow us on social media\n", []string{"Tweet", "Advertisement", "Follow"}},
		{"comment section", "", "12 Comments\nJo Baxter says:\nThis is a reader's reply that runs long enough to pass for prose, and it has plenty of the usual small words.\n",
			[]string{"Comments", "Baxter", "reader's reply"}},
		{"commenter lines", "", "Dana on March 3, 2026 at 4:10 pm said:\nI think the board should have acted sooner, because the drought was obvious to everyone by June.\n",
			[]string{"Dana", "board should have acted"}},
		{"hard-wrapped blurb", "", "The Hillside Herald is the valley's\nindependent weekly newspaper, read\nin every town.\n", []string{"Hillside", "weekly"}},
		{"unreadable date and reading time", "Last Updated: 3 hours ago\n4 min read\n", "", []string{"Updated", "min read"}},
		{"dated teaser list", "By Anika Roy\n",
			"Ferry Fares Rise Again\nLena Ortiz\nTuesday November 4, 2025\nThe island ferry company raised its winter fares for the second time this year, and commuters say the rise will cost them a week of wages.\n" +
				"Library Keeps Late Hours\nTom Bell\nMonday November 3, 2025\nThe central library will stay open until ten on weeknights during the exam season, after students asked the council for more space to study.\n" +
				"Bus Depot Plan Approved\nSara Lind\nMonday November 3, 2025\nThe planning committee approved a new electric bus depot on the edge of town, despite objections from residents about the noise of night shifts.\n",
			[]string{"ferry", "library", "depot"}},
		{"newsletter pitch in one sentence", "",
			"Never miss a story: sign up for the Valley Post newsletter, delivered to your inbox every morning.\nNo spam, we promise. You can unsubscribe at any time.\n",
			[]string{"sign up", "unsubscribe"}},
		{"legal small print", "",
			"The information on this website is for general guidance only and is no substitute for professional advice. See our terms of use.\nRiverCam and TideWatch are registered trademarks of Estuary Labs Inc. Other names may be trademarks of their owners.\n",
			[]string{"this website", "trademarks"}},
		{"photo captions and credits", "",
			"Workers lay new pipes under the old market square (Image: GETTY)\nIn this March 2, 2025, file photo, a tanker truck delivers water to a farm near the reservoir. (AP Photo/Jo Lane, File)\nThe reservoir in October. Photo: Sam Ortiz, Valley Post\nImage 2 of 6\n3 / 8\n",
			[]string{"market square", "tanker", "Sam Ortiz", "2 of 6", "3 / 8"}},
		{"inline ad labels", "Advert\nContinue Reading Below\n", "This slideshow requires JavaScript.\nAdvert\n",
			[]string{"Advert", "Continue Reading", "slideshow"}},
		{"appeals to readers", "", "Like this story? Share it with a friend!\nHave a tip? Write to the newsroom, any day of the week.\n",
			[]string{"Like this", "tip"}},
		{"author box", "", "About Jo Lane\nJo Lane has covered water and farming for the Valley Post since 2011, and lives on a smallholding near the reservoir with her two dogs.\n",
			[]string{"About", "smallholding"}},
		{"inline related link", "", "Related: How the valley's reservoirs were built by hand a century ago.\n", []string{"Related", "reservoirs were built"}},
		{"reprint notice and forum pitch", "",
			"This story is subject to copyright, and no part may be reproduced without written permission.\nJoin our reader forums to keep talking about water, and if you have a news tip, let us know.\n",
			[]string{"copyright", "forums"}},
		{"menu with separators", "News | Sport | Weather | Culture\n", "https://example.org/water\n", []string{"Sport", "https"}},
	}
	wantParas := strings.Split(article, "\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text([]byte(tt.before + "\n" + article + "\n\n" + tt.after))
			if strings.Join(got.Paragraphs, "\n") != article {
				t.Errorf("body:\n%s\nwant the %d article paragraphs exactly", strings.Join(got.Paragraphs, "\n"), len(wantParas))
			}
			for _, s := range tt.hasNot {
				if strings.Contains(strings.ToLower(got.Body()), strings.ToLower(s)) {
					t.Errorf("body has %q", s)
				}
			}
		})
	}
}

func TestTextSourceAndTitle(t *testing.T) {
	tests := []struct {
		name, page          string
		title, source, from string
	}{
		{"copyright gives source", "Water Ban Ends Early\n" + article + "\n© Copyright Hillside News Ltd 2025. All right reserved.\n",
			"Water Ban Ends Early", "Hillside News Ltd", "copyright"},
		{"blurb beats copyright", article + "\nThe Hillside Herald is a weekly newspaper for the valley towns.\n© 2025 Hillside Holdings\n",
			"", "The Hillside Herald", "blurb"},
		{"no source stated", article, "", "", ""},
		{"repeated title among menus", "Water Ban Ends Early\nNews\nWater Ban Ends Early\n" + article,
			"Water Ban Ends Early", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text([]byte(tt.page))
			if got.Title != tt.title {
				t.Errorf("title = %q, want %q", got.Title, tt.title)
			}
			if got.Source != tt.source || got.From["source"] != tt.from {
				t.Errorf("source = %q from %q, want %q from %q", got.Source, got.From["source"], tt.source, tt.from)
			}
			if strings.Contains(got.Body(), "Water Ban") || strings.Contains(got.Body(), "Hillside") {
				t.Errorf("body keeps title or source lines:\n%s", got.Body())
			}
		})
	}
}

func TestTextHardWrapped(t *testing.T) {
	wrapped := "The regional water board said on Monday that\nreservoir levels had recovered after the wettest\nautumn in a decade.\n\nEngineers will use the coming months to repair two\nleaking mains under the old town, the board said.\n"
	want := []string{
		"The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade.",
		"Engineers will use the coming months to repair two leaking mains under the old town, the board said.",
	}
	got := Text([]byte(wrapped)).Paragraphs
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

// TestTextForeignStopWords checks that the prose test uses the page's own
// language: a long tag cloud has no function words in any language, and
// must not win over a short article written in Portuguese or German.
func TestTextForeignStopWords(t *testing.T) {
	tests := []struct {
		name, cloud, body string
	}{
		{"portuguese",
			"agenda cultura esporte saude obras transito turismo educacao feira festa concurso edital escola museu biblioteca ponte rua praca bairro prefeitura vacina reforma evento natal carnaval inverno verao chuva seca",
			"A prefeitura informou nesta segunda-feira que as obras na ponte do centro vão durar mais dois meses. Segundo a secretaria, a chuva das últimas semanas atrasou a entrega do material e os moradores devem usar o desvio pela rua do mercado até o fim do ano."},
		{"german",
			"politik wirtschaft sport kultur wetter reise auto technik gesundheit bildung familie garten kochen wohnen musik kino theater buch spiele video podcast archiv",
			"Die Stadtverwaltung hat am Montag mitgeteilt, dass die Sanierung der alten Brücke länger dauern wird als geplant. Wegen des Regens in den letzten Wochen sei das Material zu spät geliefert worden, und die Anwohner sollen bis zum Jahresende die Umleitung über den Marktplatz nehmen."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text([]byte(tt.cloud + "\n\n" + tt.body + "\n"))
			if got.Body() != tt.body {
				t.Errorf("body = %q, want only the article", got.Body())
			}
		})
	}
}

// TestTextForeignEndMarkers checks that end markers are known in other
// languages: the teasers after "Leia também" are not article text, though
// they are sentences.
func TestTextForeignEndMarkers(t *testing.T) {
	body := "A prefeitura informou nesta segunda-feira que as obras na ponte do centro vão durar mais dois meses.\n" +
		"Segundo a secretaria, a chuva das últimas semanas atrasou a entrega do material e os moradores devem usar o desvio."
	page := body + "\nLeia também\nA câmara aprovou o novo plano de transporte para os bairros da zona norte da cidade.\n" +
		"A feira do livro começa no sábado na praça central e vai até o fim do mês de maio.\n"
	if got := Text([]byte(page)).Paragraphs; strings.Join(got, "\n") != body {
		t.Errorf("paragraphs = %q, want only the article", got)
	}
}

// TestTextProseWithAddress checks that a long paragraph naming a web
// address is prose, while a teaser ending in its link is not.
func TestTextProseWithAddress(t *testing.T) {
	prose := "Residents who want to see the repaired mains can join a guided walk on Saturday morning, and places can be booked on the board's website at www.water-board.example before Thursday."
	teaser := "Harbour ferry fares rise again for the winter season https://news.example/ferry-fares"
	got := Text([]byte(article + "\n" + prose + "\n" + teaser + "\n"))
	if !strings.Contains(got.Body(), "guided walk") {
		t.Errorf("body lost the paragraph with an address:\n%s", got.Body())
	}
	if strings.Contains(got.Body(), "ferry") {
		t.Errorf("body kept the teaser link:\n%s", got.Body())
	}
}
