// Package entity finds the people, organisations and places that a news
// article names, so that they can be offered as search facets.
//
// # Approach
//
// A trained sequence tagger finds the names; rules and a document-level
// resolution turn its labels into facets. Extract works in three passes,
// each linear in the length of the article:
//
//  1. Tokens (tokenize.go): words with their keys, hyphens, punctuation,
//     possessives cut off, sentence starts marked; each line of a paragraph
//     is a segment, and headline segments are marked.
//  2. Mentions (tagger.go, tagmentions.go, tagrules.go): an averaged
//     perceptron labels the capitalised tokens PER, ORG, LOC, MISC or O
//     (MODEL.md says how it was trained, on what, and how well it does);
//     runs of one label become mentions, cleaned of titles, widened to whole
//     hyphenated compounds and gazetteer names, split into the gazetteer
//     names of a compound ("Afghanistan-Pakistan"), and corrected by a few
//     rules for patterns that the 1996 training text lacks ("Turkish State
//     Railways", "the Sındırgı district", "shares in X", sentence openers
//     that are common words).
//  3. Resolution (resolve.go): mentions of one name form a group; acronyms
//     defined in brackets join their long form; a name given as another's
//     alias ("Mehmet Gören, also known by his code name ‘Yahya’", aka.go)
//     joins it; a lone surname joins the full name mentioned in the same
//     article; each group takes the kind with the most evidence (so a name
//     keeps one kind in a document) and one canonical label.
//
// Without a model (NewWithModel with a nil model) the first extractor's
// rules type the candidates instead (runs.go, evidence.go): runs of
// capitalised words cut at gazetteer names, typed by cues in and around them.
//
// Rules that the tests pin down: titles are not part of names ("President
// Recep Tayyip Erdoğan" gives Recep Tayyip Erdoğan); possessives are cut
// ("Turkey's", "ISI’s"; an acronym's plural "ISIs" too); names inside
// hyphenated compounds count ("Afghanistan-Pakistan border" gives both);
// demonyms such as "Turkish" are not places; a capitalised word that opens a
// sentence is a name only with other evidence (a gazetteer entry, a mention
// elsewhere, a cue), and function words ("The", "However") never are; in
// title-case headlines only gazetteer names and names found in the body
// count (headlines in capitals are tagged: the training text has them).
// The gazetteer is trusted over the tagger where it is sure: a demonym
// before a known organisation names that organisation ("Pakistani
// Inter-Services Intelligence"), unless the name is a generic body's
// ("Scottish Labour Party"); a particle name matches whole ("al-Qaida" is
// al-Qaeda); a name known only as an organisation stays one when the tagger
// calls it a place or a person ("According to Hürriyet"); two names of one
// entry side by side are that entry ("Shin Bet General Security Service").
//
// # Canonical labels
//
// A gazetteer entry's label is its first name: "Türkiye" for Turkey and
// Türkiye, "National Intelligence Organization (MİT)" for MIT, MİT and both
// spellings of the long form (the long form with the acronym, because a bare
// "MIT" is also the Massachusetts Institute of Technology: context words in
// the article choose between namesakes), "Inter-Services Intelligence (ISI)",
// "Islamic State Khorasan Province (ISIS-K)" for ISKP and ISIS-K, "Islamic
// State (ISIS)" for ISIS and Daesh. Other names keep the spelling with the
// most diacritics among their mentions ("Mehmet Gören" over "Mehmet Goren").
// Key folds case and diacritics for search, so "goren" finds either.
//
// # Operator alias file
//
// New reads an optional alias file (the indexer's -aliases flag). Each line
// is one entity; fields are separated by a TAB (or by " | "):
//
//	kind<TAB>Canonical Label<TAB>alias<TAB>alias...
//
// kind is person, org, place, or stop (names that must never be entities).
// Blank lines and lines starting with # are ignored. A field "~word" is a
// context hint: when one alias belongs to several entries, the entry with
// the most hint words in the article wins. Names match by key, so case and
// diacritics do not matter. An operator entry overrides the built-in table:
// it replaces the built-in entry of its kind whose label it names, keeping
// that entry's aliases, and takes every name it lists away from any other
// built-in entry. For example, to label the Turkish service "MİT" and to stop
// a false positive:
//
//	org	MİT	National Intelligence Organization (MİT)
//	stop	Liberty
//
// # Quality and speed
//
// cmd/evalentities scores the extractor on the CoNLL-2003 development set
// with the document-level measure of the corpus README, and times it; at the
// time of writing typed micro-F1 0.906 (PER 0.938, ORG 0.823, LOC 0.939),
// type-agnostic 0.945, against 0.707 for the rule-based extractor alone;
// 12,000 to 13,500 development articles per CPU second on one goroutine of
// a busy two-core machine (about 530,000 instructions an article).
// cmd/trainentities retrains the model. BenchmarkExtractWire times wire
// stories of the size of a Reuters article. The hot path avoids Go maps:
// token keys are hashed once, and the lexicon, gazetteer trie, city names
// and common words are open-addressing tables of hashes (table.go).
//
// # Data and provenance
//
// data/gazetteer.txt (countries, regions, capitals and large cities,
// international bodies, intelligence services, armed groups, parties,
// outlets, a few heads of state), data/lexicon.txt (function words, titles,
// demonyms, organisation and place words, cue words) and data/firstnames.txt
// (common given names) were written for newsfts from general knowledge; no
// third-party list was copied. They are embedded with go:embed, as is the
// tagger model data/model.bin.gz, trained on CoNLL-2003 (Reuters RCV1 text,
// research use) with a common-word list from SCOWL: MODEL.md states the
// provenance and terms.
package entity
