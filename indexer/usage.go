package main

const usage = `usage: indexer [flags] SOURCE...
       indexer -rollback -index DIR
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

Runs are incremental. The index remembers, for every input file, the
SHA-256 of its bytes and the articles it gave. A run hashes each file
first: an unchanged file is not even decompressed, a new or changed one is
read, cleaned and indexed again (its articles that went away are deleted),
and the articles of a file that no longer exists, or is no longer under
any SOURCE given, are removed. A run over unchanged sources takes a moment,
says "0 changed" and publishes nothing. -full rebuilds from nothing (after
an upgrade of the cleaner, say); a new version of the index layout does so
by itself.

The new generation is built aside, in a new directory under -index, and
published atomically: the file CURRENT in the index directory is replaced
by a rename. A running searchd notices the new generation and swaps it in
without dropping a request. A crash or kill at any moment leaves the
served index as it was; the next run cleans up what was left behind, with
no help. Only one indexer runs on an index at a time (an flock on
DIR/LOCK, which the kernel drops when a process dies): a second one exits
at once with status 4. The generation served before is kept, and
'indexer -rollback -index DIR' serves it again (under the same lock, by
the same atomic rename).

Bad input never stops a run and never loses indexed data: each input that
cannot be read or holds no article is logged with the reason and counted
in the summary, the exit status says that something was skipped, and the
articles that a file gave before it broke stay in the index until it is
fixed or removed.

Before publishing, a sanity check compares the new generation with the
served one. If it would drop more than -max-loss of the served documents
(a source directory that went missing, a mistyped SOURCE), or if no
article text was found in more than -max-empty of the documents read
(at least 10; a broken cleaner, a scraper that saved error pages), nothing
is published and the run exits with status 5, saying why. -force
publishes anyway. A run that finds no article at all never publishes.

Near-copies of one story (wire copy carried by several outlets, an
article scraped twice, a lightly edited update) are grouped: each
article's cleaned body gets a MinHash signature, and an article joins the
story of the earliest-published copy it resembles (estimated similarity of
word 3-shingles at least -story-threshold, published within -story-window
of it), else starts its own. A story's id is its first copy's id and stays
when later runs add or remove copies, even the first one. searchd shows the
other copies of an article and collapses results with collapse=story.

Every run ends with one summary line, even with -q:

  indexer: 3 changed (1 new, 1 modified, 1 removed), 120 unchanged;
  articles: 1 added, 1 updated, 1 removed, 0 duplicate ids, 2 extracted,
  1502 in the index; 1 skipped (1 binary); published gen-... (0.4s)

(on one line). On a terminal, a progress line shows the inputs done, the
rate and the time left.

Flags:
  -index DIR      the index directory (default ./data/index)
  -aliases FILE   an entity alias file that overrides the built-in table
                  (see README.md); fix a wrong merge there: the next
                  run sees that the file changed and extracts every
                  article again
  -max-bytes N    skip pages, and JSON Lines records, larger than N bytes
                  after decompression (default 33554432); a JSON Lines
                  file of any size is read one line at a time
  -workers N      cleaning and extraction goroutines (default: one per CPU)
  -writers N      batches written to the index at once (default: one per CPU)
  -batch N        articles per batch (default 2000); memory grows with
                  writers x batch
  -q              quiet: print only warnings, errors and the summary
  -log-format F   text (default) or json: one JSON object per log record,
                  the summary included
  -full           rebuild from nothing instead of updating
  -max-loss R     refuse to publish a generation that lost more than this
                  share of the served documents (default 0.5)
  -max-empty R    refuse to publish when more than this share of the
                  documents read had no article text (default 0.5)
  -force          publish even if the sanity check fails
  -rollback       serve the previous generation again, then stop
  -no-stories     do not group near-copies into stories
  -story-threshold S
                  least estimated similarity (0..1] of two copies of one
                  story (default 0.4); changing it regroups every article
  -story-window D longest time between a story's first copy and another
                  (default 72h; 0: no limit)
  -cpuprofile F   write a CPU profile of the run to F (go tool pprof)

Exit status:
  0  nothing was skipped; the new generation was published, or nothing
     had changed and the served one stays
  1  published, but some inputs were skipped (the log says which and why)
  2  bad flags or arguments
  3  nothing was published; the served index is unchanged
  4  another indexer is running on the same index
  5  the sanity check failed (see -max-loss, -max-empty); nothing was
     published; the served index is unchanged

Running from cron: index a spool directory every 15 minutes, quietly,
keeping a log:

  */15 * * * * cd /srv/newsfts && ./bin/indexer -q -index data/index spool/ >>log/indexer.log 2>&1

searchd picks up each new generation by itself; cron needs no restart.
A run that overlaps the previous one exits with status 4 and leaves it
be. With -q the log gets only warnings, errors and each run's summary
line; a wrapper that mails on a status above 1 hears only of trouble.

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
