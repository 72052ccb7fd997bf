package newsindex

// Index mapping: every field name newsfts stores in Bleve, and why each is
// mapped as it is.
//
// An article is indexed as a flat map (see document.go). Some properties are
// indexed twice under two field names: once as a keyword field holding the
// exact canonical label, which facets count and filters match, and once as an
// analysed text field, which the query language searches. The keyword field
// is named after the facet ("people", as in the API's "facets" object); the
// text field is named after the query prefix ("person", as in person:erdogan).
// Both are given the key of each facet label ("mehmet goren"), not the label
// itself: labels.go explains how keys are shown as labels.
//
// There is no _all field. A bare query word goes to title OR body explicitly
// (query.go), so what a word matches is decided in one place and the index
// does not hold every term a third time.

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Field names in the Bleve index.
const (
	fieldTitle = "title" // analysed (English), stored: hits show it
	fieldBody  = "body"  // analysed (English), stored with term vectors: snippets and the article page

	// Keyword fields: the keys of facet labels (entity.Key), stored (hits
	// list them) and with doc values (term facets read them).
	fieldPeople  = "people"
	fieldOrgs    = "orgs"
	fieldPlaces  = "places"
	fieldSources = "sources" // the article's one source, named as its facet

	// Analysed twins of the keyword fields for field search. Names are
	// folded but not stemmed: "Williams" is not "William".
	fieldPerson = "person"
	fieldOrg    = "org"
	fieldPlace  = "place"
	fieldSource = "source"

	fieldPublished     = "published"      // datetime, not stored: range filter and sort (doc values)
	fieldPublishedText = "published_text" // stored only: RFC 3339 with the original offset and precision
	fieldPublishedDay  = "published_day"  // keyword YYYY-MM-DD (UTC), doc values only: the date histogram

	// Stored only: returned with the article, never searched.
	fieldByline  = "byline"
	fieldSection = "section"
	fieldURL     = "url"
	fieldFrom    = "from" // JSON object: where each metadata field was found
	fieldOrigin  = "origin"
)

// queryField maps each query field prefix to the analysed field it
// searches. Title and body are searched as themselves.
var queryField = map[string]string{
	"title":  fieldTitle,
	"body":   fieldBody,
	"person": fieldPerson,
	"org":    fieldOrg,
	"place":  fieldPlace,
	"source": fieldSource,
}

// fieldAnalyzer names the analyser of an analysed field. Queries must name
// it: Bleve finds a field's analyser by the document path, and the entity
// fields are indexed under a name different from their path.
func fieldAnalyzer(field string) string {
	if field == fieldTitle || field == fieldBody {
		return analyzerText
	}
	return analyzerName
}

// Analyzer and filter names registered by this package.
const (
	analyzerText = "newsfts_text" // title and body
	analyzerName = "newsfts_name" // entity and source names
	filterFold   = "newsfts_fold"
)

func init() {
	err := registry.RegisterTokenFilter(filterFold,
		func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return foldFilter{}, nil
		})
	if err != nil {
		panic(err)
	}
}

// foldFilter folds each token to ASCII where Unicode has a plain-letter
// equivalent (Gören -> Goren, Türkiye -> Turkiye, İstanbul -> Istanbul,
// ı -> i) and drops combining marks, so decomposed input folds too.
//
// Bleve ships ASCII folding only as a character filter, which rewrites the
// text before tokenising and so shifts the byte offsets that the snippet
// highlighter uses to place <mark> in the stored body. As a token filter the
// folding leaves offsets alone.
type foldFilter struct{}

// Filter folds every token of input in place.
func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	folder := asciifolding.New()
	for _, tok := range input {
		if isASCII(tok.Term) {
			continue
		}
		tok.Term = dropMarks(folder.Filter(tok.Term))
	}
	return input
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// dropMarks removes nonspacing combining marks (the dot of a decomposed
// "İ", the diaeresis of a decomposed "ü").
func dropMarks(b []byte) []byte {
	out := b[:0:0]
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !unicode.Is(unicode.Mn, r) {
			out = utf8.AppendRune(out, r)
		}
		b = b[n:]
	}
	return out
}

// newMapping builds the index mapping. The analysers fold before they
// lowercase: Go lowercases "İ" to a plain "i", and folding first makes
// the result independent of that detail. Stop words are kept, so that a
// bare word like "the" or "who" is an ordinary term: with every bare word
// required, a stop word removed at analysis would otherwise make the whole
// query match nothing, and phrases like "The Who" stay exact.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(analyzerText, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicodetok.Name,
		"token_filters": []interface{}{filterFold, lowercase.Name, en.PossessiveName, en.SnowballStemmerName},
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicodetok.Name,
		"token_filters": []interface{}{filterFold, lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = analyzerText
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	im.DefaultMapping = articleMapping()
	return im, nil
}

func articleMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping()) // no _all field at all
	dm.AddFieldMappingsAt(fieldTitle, textField(fieldTitle, analyzerText, true))
	dm.AddFieldMappingsAt(fieldBody, textField(fieldBody, analyzerText, true))
	dm.AddFieldMappingsAt(fieldPeople, keywordField(fieldPeople), textField(fieldPerson, analyzerName, false))
	dm.AddFieldMappingsAt(fieldOrgs, keywordField(fieldOrgs), textField(fieldOrg, analyzerName, false))
	dm.AddFieldMappingsAt(fieldPlaces, keywordField(fieldPlaces), textField(fieldPlace, analyzerName, false))
	dm.AddFieldMappingsAt(fieldSources, keywordField(fieldSources), textField(fieldSource, analyzerName, false))

	published := mapping.NewDateTimeFieldMapping()
	published.Name = fieldPublished
	published.Store, published.IncludeInAll = false, false
	dm.AddFieldMappingsAt(fieldPublished, published)

	day := keywordField(fieldPublishedDay)
	day.Store = false
	dm.AddFieldMappingsAt(fieldPublishedDay, day)

	for _, f := range []string{fieldPublishedText, fieldByline, fieldSection, fieldURL, fieldFrom, fieldOrigin} {
		dm.AddFieldMappingsAt(f, storedField(f))
	}
	return dm
}

// textField is an analysed field named name. Term vectors are kept because
// phrase queries need positions and the highlighter needs offsets.
func textField(name, analyzer string, store bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Name:               name,
		Type:               "text",
		Analyzer:           analyzer,
		Store:              store,
		Index:              true,
		IncludeTermVectors: true,
	}
}

// keywordField is an exact-label field named name, stored, with doc values
// for facets.
func keywordField(name string) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Name:      name,
		Type:      "text",
		Analyzer:  keyword.Name,
		Store:     true,
		Index:     true,
		DocValues: true,
	}
}

// storedField is kept to be returned, never searched.
func storedField(name string) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Name:     name,
		Type:     "text",
		Analyzer: keyword.Name,
		Store:    true,
	}
}
