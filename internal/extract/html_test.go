package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, HTML(data), pageWant{
		title:     "Lake Ferries Return After Winter Pause",
		byline:    "Tomas Lindqvist",
		source:    "The Northshore Gazette",
		section:   "Transport",
		url:       "https://gazette.example/news/lake-ferries-return",
		published: "2026-02-14T07:30:00+01:00",
		from: map[string]string{"title": "json-ld", "byline": "json-ld", "source": "json-ld",
			"section": "json-ld", "url": "json-ld", "published": "json-ld"},
		paragraphs: 6,
		first:      "Passenger ferries on the lake",
		last:       "Local businesses on the islands",
		has:        []string{"Fares stay the same", `"We know people rely`},
		hasNot: []string{"cookies", "Accept all", "Sport", "Share on Facebook", "Tweet", "Advertisement",
			"Buy cheap", "morning briefing", "Sign up", "Bridge repairs", "Island school", "Great news",
			"Mayor opens", "Northshore Media", "Terms of use", "Tomas Lindqvist", "14 February"},
	})
}

// page wraps body in a minimal HTML document with the given head.
func page(head, body string) []byte {
	return []byte("<html><head>" + head + "</head><body>" + body + "</body></html>")
}

const htmlProse = `<p>The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade.</p>
<p>Engineers will use the coming months to repair two leaking mains under the old town, work that will save water for many homes.</p>
<p>Farmers welcomed the decision, but asked for a longer warning next time, since many had already paid for storage tanks.</p>`

func TestHTMLMetadataSources(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             pageWant
	}{
		{"og and article tags", `<title>Ban ends - Valley Times</title>
<meta property="og:title" content="Hosepipe ban ends early">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2025-10-12T09:15:00Z">
<meta property="article:section" content="Environment">
<meta name="author" content="Ravi Menon">
<meta property="og:url" content="https://valley.example/ban">`, htmlProse, pageWant{
			title: "Hosepipe ban ends early", source: "Valley Times", section: "Environment",
			byline: "Ravi Menon", url: "https://valley.example/ban", published: "2025-10-12T09:15:00Z",
			from: map[string]string{"title": "og:title", "source": "og:site_name", "section": "article:section",
				"byline": "meta:author", "url": "og:url", "published": "meta:article:published_time"},
		}},
		{"visible elements only", `<title>Hosepipe ban ends early</title>`,
			`<h1>Hosepipe ban ends early</h1><p class="byline">By Ravi Menon</p>
<time datetime="2025-10-12" pubdate>12 October</time>
<div class="breadcrumbs"><a href="/">Home</a> <a href="/env">Environment</a></div>` + htmlProse, pageWant{
				title: "Hosepipe ban ends early", byline: "Ravi Menon", section: "Environment",
				published: "2025-10-12T00:00:00Z",
				from: map[string]string{"title": "h1", "byline": "byline-element", "section": "breadcrumb",
					"published": "time"},
			}},
		{"json-ld array and author list", `<script type="application/ld+json">[{"@type":"WebSite","name":"Ignore Me"},
{"@type":["NewsArticle"],"headline":"Ban ends","datePublished":"Oct 12, 2025",
"author":[{"name":"Ravi Menon"},{"name":"Lea Park"}],"publisher":"Valley Times",
"articleSection":["Environment","Water"],"url":"https://valley.example/ban"}]</script>`, htmlProse, pageWant{
			title: "Ban ends", byline: "Ravi Menon, Lea Park", source: "Valley Times",
			section: "Environment, Water", url: "https://valley.example/ban", published: "2025-10-12T00:00:00Z",
		}},
		{"title tag without the site name", `<title>Hosepipe ban ends early | Valley Times</title>`, htmlProse, pageWant{
			title: "Hosepipe ban ends early", from: map[string]string{"title": "title"},
		}},
		{"source from the footer", "", htmlProse + `<footer><p>Contact</p><p>© 2025 Valley Times Media. All rights reserved.</p></footer>`, pageWant{
			source: "Valley Times Media", from: map[string]string{"source": "copyright"},
		}},
		{"entities escaped twice", `<meta property="og:title" content="Water bills rise by &amp;#163;3">`,
			`<h2>Water bills rise by £3</h2>` + htmlProse, pageWant{
				title: "Water bills rise by £3", from: map[string]string{"title": "og:title"},
			}},
		{"broken json-ld is ignored", `<script type="application/ld+json">{"@type":"NewsArticle","headline":</script>
<link rel="canonical" href="https://valley.example/c">`, htmlProse, pageWant{
			url: "https://valley.example/c", from: map[string]string{"url": "canonical"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.paragraphs = 3
			tt.want.first, tt.want.last = "The regional water board", "Farmers welcomed"
			checkPage(t, HTML(page(tt.head, tt.body)), tt.want)
		})
	}
}

