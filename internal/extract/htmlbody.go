package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file finds the main content of a pruned HTML page and turns it into
// paragraphs; the method is described at the top of html.go.

// blockTags end a run of inline text and start a new paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Figure: true, atom.Hr: true,
	atom.Br: true, atom.Center: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// listParts are the elements of lists and tables.
var listParts = map[atom.Atom]bool{
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// counts holds the text and link-text lengths of every element.
type counts struct {
	text, link map[*html.Node]int
}

// countText measures text and link text under every element in one walk.
func countText(root *html.Node) counts {
	c := counts{text: make(map[*html.Node]int), link: make(map[*html.Node]int)}
	var walk func(n *html.Node, inLink bool) (int, int)
	walk = func(n *html.Node, inLink bool) (int, int) {
		if n.Type == html.TextNode {
			l := len(strings.TrimSpace(n.Data))
			if inLink {
				return l, l
			}
			return l, 0
		}
		inLink = inLink || n.DataAtom == atom.A
		var t, l int
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			ct, cl := walk(ch, inLink)
			t, l = t+ct, l+cl
		}
		c.text[n], c.link[n] = t, l
		return t, l
	}
	walk(root, false)
	return c
}

// mainContent returns the elements holding the article text, in document
// order.
func mainContent(doc *goquery.Document, root *html.Node) []*html.Node {
	c := countText(root)
	var marked *html.Node
	doc.Find(`[itemprop="articleBody"]`).Each(func(_ int, s *goquery.Selection) {
		if n := s.Get(0); marked == nil || c.text[n] > c.text[marked] {
			marked = n
		}
	})
	if marked != nil && c.text[marked] >= 200 {
		return []*html.Node{marked}
	}
	scores := scoreParagraphs(root)
	var best *html.Node
	bestScore := 0.0
	for n, s := range scores {
		s *= 1 - linkDensity(c, n)
		if s > bestScore || (s == bestScore && best != nil && c.text[n] > c.text[best]) {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return []*html.Node{root}
	}
	for listParts[best.DataAtom] && best.Parent != nil {
		best = best.Parent // a list item or table cell is one paragraph of its container
		bestScore = max(bestScore, scores[best])
	}
	for a := best.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Article && c.text[a] < 3*c.text[best]+2000 {
			return []*html.Node{a}
		}
	}
	if twins := sectionTwins(best, root, c); twins != nil {
		return twins
	}
	return withSiblings(best, bestScore, scores, c)
}

// sectionTwins handles an article cut into several sections by pictures or
// pull quotes: when best, alone inside its wrappers, sits in a section that
// has siblings of the same tag and class holding prose, they are returned
// together, in order. It returns nil when there are none.
func sectionTwins(best, root *html.Node, c counts) []*html.Node {
	top := best
	for top.Parent != nil && top.Parent != root && c.text[top.Parent] <= c.text[top]+c.text[top]/10 {
		top = top.Parent
	}
	class := attr(top, "class")
	if top == best || top.Parent == nil || class == "" {
		return nil
	}
	var out []*html.Node
	twins := 0
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		switch {
		case s == top:
			out = append(out, s)
		case s.Type == html.ElementNode && s.DataAtom == top.DataAtom && attr(s, "class") == class &&
			linkDensity(c, s) < 0.3 && c.text[s] >= 200:
			out = append(out, s)
			twins++
		}
	}
	if twins == 0 {
		return nil
	}
	return out
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// scoreParagraphs credits each paragraph's score to its parent and half of
// it to its grandparent. A paragraph is a p or pre element, a div with no
// block children, or the inline text directly inside any other element,
// which then counts as its own parent.
func scoreParagraphs(root *html.Node) map[*html.Node]float64 {
	scores := make(map[*html.Node]float64)
	credit := func(parent *html.Node, text string) {
		if len(strings.TrimSpace(text)) < 25 || parent == nil {
			return
		}
		s := 1 + float64(strings.Count(text, ",")) + min(float64(len(text))/100, 3)
		scores[parent] += s
		if gp := parent.Parent; gp != nil {
			scores[gp] += s / 2
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if isParagraph(ch) {
				credit(ch.Parent, nodeText(ch))
				continue
			}
			credit(ch, inlineText(ch))
			walk(ch)
		}
	}
	walk(root)
	return scores
}

