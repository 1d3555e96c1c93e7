# thamluan — build, test, benchmark and demo targets. Every tool a target needs is installed here.
GO        ?= go
BIN       ?= bin/thamluan
PKGS      := ./...
STATICCHECK_VERSION ?= 2025.1.1
FUZZTIME  ?= 2m

.PHONY: all build test test-full bench lint fuzz demo golden clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/thamluan

## test: what CI runs — vet, formatting, the race-checked unit and end-to-end tests.
test:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) test -race -short -count=1 -timeout 15m $(PKGS)

## test-full: also the long tests skipped under -short.
test-full:
	$(GO) test -count=1 -timeout 30m $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m $(PKGS)

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $(PKGS)

## fuzz: every reader's fuzz test for $(FUZZTIME) each.
fuzz:
	@for spec in $$($(GO) test -list 'Fuzz.*' $(PKGS) 2>/dev/null | grep -E '^(Fuzz|ok)' | awk '/^ok/{pkg=$$2} /^Fuzz/{print pkg":"$$1}'); do \
		pkg=$${spec%%:*}; fn=$${spec##*:}; echo "fuzz $$pkg $$fn"; \
		$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

golden:
	$(GO) test -count=1 $(PKGS) -args -update

demo: build
	$(BIN) demo

clean:
	rm -rf bin

## bench-index: time `thamluan index` on 5,000 and all 35,440 news articles of the shared scale
## corpus against the sqlite3 shell loading the same files into FTS5 (installs sqlite3 if missing).
BENCH_SIZES ?= 5000,all
.PHONY: bench-index
bench-index: build
	@command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }
	$(GO) run ./cmd/benchindex -thamluan $(BIN) -news ../shared/corpus/scale/news.jsonl.gz -sizes $(BENCH_SIZES)
