# The README's two commands are `make serve` and `make test`; both set up .venv
# from requirements.txt on first use. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

export PYTHONPATH := scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: build site serve test bench bench-quick zensical-check check fuzz clean

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

## build: generate the Markdown pages under docs/texts/ from sources/
build: $(STAMP)
	$(BIN)/python -m edition build

## check: read and validate the sources without writing anything
check: $(STAMP)
	$(BIN)/python -m edition check

## site: strict MkDocs build, then the Pagefind search index, into site/ (replaced only when both succeed)
site: build
	@rm -rf .site-new
	$(BIN)/mkdocs build --strict --quiet --site-dir .site-new
	$(BIN)/python -m edition.search .site-new
	@rm -rf site && mv .site-new site
	@echo "site: built into site/"

## serve: build, then serve with live reload on http://127.0.0.1:8000/
serve: build
	$(BIN)/mkdocs serve --config-file mkdocs.serve.yml --livereload

## test: the whole test suite, browser tests included
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: performance measurements (name: value lines)
bench: build
	$(BIN)/python scripts/bench.py

## bench-quick: the same at 1x and 10x only (minutes, not the 100x builds)
bench-quick: build
	$(BIN)/python scripts/bench.py --scales 1,10

## zensical-check: build with Zensical 0.0.73 (own venv, .venv-zensical) and compare every article with MkDocs
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed-0.0.73:
	@test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check zensical==0.0.73
	@touch $@

zensical-check: build $(ZENSICAL_VENV)/.installed-0.0.73
	$(BIN)/python scripts/zensical_check.py

## fuzz: the property tests with many more generated inputs (minutes; not part of `make test`)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

clean:
	rm -rf site .site-new docs/texts .pytest_cache
