# earshot — the two commands a fresh machine needs are `make report` and `make test`.
# Each installs what it needs (libcsv, SQLite headers via apt when missing) and builds.

SWIFT      ?= swift
DEMO_OUT   ?= out/demo
BIN_DIR     = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build report test clean nightly board bench screenshot help

all: report

help:
	@echo "make report     run earshot on the bundled demo exports into $(DEMO_OUT)/"
	@echo "make test       run the test suite"
	@echo "make nightly EXPORTS=DIR    nightly run with history (outputs under out/nightly/)"
	@echo "make board QUARTER=2026-Q3 EXPORTS=DIR   the quarter's board report"
	@echo "make clean"

## deps: the system libraries earshot links (Debian packages), installed only when missing.
deps:
	@missing=""; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -d /usr/share/zoneinfo/America ] || missing="$$missing tzdata"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product earshot

## report: the main job on the bundled demo exports.
report: build
	"$$($(SWIFT) build -c release --show-bin-path)/earshot" run --config Fixtures/demo/earshot.yml --out $(DEMO_OUT)
	@echo "open $(DEMO_OUT)/report.html"

## test: unit, property, golden and end-to-end tests (the end-to-end tests run the built binary).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build out

## nightly: config from the exports folder, history in a SQLite file beside the outputs.
nightly: build
	@[ -n "$(EXPORTS)" ] || { echo "usage: make nightly EXPORTS=DIR (DIR holds earshot.yml and the exports)"; exit 64; }
	mkdir -p out/nightly
	"$$($(SWIFT) build -c release --show-bin-path)/earshot" run --config "$(EXPORTS)/earshot.yml" \
	  --out out/nightly/latest --history out/nightly/history.sqlite

## board: the quarter's report, with trends from the same history store.
board: build
	@[ -n "$(EXPORTS)" ] && [ -n "$(QUARTER)" ] || { echo "usage: make board QUARTER=2026-Q3 EXPORTS=DIR"; exit 64; }
	mkdir -p out/board
	"$$($(SWIFT) build -c release --show-bin-path)/earshot" run --config "$(EXPORTS)/earshot.yml" \
	  --quarter "$(QUARTER)" --out "out/board/$(QUARTER)" --history out/nightly/history.sqlite

## screenshot: renders out/demo/report.html with headless Chromium (Debian's chromium) to PNGs.
screenshot: report
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	mkdir -p out/screens
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
	  --screenshot=out/screens/report-first-page.png "file://$(CURDIR)/$(DEMO_OUT)/report.html" 2>/dev/null
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,14000 \
	  --screenshot=out/screens/report-full-page.png "file://$(CURDIR)/$(DEMO_OUT)/report.html" 2>/dev/null
	@echo "out/screens/report-first-page.png out/screens/report-full-page.png"

## fuzz: libFuzzer + AddressSanitizer on the CSV reader and the sniffer, SECONDS each (default 60);
## crash inputs land in Fixtures/fuzz/<target>-crashes/, which `make test` replays.
.PHONY: fuzz sanitize
fuzz: deps
	scripts/fuzz $(or $(SECONDS),60)

## sanitize: the test suite under AddressSanitizer (leaks included), then UndefinedBehaviorSanitizer.
sanitize: deps
	scripts/sanitize

## bench: release build, generated companies of 100k, 1M and 10M event rows, and for each rows/s, MB/s
## and peak RSS of csvcount (libcsv alone), wc -l, earshot validate and earshot run → out/bench/results.md.
## BENCH_SIZES="100000 1000000" for a shorter run. Not a test: nothing here passes or fails on time.
.PHONY: bench
bench: deps
	scripts/bench/run-bench
