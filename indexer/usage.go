package main

const usage = `usage: indexer [flags] SOURCE...
       indexer extract [flags] [FILE...]

Indexer reads news articles, removes the boilerplate that scraped pages
carry (navigation, subscription and paywall prompts, "Most Popular" lists,
teasers of other stories, copyright and share lines, print hyphenation),
keeps the metadata that boilerplate holds (title, byline, date, publisher,
section), extracts the people, organisations and places each article
names, and publishes a Bleve index of them for searchd.

A SOURCE is a file or a directory. Directories are walked (symbolic links
to directories are not followed) and every file named *.txt, *.text,
*.html, *.htm, *.jsonl or *.ndjson is read, each optionally gzipped (.gz).
A file named on the command line is read whatever its name; its format is
detected from its content.

  - .txt: a plain-text dump of a scraped page, one block per line.
  - .html: an HTML page; metadata is taken from OpenGraph, JSON-LD, meta
    tags and the page's own byline and breadcrumbs.
  - .jsonl: one article per line: "title", "body" (or "text"), "published"
    (or "date"), "url", "source", "byline", "section", "id", and optional
    "people", "orgs", "places" arrays kept beside the extracted entities.
    Unknown fields are ignored; a body holding HTML is cleaned as HTML.

The index is built aside, in a new generation directory under -index, and
published atomically: the file CURRENT in the index directory is replaced
by a rename. A running searchd notices the new generation and swaps it in
without dropping a request. A crash or kill at any moment leaves the
served index as it was; the next run cleans up what was left behind. Only
one indexer runs on an index at a time: a second one exits at once with
status 4.

Bad input never stops a run: each input that cannot be read or holds no
article is logged with the reason and counted in the summary, and the exit
status says that something was skipped. A run that finds no article at all
publishes nothing, so an empty or mistyped SOURCE never empties the index.

Flags:
  -index DIR      the index directory (default ./data/index)
  -aliases FILE   an entity alias file that overrides the built-in table
                  (see README.md); fix a wrong merge there and re-index
  -max-bytes N    skip inputs larger than N bytes after decompression
                  (default 33554432)
  -workers N      cleaning and extraction goroutines (default: one per CPU)
  -q              quiet: print only warnings, errors and the summary

Exit status:
  0  every input was indexed and the new index published
  1  published, but some inputs were skipped (the log says which and why)
  2  bad flags or arguments
  3  nothing was published; the served index is unchanged
  4  another indexer is running on the same index

Running from cron: index a spool directory every 15 minutes, quietly,
keeping a log:

  */15 * * * * cd /srv/newsfts && ./bin/indexer -q -index data/index spool/ >>log/indexer.log 2>&1

searchd picks up each new generation by itself; cron needs no restart.

indexer extract prints what the cleaner and the entity extractor make of
each article, as one JSON object per line, without touching any index:

  {"id","title","byline","published","source","section","url","body",
   "people","orgs","places","from","origin"}

With no FILE it reads standard input. Its flags:
  -format F       text, html or jsonl (default: detect from the name or content)
  -no-clean       the text is already clean: keep every paragraph, take
                  metadata from the input fields, extract entities only
  -aliases FILE   as above
  -max-bytes N    as above
`
