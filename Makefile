# thamluan — build, test, benchmark and demo targets. Every tool a target needs is installed here.
GO        ?= go
BIN       ?= bin/thamluan
PKGS      := ./...
STATICCHECK_VERSION ?= v0.8.2
FUZZTIME  ?= 2m

.PHONY: all build test test-full bench lint fuzz demo golden clean test-export-tools test-browser test-ocr bench-web

all: build

build:
	$(GO) build -o $(BIN) ./cmd/thamluan

## test: what CI runs — vet, formatting, the race-checked unit and end-to-end tests.
test:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) test -race -short -count=1 -timeout 15m $(PKGS)
	$(MAKE) test-export-tools test-browser test-ocr

## test-full: also the long tests skipped under -short.
test-full:
	$(GO) test -count=1 -timeout 30m $(PKGS)

## test-export-tools: the exports checked by outside tools — project.qde against the REFI-QDA
## schema with xmllint (Debian libxml2-utils, installed here when missing) and the Word report
## converted to PDF by LibreOffice. A tool that cannot be installed makes its test skip.
test-export-tools:
	@command -v xmllint >/dev/null || apt-get install -y libxml2-utils >/dev/null 2>&1 || \
		(apt-get update >/dev/null 2>&1 && apt-get install -y libxml2-utils >/dev/null 2>&1) || \
		echo "test-export-tools: cannot install libxml2-utils; the REFI-QDA schema test will skip"
	$(GO) test -count=1 -v -run 'TestQDPXSchema|TestDOCXOpensInLibreOffice' ./cmd/thamluan/export/

## test-browser: the web interface end to end in headless Chromium (installed here when missing):
## type a query without diacritics and see it highlighted; then home, results, a document, themes,
## recommendations and error pages at 1280 and 390 px, measured (no sideways scroll, results in
## the first screen, chart labels inside their SVG) and checked by axe-core (npm, installed into
## .cache/npm when missing; without npm the accessibility check is skipped and says so).
AXE_DIR ?= .cache/npm
test-browser:
	@command -v chromium >/dev/null || apt-get install -y chromium >/dev/null 2>&1 || \
		(apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1) || \
		echo "test-browser: cannot install chromium; the browser test will skip"
	@test -f $(AXE_DIR)/node_modules/axe-core/axe.min.js || \
		npm install --no-save --no-audit --no-fund --prefix $(AXE_DIR) axe-core@4 >/dev/null 2>&1 || \
		echo "test-browser: cannot install axe-core with npm; the accessibility check will skip"
	THAMLUAN_AXE=$(CURDIR)/$(AXE_DIR)/node_modules/axe-core/axe.min.js \
		$(GO) test -count=1 -v -run 'TestBrowser' -timeout 8m ./cmd/thamluan/

## test-ocr: scanned PDFs and page images read by Tesseract (tesseract-ocr with the Vietnamese and
## English models, poppler-utils, img2pdf, ImageMagick: installed here when missing): token F1 on the
## fixtures of corpus/ocr/testdata, two columns, the cache, and damaged input. A few pages only.
OCR_PKGS := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils img2pdf imagemagick
test-ocr:
	@command -v tesseract >/dev/null && command -v pdftoppm >/dev/null && command -v img2pdf >/dev/null && \
		command -v convert >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie && \
		tesseract --list-langs 2>/dev/null | grep -qx eng || \
		apt-get install -y $(OCR_PKGS) >/dev/null 2>&1 || \
		(apt-get update >/dev/null 2>&1 && apt-get install -y $(OCR_PKGS) >/dev/null 2>&1) || \
		echo "test-ocr: cannot install $(OCR_PKGS); the OCR tests will skip"
	THAMLUAN_OCR=1 $(GO) test -count=1 -v -timeout 10m -run 'OCR|Fixture|Preparation|TwoColumn|Cache|BadInput|Scanned' ./corpus/ocr/ ./corpus/

## bench-web: /api/search latency over 5,000 news articles (needs ../shared/corpus/scale).
bench-web:
	$(GO) test -run '^$$' -bench BenchmarkAPISearch -benchtime 1x -timeout 30m ./cmd/thamluan/web/

bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m $(PKGS)

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $(PKGS)

## fuzz: every reader's fuzz test for $(FUZZTIME) each.
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
		for fn in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5x $$pkg || exit 1; \
		done; \
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