func TestHTMLMainContent(t *testing.T) {
	links := strings.Repeat(`<li><a href="/x">A teaser headline about something else entirely</a></li>`, 30)
	tests := []struct {
		name   string
		body   string
		hasNot []string
	}{
		{"densest block beats link lists", `<div class="left"><ul>` + links + `</ul></div><div class="story">` + htmlProse + `</div>`,
			[]string{"teaser"}},
		{"itemprop articleBody wins", `<div><p>A long introduction to the site that is written in full sentences, with commas, many of them, and more, and more.</p></div>
<div itemprop="articleBody">` + htmlProse + `</div>`, []string{"introduction"}},
		{"text broken by br", `<div class="content">The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade.<br><br>
Engineers will use the coming months to repair two leaking mains under the old town, work that will save water for many homes.<br><br>
Farmers welcomed the decision, but asked for a longer warning next time, since many had already paid for storage tanks.</div>`, nil},
		{"hidden and furniture classes", `<div class="story">` + htmlProse + `<div style="display: none">Secret text here</div>
<div class="social-share">Share this story now</div><div class="comments-area"><p>First comment, written by a reader, with commas, many commas.</p></div>
<div class="promo">Win a holiday</div><span aria-hidden="true">Icon label</span></div>`,
			[]string{"Secret", "Share", "comment", "holiday", "Icon"}},
		{"end marker heading drops its list", `<div class="story">` + htmlProse + `<h3>Read more</h3><p><a href="/y">Other story</a></p><p>Short teaser line</p></div>`,
			[]string{"Read more", "Other story", "teaser"}},
		{"captions and pitches inside the story", `<div class="story"><p>Workers lay new pipes under the old market square (Image: GETTY)</p>` + htmlProse +
			`<p>Get the Valley Post newsletter: sign up today and it will be delivered to your inbox every morning.</p>
<div>In this March 2, 2025, file photo, a tanker truck delivers water to a farm near the reservoir.</div></div>`,
			[]string{"market square", "newsletter", "tanker"}},
		{"short blocks of addresses and menus", `<div class="story">` + htmlProse +
			`<p>https://valley.example/news/water-ban-ends</p><p>Send your tips to desk@valley.example</p><div>News | Sport | Weather</div></div>`,
			[]string{"https", "tips", "Sport"}},
		{"hover cards inside a paragraph", `<div class="story"><p>The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade.<span class="person-tooltip"><a href="/p/1">Profile</a> <a href="/a/1">Board chief warns of dry summer ahead</a> <a href="/a/2">Board chief opens new pumping station</a> <a href="/a/3">Board chief joins climate panel</a></span></p>` +
			strings.SplitN(htmlProse, "\n", 2)[1] + `</div>`, []string{"Board chief", "Profile"}},
		{"date stamps in other languages", `<div class="story"><div>segunda-feira, 22 de janeiro de 2026 às 10:13</div><div>02 Ago 2026</div>` +
			htmlProse + `<div>05/10/2026 14:30</div></div>`, []string{"janeiro", "Ago", "05/10"}},
		{"invitation to comment", `<div class="story">` + htmlProse + `<h3>Tell us what you think...</h3><p>Short reply box</p></div>`,
			[]string{"Tell us", "reply box"}},
		{"wrapper with a furniture class is kept", `<div class="page has-sidebar">` + htmlProse + `</div>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPage(t, HTML(page("", tt.body)), pageWant{
				paragraphs: 3, first: "The regional water board", last: "Farmers welcomed", hasNot: tt.hasNot,
			})
		})
	}
}

// TestHTMLSectionTwins checks an article cut into sections of the same
// class by a picture: all of them are the body, not only the longest.
func TestHTMLSectionTwins(t *testing.T) {
	first := `<p>The regional water board said on Monday that reservoir levels had recovered after the wettest autumn in a decade, and that the hosepipe ban would end at midnight.</p>
<p>Engineers will use the coming months to repair two leaking mains under the old town, work that the board says will save enough water for twenty thousand homes.</p>`
	second := `<p>Farmers welcomed the decision but asked for a longer warning next time, since many of them had already paid for tanks to store rain from their barn roofs, and some had sold cattle early to save on the cost of carting water from the river.</p>`
	body := `<main><section class="post-part"><div class="post-text">` + first + `</div></section>
<figure><img src="/a.jpg"></figure>
<section class="post-part"><div class="post-text">` + second + `</div></section>
<section class="more-links"><div><a href="/x">Other stories from the valley and beyond, read them all</a></div></section></main>`
	checkPage(t, HTML(page("", body)), pageWant{
		paragraphs: 3, first: "The regional water board", last: "Farmers welcomed", hasNot: []string{"Other stories"},
	})
}

// TestHTMLEmbeddedPost checks that a social post quoted in the article is
// kept although its wrapper's class names social media, while a share bar
// is still dropped.
func TestHTMLEmbeddedPost(t *testing.T) {
	body := `<div class="story">` + htmlProse + `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The reservoir is full again, and the ban ends tonight at midnight.</p>— Valley Water Board (@valleywater)</blockquote></div>
<div class="social-share">Share this story with your friends</div></div>`
	checkPage(t, HTML(page("", body)), pageWant{
		first: "The regional water board", has: []string{"The reservoir is full again"}, hasNot: []string{"Share this story"},
	})
}

func TestIsDateOnly(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"segunda-feira, 22 de janeiro de 2026 às 10:13", true},
		{"Tuesday, 3 March 2026", true},
		{"05/10/2026 14:30", true},
		{"02 Ago 2026", true},
		{"May 2026 budget approved", false},
		{"2026", false},
		{"Top 5", false},
		{"1 Kyle Busch 5040", false},
	}
	for _, tt := range tests {
		l := measure(tt.line)
		if got := isDateOnly(l.key, l.words); got != tt.want {
			t.Errorf("isDateOnly(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestHTMLRoundupItems checks that a roundup item, a linked headline with
// its summary after it, is kept, while a bare link is not.
func TestHTMLRoundupItems(t *testing.T) {
	body := `<div class="story">` + htmlProse + `<ul>
<li><strong><a href="/a">Ferry company raises its winter fares for the second time this year, and again in spring</a>.</strong> Commuters say the rise will cost them a week of wages, or more.</li>
<li><a href="/b">Library keeps late hours during exams</a></li></ul></div>`
	checkPage(t, HTML(page("", body)), pageWant{
		first: "The regional water board", last: "Ferry company", has: []string{"week of wages"}, hasNot: []string{"Library"},
	})
}
