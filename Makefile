# newsfts: two commands for a new user, `make run` and `make test`.

GO      ?= go
INDEX   ?= data/index
ADDR    ?= localhost:8080
SEEDS   ?= seeds
CORPORA ?= ../shared/corpora

.PHONY: build run index test vet fuzz eval-extract eval-entities eval-stories bench-extract bench-incremental clean

build:
	$(GO) build -o bin/ ./indexer ./searchd

# run builds, indexes the sample corpus and serves it on http://$(ADDR).
# indexer's exit status 1 means "published, but some inputs were skipped".
run: index
	./bin/searchd -index $(INDEX) -addr $(ADDR)

index: build
	./bin/indexer -index $(INDEX) $(SEEDS); test $$? -le 1

test: vet
	$(GO) test -race -count=1 ./...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt needed'; exit 1; }
	$(GO) vet ./...

# fuzz runs each fuzz target for FUZZTIME (their seed corpora run in `make test`).
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run=^$$ -fuzz=FuzzParse -fuzztime=$(FUZZTIME) ./internal/search

# eval-extract scores the cleaners on the article extraction benchmark.
eval-extract:
	$(GO) run ./internal/extract/cmd/evalextract -bench $(CORPORA)/article-extraction-benchmark

# eval-entities scores the entity extractor on the CoNLL-2003 development set.
eval-entities:
	$(GO) run ./internal/entity/cmd/evalentities -conll $(CORPORA)/conll2003

# eval-stories scores story grouping (precision and recall over pairs) on
# perturbed copies of Reuters-21578 articles.
eval-stories:
	$(GO) run ./internal/story/cmd/evalstories -reuters $(CORPORA)/reuters21578.jsonl.gz

# bench-incremental times a full build of the Reuters-21578 corpus (one
# file per article), a run with nothing changed and a run after 1% of the
# files changed; the last must take at most a tenth of the first.
bench-incremental:
	NEWSFTS_BENCH_CORPUS=$(abspath $(CORPORA))/reuters21578.jsonl.gz $(GO) test -count=1 -timeout 30m -run '^TestBenchIncremental$$' -v ./indexer

# bench-extract times the cleaners per page on one core (median per page).
bench-extract:
	$(GO) test ./internal/extract -run '^$$' -bench 'Text|HTML' -cpu 1 -count 3

clean:
	rm -rf bin data
