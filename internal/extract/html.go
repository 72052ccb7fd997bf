package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Cleaning an HTML page.
//
// HTML reads metadata first (htmlmeta.go), while nothing has been removed.
// Then it prunes what is never article text: scripts, styles, forms, nav,
// header, footer and aside elements, ARIA landmarks for navigation, banners
// and complementary content, and elements whose class or id names a family
// of page furniture (cookie banners, newsletter boxes, share buttons,
// related-article lists, ads, comments; see pruneHints), unless another of
// its words names an embedded post ("social-media-embed": keepHints). A
// hinted element that holds most of the page's paragraph text is kept: a
// wrapper called "page has-sidebar" is not a sidebar.
//
// The main content is the element marked itemprop=articleBody when there is
// one; otherwise the element with the best paragraph score: every paragraph
// of 25 characters or more scores one point plus a point per comma plus one
// per 100 characters (at most three), credited in full to its parent and
// half to its grandparent, and each candidate's score is scaled by one minus
// its link density (the share of its text inside links). A paragraph is a
// <p> or <pre>, a <div> with no block children (text broken only by <br>),
// or the inline text directly inside any other element, which then counts
// as its own parent. A winning list
// item or table cell stands for its whole list or table. An <article>
// holding the winner is preferred to it, since the winner is often one of
// several text columns inside it. When the winner, alone in its wrappers,
// sits in a section with siblings of the same tag and class that hold
// prose (an article cut by pictures into sections), they join it;
// otherwise the winner's siblings that score at least a fifth of it do.
//
// Inside the main content, blocks (p, h2-h6, li, blockquote, pre, and runs of
// inline text inside divs) become paragraphs in document order. Dropped are
// a block mostly made of links (unless it has 50 characters of its own: a
// roundup item), a short block holding a URL, an e-mail address or a " | "
// menu, a block in the boilerplate lexicon (captions, pitches and bare date
// stamps included), the title again, and the short blocks after an end
// marker ("Related").

// pruneTags are elements never read as article text.
var pruneTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Label: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Figcaption: true, atom.Head: true,
}

// furnitureTags are elements that hold page furniture, unless they hold
// most of the page's text: some sites wrap the whole page in a <form>.
var furnitureTags = map[atom.Atom]bool{
	atom.Form: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Dialog: true, atom.Menu: true,
}

// pruneRoles are ARIA roles never read as article text.
var pruneRoles = wordSetOf("navigation", "banner", "contentinfo", "complementary",
	"search", "dialog", "alertdialog", "menu", "menubar", "toolbar")

// pruneHints are class and id words naming page furniture. A class or id
// matches when one of its words (split at - and _) is here.
var pruneHints = wordSetOf(
	"cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
	"signup", "paywall", "share", "sharing", "social", "sharebar", "related", "recommended",
	"recommendations", "recirculation", "comment", "comments", "disqus", "advert",
	"advertisement", "ad", "ads", "adslot", "adunit", "dfp", "sponsor", "sponsored", "promo",
	"popup", "modal", "sidebar", "widget", "breadcrumb", "breadcrumbs", "menu", "nav",
	"navbar", "navigation", "footer", "masthead", "toolbar", "tags", "taglist", "byline",
	"outbrain", "taboola", "trending", "popular", "hidden", "skip", "rss", "caption",
	"teaser", "teasers", "more", "next", "prev", "pagination", "author", "bio", "login",
	"tooltip", "popover", "hovercard", "rollover", "flyout",
)

// HTML cleans an HTML page.
func HTML(data []byte) *Result {
	res := newResult()
	src := normalizeInput(data)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		// html.Parse refuses nesting deeper than 512 elements: read the
		// page as a text dump instead.
		res = Text([]byte(stripTags(src)))
		res.From["body"] = "text-fallback"
		return res
	}
	htmlMeta(doc, res)
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return res
	}
	root := body.Get(0)
	ptext := paragraphText(root)
	prune(root, ptext, ptext[root])
	main := mainContent(doc, root)
	res.Paragraphs = Dehyphenate(selectBlocks(collectBlocks(main), res.Title))
	return res
}

// paragraphText returns, for every element, the length of text inside the
// <p> elements under it, computed bottom-up in one walk.
func paragraphText(root *html.Node) map[*html.Node]int {
	m := make(map[*html.Node]int)
	var walk func(n *html.Node, inP bool) int
	walk = func(n *html.Node, inP bool) int {
		if n.Type == html.TextNode {
			if inP {
				return len(strings.TrimSpace(n.Data))
			}
			return 0
		}
		total := 0
		inP = inP || n.DataAtom == atom.P
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c, inP)
		}
		if n.Type == html.ElementNode {
			m[n] = total
		}
		return total
	}
	walk(root, false)
	return m
}

// prune removes furniture under n. An element holding more than half of
// the page's paragraph text is never removed for its class or id.
func prune(n *html.Node, ptext map[*html.Node]int, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type != html.ElementNode:
		case pruneTags[c.DataAtom] || isHidden(c) || (isFurniture(c) && ptext[c]*2 < total):
			n.RemoveChild(c)
		default:
			prune(c, ptext, total)
		}
		c = next
	}
}

// isHidden reports whether an element is hidden from readers.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			return a.Val == "true"
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			return strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden")
		}
	}
	return false
}

// isFurniture reports whether an element is page furniture by its tag, or
// by a role, class or id naming furniture. The body, main and article
// elements and the marked article body never are by their names.
func isFurniture(n *html.Node) bool {
	switch {
	case furnitureTags[n.DataAtom]:
		return true
	case n.DataAtom == atom.Body, n.DataAtom == atom.Main, n.DataAtom == atom.Article, n.DataAtom == atom.Html:
		return false
	}
	var class, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if a.Val == "articleBody" {
				return false
			}
		case "role":
			if pruneRoles[a.Val] {
				return true
			}
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	return hintMatch(class) || hintMatch(id)
}

// hintMatch reports whether one of the words of a class or id attribute is
// a furniture hint.
func hintMatch(v string) bool {
	if v == "" || len(v) > 500 {
		return false
	}
	hint := false
	for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	}) {
		if keepHints[w] {
			return false
		}
		hint = hint || pruneHints[w]
	}
	return hint
}

// keepHints are class and id words that overrule pruneHints: a
// "social-media-embed" holds a post quoted in the article, not a share bar.
var keepHints = wordSetOf("embed", "embedded", "tweet", "quote", "blockquote")

// stripTags turns markup into a rough text dump: tags become line breaks,
// and script and style contents are dropped.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s) / 2)
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		tag := strings.ToLower(s[:min(j, 8)])
		s = s[j+1:]
		for _, skip := range []string{"script", "style"} {
			if strings.HasPrefix(tag, "<"+skip) {
				if k := strings.Index(strings.ToLower(s), "</"+skip); k >= 0 {
					s = s[k:]
				}
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