// isParagraph reports whether n scores as a paragraph: a p or pre, or a
// div with no block children but line breaks.
func isParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre:
		return true
	case atom.Div:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && blockTags[ch.DataAtom] && ch.DataAtom != atom.Br {
				return false
			}
		}
		return true
	}
	return false
}

// inlineText returns the text directly inside n, outside its block
// children.
func inlineText(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode:
			b.WriteString(ch.Data)
		case ch.Type == html.ElementNode && !blockTags[ch.DataAtom]:
			b.WriteString(nodeText(ch))
		}
	}
	return b.String()
}

func linkDensity(c counts, n *html.Node) float64 {
	if c.text[n] == 0 {
		return 0
	}
	return float64(c.link[n]) / float64(c.text[n])
}

// withSiblings returns best with those of its siblings that score at least
// a fifth of it, in document order.
func withSiblings(best *html.Node, bestScore float64, scores map[*html.Node]float64, c counts) []*html.Node {
	if best.Parent == nil {
		return []*html.Node{best}
	}
	limit := max(10, bestScore/5)
	var out []*html.Node
	for s := best.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == best || (s.Type == html.ElementNode && scores[s]*(1-linkDensity(c, s)) >= limit) {
			out = append(out, s)
		}
	}
	return out
}

// block is one paragraph-like run of text with the share of it in links.
type block struct {
	text      string
	textChars int
	linkChars int // text inside <a>
	timeChars int // text inside <time>
}

// collectBlocks turns the inline text under nodes into blocks, starting a
// new block at every block element.
func collectBlocks(nodes []*html.Node) []block {
	var out []block
	var b strings.Builder
	var cur block
	flush := func() {
		if t := cleanSpace(b.String()); t != "" {
			cur.text = t
			out = append(out, cur)
		}
		b.Reset()
		cur = block{}
	}
	var walk func(n *html.Node, inLink, inTime bool)
	walk = func(n *html.Node, inLink, inTime bool) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			l := len(strings.TrimSpace(n.Data))
			cur.textChars += l
			if inLink {
				cur.linkChars += l
			}
			if inTime {
				cur.timeChars += l
			}
			return
		case html.ElementNode:
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			}
			inLink = inLink || n.DataAtom == atom.A
			inTime = inTime || n.DataAtom == atom.Time
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, inLink, inTime)
		}
	}
	for _, n := range nodes {
		walk(n, false, false)
		flush()
	}
	return out
}

// linkBlockWords is the longest block (in words) dropped for holding a URL,
// an e-mail address or a " | " menu.
const linkBlockWords = 20

// ownTextChars is how much text of its own (outside links) keeps a block
// that is mostly links: a roundup item, a linked headline followed by its
// summary, is article text; a list of links is not.
const ownTextChars = 50

// selectBlocks keeps the blocks that are article text.
func selectBlocks(blocks []block, title string) []string {
	var out []string
	seen := make(map[string]bool)
	titleKey := lineKey(title)
	afterMarker := false
	for _, bl := range blocks {
		l := measure(bl.text)
		switch {
		case l.key == "":
			continue
		case isEndMarker(l.key, l.words):
			afterMarker = true
			continue
		case bl.linkChars*2 > bl.textChars && bl.textChars-bl.linkChars < ownTextChars || bl.timeChars == bl.textChars ||
			isBoilerplate(l.key, l.words) || isCopyright(&l) || isMetaLine(&l) || isCaption(l.text, l.key) ||
			isDateOnly(l.key, l.words) ||
			(l.link && l.words <= linkBlockWords):
			continue
		case afterMarker && l.words < 10:
			continue
		}
		afterMarker = false
		if l.key == titleKey || (l.words >= dupWords && seen[l.key]) {
			continue
		}
		seen[l.key] = true
		out = append(out, l.text)
	}
	return out
}

// nodeText returns the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}
