# newsfts: two commands for a new user, `make run` and `make test`.

GO      ?= go
INDEX   ?= data/index
ADDR    ?= localhost:8080
SEEDS   ?= seeds
CORPORA ?= ../shared/corpora

.PHONY: build run index test vet fuzz load eval-extract eval-entities eval-stories bench-extract bench-incremental clean

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
# Each target is PACKAGE:NAME; a failure leaves its input under the package's
# testdata/fuzz/NAME, which then runs in `make test` as a seed.
FUZZTIME ?= 60s
FUZZ_TARGETS = internal/extract:FuzzCleaners internal/extract:FuzzParseDate \
	internal/article:FuzzJSONLines internal/article:FuzzDecode \
	internal/entity:FuzzExtract internal/search:FuzzParse \
	internal/web:FuzzParseRequest internal/web:FuzzSafeSnippet internal/story:FuzzSketch internal/story:FuzzState
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run=^$$ -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) ./$$pkg; \
	done

# load drives a running searchd at ADDR (loopback only) with 32 clients for
# LOADTIME; PID=<searchd's pid> adds its peak RSS to the report.
LOADTIME ?= 60s
QUERIES  ?= $(CORPORA)/reuters-queries.tsv
load:
	$(GO) run ./internal/load/cmd/newsload -addr $(ADDR) -clients 32 -duration $(LOADTIME) -queries $(QUERIES) $(if $(PID),-pid $(PID))

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

# bench measures indexing and queries against a raw-Bleve baseline (issue 7):
# builds alternate in one process tree, medians of BENCH_ROUNDS rounds at 1x,
# then the query set through searchd on loopback. SCALES=1,4,16 adds the
# replicated corpora (64x is possible but slow; mind disk and time).
# BENCH_FLAGS passes newsbench flags: -before BIN also builds with an
# earlier indexer binary in each round (before/after in one run), -replicas
# DIR reuses DIR/rK.jsonl.gz (written by newsbench -replicate K -o ...),
# -no-queries measures the builds only.
# bench-profile writes a CPU profile of the pipeline build (package
# pipeline, the indexer's own, with its GC settings) and prints its top;
# bench-profile-search does the same for searches served from BENCH_INDEX.
CORPUS       ?= ../shared/corpora/reuters21578.jsonl.gz
QUERIES      ?= ../shared/corpora/reuters-queries.tsv
SCALES       ?= 1,4
BENCH_ROUNDS ?= 3
BENCH_FLAGS  ?=
PROFILE      ?= /tmp/newsfts-pipeline.cpu

.PHONY: bench bench-profile bench-profile-search
bench:
	$(GO) run ./internal/bench/cmd/newsbench -corpus $(CORPUS) -queries $(QUERIES) \
		-scales $(SCALES) -rounds $(BENCH_ROUNDS) $(BENCH_FLAGS)

bench-profile:
	NEWSFTS_BENCH_CORPUS=$(abspath $(CORPUS)) $(GO) test -run '^$$' -bench Pipeline -benchtime 1x \
		-cpuprofile $(PROFILE) -o /tmp/newsfts-bench.test ./internal/bench
	$(GO) tool pprof -top -nodecount 15 /tmp/newsfts-bench.test $(PROFILE)

BENCH_INDEX ?= /tmp/newsfts-bench-index
bench-profile-search: build
	rm -rf $(BENCH_INDEX)
	./bin/indexer -q -index $(BENCH_INDEX) $(CORPUS); test $$? -le 1
	NEWSFTS_BENCH_INDEX=$(BENCH_INDEX) NEWSFTS_BENCH_QUERIES=$(abspath $(QUERIES)) $(GO) test -run '^$$' \
		-bench Search -benchtime 3s -cpuprofile $(PROFILE).search -o /tmp/newsfts-bench.test ./internal/bench
	$(GO) tool pprof -top -nodecount 15 /tmp/newsfts-bench.test $(PROFILE).search
