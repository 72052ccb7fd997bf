package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// The boilerplate lexicon: phrases that, making up a whole line (or its
// start), mark the line as page furniture rather than article text. They are
// grouped by family so that a new site's variant is easy to add. Matching is
// on the line's key (see lineKey): lower case, letters, digits and single
// spaces only, so "Subscribe to our weekly news digest." and "SUBSCRIBE TO
// OUR WEEKLY NEWS DIGEST" share one entry.

// boilerLines are keys that mark a line as boilerplate when the whole line
// equals them.
var boilerLines = wordSetOf(
	// paywall and account dialogs
	"are you sure want to unlock this post", "are you sure you want to unlock this post",
	"are you sure want to cancel subscription", "are you sure you want to cancel subscription",
	"unlock left", "unlock left 0", "sign in", "log in", "login", "register", "sign up",
	"subscribe", "subscribe now", "my account", "logout", "log out", "cancel", "ok", "yes", "no",
	"continue reading", "already a subscriber", "create account", "create an account",
	// newsletter boxes
	"invalid email address", "thanks for subscribing", "thank you for subscribing",
	"we ll be sending you our best soon", "something went wrong please try again later",
	"enter your email", "enter your email address", "email address", "your email",
	"sign up for our newsletter", "subscribe to our newsletter",
	// summaries, tools and sharing
	"no time to read", "get a summary", "share", "share this", "share this article",
	"share on facebook", "share on twitter", "share on whatsapp", "tweet", "email", "print",
	"copy link", "link copied", "comments", "comment", "leave a comment", "post a comment",
	"listen to this article", "listen", "save", "bookmark", "follow us", "follow",
	"advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads",
	"skip to content", "skip to main content", "menu", "search", "close", "home", "back to top",
	"loading", "read more", "read full article", "show more", "load more", "see more", "view all",
	"accept", "accept all", "reject all", "manage cookies", "cookie settings", "got it",
	"image", "photo", "video", "watch", "click here", "tags", "topics", "filed under",
	"advert", "caption", "hide caption", "toggle caption", "back to gallery", "view gallery",
	"this slideshow requires javascript", "continue reading below", "story continues below",
	"article continues below", "enlarge this image", "expand", "collapse",
)

// boilerPrefixes are keys that mark a line as boilerplate when the line
// starts with them and is short.
var boilerPrefixes = []string{
	"subscribe to", "join now and become", "sign up for", "sign up to", "get the latest",
	"we use cookies", "this website uses cookies", "this site uses cookies", "by clicking",
	"by continuing to use", "follow us on", "follow us", "download the app", "download our app",
	"click here to", "click to", "share your thoughts", "related", "share this", "also read", "read also", "read more", "see also", "you may also like",
	"you might also like", "recommended for you", "more from", "more stories",
	"image source", "image credit", "photo credit", "photograph", "file photo", "representational image",
	"all rights reserved", "all right reserved", "copyright", "terms of use", "terms of service",
	"privacy policy", "contact us", "about us", "newsletter", "whatsapp channel",
	"reuse this content", "we ll be sending you", "thanks for subscribing", "unlock left",
	"are you sure", "something went wrong", "please try again", "your subscription",
	"to continue reading", "sign in to", "log in to", "already have an account",
	// appeals to readers
	"like this story", "like this article", "enjoyed this article", "did you enjoy", "have a tip",
	"got a tip", "send us a tip", "support our journalism", "support independent journalism",
	// date lines whose date could not be read
	"last updated", "last modified", "updated on", "published on", "posted on", "first published",
	"reading time", "estimated reading time",
}

// endMarkers are keys of lines after which a page lists other articles:
// a marker ends the run of article text it follows, and the short lines
// after it (teaser headlines) are never body.
var endMarkers = wordSetOf(
	"most popular", "most read", "most viewed", "popular", "popular stories", "trending",
	"trending now", "trending news", "related", "related articles", "related stories",
	"related news", "related posts", "related content", "related topics", "previous article",
	"next article", "previous post", "next post", "previous", "next", "read next", "up next",
	"more stories", "more news", "more from", "latest news", "latest", "latest stories",
	"top stories", "you may also like", "you might also like", "recommended",
	"recommended for you", "recommended stories", "editor s picks", "editors picks",
	"also read", "read more", "further reading", "comments", "leave a reply", "leave a comment",
	"more on this story", "around the web", "from the web", "in case you missed it",
	"don t miss", "must read", "tags", "topics", "share this article", "about the author",
	"sponsored stories", "promoted stories", "what to read next", "other articles",
	"related coverage", "related video", "related videos", "more to explore", "explore further",
	"tell us what you think", "what do you think", "have your say", "join the conversation",
	"join the discussion",
	// the same in other languages: pt, es, fr, de, it, nl, ru, ja, zh
	"você pode gostar", "veja também", "leia também", "leia mais", "posts relacionados",
	"artigos relacionados", "notícias relacionadas", "mais lidas", "mais lidos", "últimas notícias",
	"te puede interesar", "también te puede interesar", "noticias relacionadas",
	"artículos relacionados", "lo más leído", "más leídas", "lee también", "leer más",
	"últimas noticias", "relacionados", "à lire aussi", "lire aussi", "sur le même sujet",
	"articles similaires", "les plus lus", "voir aussi", "vous aimerez aussi", "à lire également",
	"das könnte sie auch interessieren", "mehr zum thema", "weitere artikel", "ähnliche artikel",
	"meistgelesen", "lesen sie auch", "verwandte artikel", "leggi anche", "articoli correlati",
	"potrebbe interessarti", "ti potrebbe interessare", "i più letti", "più letti", "correlati",
	"lees ook", "gerelateerde artikelen", "meest gelezen", "читайте также", "похожие статьи",
	"популярное", "по теме", "другие новости", "популярные статьи", "смотрите также",
	"関連記事", "人気記事", "おすすめ記事", "相关文章", "相关阅读", "热门文章", "推荐阅读", "相關文章",
)

