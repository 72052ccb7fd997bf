// Package entity finds the people, organisations and places that a news
// article names, so that they can be offered as search facets.
//
// # Approach
//
// The first version is a rule-based extractor over a compact gazetteer; its
// parts are kept apart so that a trained tagger can later replace the typing
// of candidates without touching the rest. Extract works in three passes,
// each linear in the length of the article:
//
//  1. Tokens (tokenize.go): words with their keys, hyphens, punctuation,
//     possessives cut off, sentence starts marked; headline segments marked.
//  2. Mentions (runs.go, evidence.go): runs of capitalised words are cut into
//     gazetteer names and candidate names; each candidate gathers evidence of
//     its kind from its own words (a title or given name in front, an
//     organisation or place word at the end) and from its neighbours ("in X",
//     "spokesman, X", "X said").
//  3. Resolution (resolve.go): mentions of one name form a group; acronyms
//     defined in brackets join their long form; a lone surname joins the full
//     name mentioned in the same article; each group takes the kind with the
//     most evidence and one canonical label.
//
// Rules that the tests pin down: titles are not part of names ("President
// Recep Tayyip Erdoğan" gives Recep Tayyip Erdoğan); possessives are cut
// ("Turkey's", "ISI’s"; an acronym's plural "ISIs" too); names inside
// hyphenated compounds count ("Afghanistan-Pakistan border" gives both);
// demonyms such as "Turkish" are not places; a capitalised word that opens a
// sentence is a name only with other evidence (a gazetteer entry, a mention
// elsewhere, a cue), and function words ("The", "However") never are; in
// headlines (all capitals, or title case) only gazetteer names and names
// found in the body count.
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
// with the document-level measure of the corpus README. At the time of
// writing: typed micro-F1 0.707 (PER 0.775, ORG 0.345, LOC 0.848; precision
// 0.861), type-agnostic F1 0.768, 11,000 to 17,000 articles/s on one core of
// a shared machine. ORG
// recall is the weak part: sports clubs and companies that carry no cue.
// A trained tagger can replace the evidence weights in weigh and decide
// while keeping tokens, runs, gazetteer and resolution as they are.
//
// # Data and provenance
//
// data/gazetteer.txt (countries, regions, capitals and large cities,
// international bodies, intelligence services, armed groups, parties,
// outlets, a few heads of state), data/lexicon.txt (function words, titles,
// demonyms, organisation and place words, cue words) and data/firstnames.txt
// (common given names) were written for newsfts from general knowledge; no
// third-party list was copied. They are embedded with go:embed.
package entity
