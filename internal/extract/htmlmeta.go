package extract

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// This file reads an HTML page's metadata. For each field the sources are
// tried from the most deliberate to the least: JSON-LD (what the publisher
// tells search engines), then Open Graph and article:* meta tags, then plain
// meta tags and <link rel=canonical>, then visible elements (h1, byline and
// breadcrumb elements, <title>). Result.From names the source that won.

// jsonLDTypes are the schema.org types read as the article.
var jsonLDTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "BlogPosting": true, "ReportageNewsArticle": true,
	"AnalysisNewsArticle": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true,
	"Report": true, "LiveBlogPosting": true, "TechArticle": true, "ScholarlyArticle": true,
}

// htmlMeta fills res from doc's metadata.
func htmlMeta(doc *goquery.Document, res *Result) {
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) == nil {
			walkJSONLD(v, res, 0)
		}
	})
	meta := func(attr, name string) string {
		v, _ := doc.Find(`meta[` + attr + `="` + name + `"]`).First().Attr("content")
		return v
	}
	res.set(&res.Title, "title", meta("property", "og:title"), "og:title")
	res.set(&res.Title, "title", meta("name", "twitter:title"), "twitter:title")
	res.set(&res.Source, "source", meta("property", "og:site_name"), "og:site_name")
	res.set(&res.Source, "source", meta("name", "application-name"), "meta:application-name")
	res.set(&res.Section, "section", meta("property", "article:section"), "article:section")
	res.set(&res.Byline, "byline", meta("name", "author"), "meta:author")
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok {
		res.set(&res.URL, "url", href, "canonical")
	}
	res.set(&res.URL, "url", meta("property", "og:url"), "og:url")
	for _, p := range [][2]string{{"property", "article:published_time"}, {"name", "article:published_time"},
		{"itemprop", "datePublished"}, {"name", "pubdate"}, {"name", "publishdate"}, {"name", "date"},
		{"name", "dc.date"}, {"name", "DC.date.issued"}, {"name", "dcterms.created"}, {"name", "parsely-pub-date"}} {
		if t, ok := ParseDate(meta(p[0], p[1])); ok {
			res.setDate(t, "meta:"+p[1])
		}
	}
	visibleMeta(doc, res)
}

// visibleMeta reads metadata from visible elements, after the meta tags.
func visibleMeta(doc *goquery.Document, res *Result) {
	if dt, ok := doc.Find(`[itemprop="datePublished"], article time[datetime], time[pubdate]`).First().Attr("datetime"); ok {
		if t, ok := ParseDate(dt); ok {
			res.setDate(t, "time")
		}
	}
	res.set(&res.Title, "title", doc.Find("h1").First().Text(), "h1")
	res.set(&res.Title, "title", stripSiteName(doc.Find("title").First().Text(), res.Source), "title")
	by := doc.Find(`[itemprop="author"] [itemprop="name"], [rel="author"], .byline, .author-name, .article-author`).First().Text()
	if name, ok := bylineName(cleanSpace(by)); ok {
		by = name
	}
	if len(strings.Fields(by)) <= 8 {
		res.set(&res.Byline, "byline", by, "byline-element")
	}
	var crumbs []string
	doc.Find(`.breadcrumb a, .breadcrumbs a, nav[aria-label="breadcrumb"] a, [itemtype$="BreadcrumbList"] [itemprop="name"]`).Each(func(_ int, s *goquery.Selection) {
		if t := cleanSpace(s.Text()); t != "" && len(crumbs) < 10 {
			crumbs = append(crumbs, t)
		}
	})
	if len(crumbs) > 0 {
		setBreadcrumb(append(crumbs, ""), res, "breadcrumb")
	}
	if res.Source == "" {
		copyrightSource(doc, res)
	}
}

// copyrightSource takes the source from a copyright notice in the page's
// footer.
func copyrightSource(doc *goquery.Document, res *Result) {
	doc.Find(`footer, [class*="copyright"], [id*="copyright"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, b := range collectBlocks(s.Nodes) {
			l := measure(b.text)
			if l.words > 0 && l.words <= 20 && isCopyright(&l) {
				res.set(&res.Source, "source", copyrightOwner(l.text), "copyright")
				return res.Source == ""
			}
		}
		return true
	})
}

// stripSiteName removes a site name that a <title> carries after the
// headline ("Headline | Site", "Headline - Site"). Without a known site
// name, only a short last part after " | " is taken for one.
func stripSiteName(title, site string) string {
	title = cleanSpace(title)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := title[i+len(sep):]
		if (site != "" && strings.EqualFold(tail, site)) || (sep == " | " && len(strings.Fields(tail)) <= 4) {
			return title[:i]
		}
	}
	return title
}

// walkJSONLD looks through a decoded JSON-LD value for the article and a
// BreadcrumbList. Depth is bounded.
func walkJSONLD(v any, res *Result, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkJSONLD(e, res, depth+1)
		}
	case map[string]any:
		switch {
		case hasType(x, jsonLDTypes):
			articleJSONLD(x, res)
		case hasType(x, map[string]bool{"BreadcrumbList": true}):
			breadcrumbJSONLD(x, res)
		}
		if g, ok := x["@graph"]; ok {
			walkJSONLD(g, res, depth+1)
		}
	}
}

func hasType(x map[string]any, types map[string]bool) bool {
	switch t := x["@type"].(type) {
	case string:
		return types[t]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[s] {
				return true
			}
		}
	}
	return false
}

// articleJSONLD reads a schema.org article object.
func articleJSONLD(x map[string]any, res *Result) {
	res.set(&res.Title, "title", jsonString(x["headline"]), "json-ld")
	res.set(&res.Byline, "byline", jsonNames(x["author"]), "json-ld")
	res.set(&res.Source, "source", jsonNames(x["publisher"]), "json-ld")
	res.set(&res.Section, "section", jsonNames(x["articleSection"]), "json-ld")
	res.set(&res.URL, "url", jsonString(x["url"]), "json-ld")
	res.set(&res.URL, "url", jsonNames(x["mainEntityOfPage"]), "json-ld")
	if t, ok := ParseDate(jsonString(x["datePublished"])); ok {
		res.setDate(t, "json-ld")
	}
}

// breadcrumbJSONLD reads a schema.org BreadcrumbList.
func breadcrumbJSONLD(x map[string]any, res *Result) {
	items, _ := x["itemListElement"].([]any)
	var parts []string
	for _, it := range items {
		m, _ := it.(map[string]any)
		name := jsonString(m["name"])
		if name == "" {
			name = jsonNames(m["item"])
		}
		if name != "" {
			parts = append(parts, name)
		}
	}
	if len(parts) > 0 {
		setBreadcrumb(append(parts, ""), res, "json-ld")
	}
}

func jsonString(v any) string {
	s, _ := v.(string)
	return s
}

// jsonNames returns a string value, the "name" (or "@id") of an object, or
// those of an array's elements joined with ", ".
func jsonNames(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if n := jsonString(x["name"]); n != "" {
			return n
		}
		return jsonString(x["@id"])
	case []any:
		var names []string
		for _, e := range x {
			if n := jsonNames(e); n != "" && len(names) < 5 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