// endMarkerPrefixes start short end-marker lines such as "More in World".
var endMarkerPrefixes = []string{"more in ", "more from ", "latest in ", "latest from ", "also in ",
	"more stories from ", "more on ", "most popular ", "самые популярные ", "похожие ", "mais lidas ",
	"lo más ", "les plus lus ", "meistgelesen ", "più letti ", "関連",
	// an author's or a company's box: "About Jo Lane", "Sobre a autora"
	"about ", "sobre ", "über ", "à propos "}

// isEndMarker reports whether a line with key k and the given word count
// is an end marker.
func isEndMarker(k string, words int) bool {
	if endMarkers[k] {
		return true
	}
	if words > 5 {
		return false
	}
	for _, p := range endMarkerPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// commentMarkers are keys of lines that open a comment section. Nothing
// after one is article text.
var commentMarkers = wordSetOf(
	"leave a reply", "leave a comment", "post a comment", "add a comment",
	"join the conversation", "join the discussion", "show comments", "view comments",
	"reader comments", "comments are closed", "what do you think", "have your say",
	"tell us what you think", "share your thoughts", "leave your comment", "write a comment",
)

var commentCountRE = regexp.MustCompile(`^\d+ (?:comments?|responses?|replies|reactions?)\b`)

// bareCommentMarkers open comments only after a long run of prose, since
// share bars use them as links too.
var bareCommentMarkers = wordSetOf("comments", "comment", "discussion", "responses", "replies", "conversation")

// isCommentMarker reports whether a line with key k opens comments after
// prose words of article text.
func isCommentMarker(k string, prose int) bool {
	return commentMarkers[k] || commentCountRE.MatchString(k) || (prose >= 150 && bareCommentMarkers[k])
}

// stopWords is a small English function-word list used to tell prose from
// menus: running text has many of them, navigation almost none.
var stopWords = wordSetOf(strings.Fields(`a about above after again against all also am an
and any are as at be because been before being below between both but by can could did do
does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves said says may might must shall since
upon whether whose against among within without according per however although though
yet many much one two new last first`)...)

func wordSetOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lineKey lower-cases s and keeps only letters and digits, with single
// spaces between runs, so lexicon matching ignores punctuation and case.
func lineKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

// Captions and credits: a photo's caption ends with its credit ("... in
// Hanoi. (AP Photo/Jo Doe)", "... Europe (Image: GETTY)", "Photo: Jo Doe,
// AP"), opens with the agency formula ("In this Dec. 12, 2006, file photo,
// ..."), or is a gallery counter ("1 / 8", "Image 3 of 5", "2of4The
// harbour at dawn"). Captions describe pictures, not the story.
var (
	creditEndRE    = regexp.MustCompile(`(?i)(?:\((?:[^()]{0,40}\b)?(?:image|photo|picture|pic|photograph|credit|foto|bild)s?\b[^()]{0,80}\)|\b(?:photo|image|picture|photograph|credit|foto|bild)s?(?: credit)?: [^.!?]{2,60}|\bgetty images|\bshutterstock)\s*\.?$`)
	captionStartRE = regexp.MustCompile(`(?i)^(?:in (?:this|these|an?) [^.]{0,80}\b(?:photos?|images?|pictures?|handouts?|frame grabs?)\b|(?:image|photo|picture|slide|foto|bild) \d+ (?:of|/|von|de|di) \d+|\d+ ?(?:/|of) ?\d+(?:$|\p{Lu}))`)
)

// isCaption reports whether a line (its text t and key k) is a photo
// caption or credit. Only the line's ends are read, and the regular
// expressions only when the key shows a cue word there.
func isCaption(t, k string) bool {
	const reach = 160
	head, tail := t, t
	if len(t) > reach {
		head, tail = t[:reach], t[len(t)-reach:]
	}
	khead, ktail := k, k
	if len(k) > reach {
		khead, ktail = k[:reach], k[len(k)-reach:]
	}
	return (captionStartCue(khead) && captionStartRE.MatchString(head)) ||
		(strings.ContainsAny(tail, "):") || strings.HasSuffix(ktail, "images") || strings.HasSuffix(ktail, "shutterstock")) &&
			captionEndCue(ktail) && creditEndRE.MatchString(tail)
}

var captionWords = []string{"image", "photo", "picture", "pic", "credit", "foto", "bild", "getty", "shutterstock", "slide"}

// captionStartCue reports whether a key can start a caption.
func captionStartCue(k string) bool {
	if k == "" {
		return false
	}
	if strings.HasPrefix(k, "in ") || (k[0] >= '0' && k[0] <= '9') {
		return true
	}
	for _, w := range captionWords {
		if strings.HasPrefix(k, w) {
			return true
		}
	}
	return false
}

// captionEndCue reports whether a key's end names a picture or credit.
func captionEndCue(k string) bool {
	for _, w := range captionWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// promoCues are phrases of newsletter, subscription and app pitches and of
// legal small print. One may occur in article prose; two in one line of
// moderate length mark a pitch ("Sign up for our free newsletter, delivered
// to your inbox") or a footer notice ("... are registered trademarks of ...
// All rights reserved").
var promoCues = []string{
	"subscribe", "subscription", "sign up", "newsletter", "inbox", "unsubscribe", "no spam",
	"email address", "delivered to your", "click here", "free trial", "download the app",
	"all rights reserved", "registered trademark", "trademarks of", "terms of use",
	"terms of service", "privacy policy", "this website", "this site", "cookies",
	"may not be reproduced", "without permission", "support our journalism",
	"subject to copyright", "be reproduced", "written permission", "fair dealing", "join our",
	"news tip", "let us know",
}

// promoCueWords is the longest line (in words) judged by its promo cues.
const promoCueWords = 60

// promoByFirstWord indexes promoCues by their first word.
var promoByFirstWord = func() map[string][]string {
	m := make(map[string][]string)
	for _, c := range promoCues {
		first, _, _ := strings.Cut(c, " ")
		m[first] = append(m[first], c)
	}
	return m
}()

// isPromo reports whether a line with key k holds two distinct promo
// cues. It looks each word of k up once.
func isPromo(k string, words int) bool {
	if words > promoCueWords || words < 2 {
		return false
	}
	var found string
	for i := 0; i < len(k); {
		j := strings.IndexByte(k[i:], ' ')
		if j < 0 {
			j = len(k) - i
		}
		for _, c := range promoByFirstWord[k[i:i+j]] {
			if c != found && strings.HasPrefix(k[i:], c) && wordBounded(k, i, len(c)) {
				if found != "" {
					return true
				}
				found = c
			}
		}
		i += j + 1
	}
	return false
}

// isBoilerplate reports whether a line with key k belongs to a lexicon
// family.
func isBoilerplate(k string, words int) bool {
	if boilerLines[k] || endMarkers[k] || isPromo(k, words) {
		return true
	}
	if words > 15 {
		return false
	}
	if words <= 6 && (strings.HasSuffix(k, " min read") || strings.HasSuffix(k, " minute read") || strings.HasSuffix(k, " minutes read")) {
		return true
	}
	for _, p := range boilerPrefixes {
		if strings.HasPrefix(k, p) && (len(k) == len(p) || k[len(p)] == ' ') {
			return true
		}
	}
	return false
}

// wordBounded reports whether k[i:i+n] starts and ends at word boundaries.
func wordBounded(k string, i, n int) bool {
	return (i == 0 || k[i-1] == ' ') && (i+n == len(k) || k[i+n] == ' ')
}

// dateWords are month and weekday names (with their common abbreviations)
// and the small words that join dates, in several languages.
var dateWords = wordSetOf(strings.Fields(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
fev abr mai ago set out dez segunda terça quarta quinta sexta sábado domingo feira
enero febrero marzo mayo junio julio septiembre octubre noviembre diciembre
ene dic lunes martes miércoles jueves viernes
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato
am pm at on of the de del às a las le um h`)...)

// monthOrDay reports whether w names a month or a weekday.
func monthOrDay(w string) bool {
	switch w {
	case "am", "pm", "at", "on", "of", "the", "de", "del", "às", "a", "las", "le", "um", "h", "feira":
		return false
	}
	return dateWords[w]
}

// isDateOnly reports whether a short line with key k is nothing but a date
// or a time stamp in any of several languages ("segunda-feira, 22 de
// janeiro de 2018 às 0:13", "02 Ago 2017", "05/10/2018"), which the date
// parser may not read but which is never article text.
func isDateOnly(k string, words int) bool {
	if words == 0 || words > 12 {
		return false
	}
	var nums, named, year, other int
	for rest := k; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		rest = after
		switch {
		case w[0] >= '0' && w[0] <= '9' && strings.Trim(w, "0123456789") == "":
			nums++
			if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") {
				year++
			}
		case monthOrDay(w):
			named++
		case dateWords[w]:
		default:
			other++
		}
	}
	return other == 0 && nums > 0 && (named > 0 || (year > 0 && nums >= 3))
}
