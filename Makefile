# The README's two commands are `make serve` and `make test`; both set up .venv
# from requirements.txt on first use. Needs Python 3.11+ and make (and, for the browser
# tests, Debian's chromium-headless-shell: scripts/ensure-chromium installs it as root, or says what to do).
# A failing command makes `make` exit 2 (the tool itself exits 1 on bad input).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

export PYTHONPATH := scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: build site serve test bench bench-quick zensical-check check fuzz clean

# The venv: Python 3.11+ checked before anything is installed; a .venv whose Python does
# not run, or whose last install was interrupted (.venv/.installing left behind), is rebuilt.
# Two makes at once take turns (flock on .venv.lock, where util-linux's flock is installed):
# the second finds the venv the first made. pip runs only as the venv's own Python, checked
# to be a venv's (sys.prefix differs from sys.base_prefix): a .venv/bin/python that is still
# the base interpreter (a venv half made) never installs into the system.
$(STAMP): requirements.txt
	@if command -v flock >/dev/null 2>&1; then flock $(VENV).lock $(MAKE) --no-print-directory venv-setup; \
	else $(MAKE) --no-print-directory venv-setup; fi

.PHONY: venv-setup
venv-setup:
	@if [ -e $(STAMP) ] && [ ! -e $(VENV)/.installing ]; then exit 0; fi; \
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: Python 3.11 or newer is needed; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing). Install it, or run make PYTHON=python3.11"; exit 1; }; \
	if [ -e $(VENV)/.installing ] || { [ -e $(VENV) ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }; then \
	  echo "make: $(VENV) is half-installed or broken; rebuilding it"; rm -rf $(VENV); fi; \
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || exit 1; \
	$(BIN)/python -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)' || { \
	  echo "make: $(BIN)/python is not a virtual environment's; remove $(VENV) and run make again"; exit 1; }; \
	touch $(VENV)/.installing; \
	echo "$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt"; \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt || exit 1; \
	rm -f $(VENV)/.installed-* $(VENV)/.installing; \
	touch $(STAMP)

## build: generate the Markdown pages under docs/ from sources/
build: $(STAMP)
	$(BIN)/python -m edition build

## check: read and validate the sources without writing anything
check: $(STAMP)
	$(BIN)/python -m edition check

## site: the generator, a strict MkDocs build (every warning fails it) and the Pagefind
## search index into site/, replaced only when the whole build succeeded
site: $(STAMP)
	$(BIN)/python -m edition site

## serve: build, then serve with live reload on http://127.0.0.1:8000/: an edit of sources/
## runs the generator once, then MkDocs rebuilds the pages that changed (scripts/serve.py)
serve: $(STAMP)
	$(BIN)/python scripts/serve.py

## test: the whole test suite, browser tests included, in two workers; prints its duration
test: $(STAMP)
	@scripts/ensure-chromium
	@start=$$(date +%s); status=0; \
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder -q || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

## bench: performance measurements, printed as one Markdown table (each figure also goes
## to stderr as it is measured)
bench: build
	$(BIN)/python scripts/bench.py

## bench-quick: the same at 1x and 10x only (minutes, not the 100x builds)
bench-quick: build
	$(BIN)/python scripts/bench.py --scales 1,10

## zensical-check: build with Zensical 0.0.73 (own venv, .venv-zensical, pinned by requirements-zensical.txt)
## and compare every article with MkDocs
ZENSICAL_VENV   := .venv-zensical
ZENSICAL_STAMP  := $(ZENSICAL_VENV)/.installed-$(shell cksum requirements-zensical.txt | cut -d' ' -f1)
# pip runs only as .venv-zensical's own Python, checked to be a venv's, as in venv-setup.
$(ZENSICAL_STAMP): requirements-zensical.txt
	@test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	@$(ZENSICAL_VENV)/bin/python -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)' || { \
	  echo "make: $(ZENSICAL_VENV)/bin/python is not a virtual environment's; remove $(ZENSICAL_VENV) and run make again"; exit 1; }
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@rm -f $(ZENSICAL_VENV)/.installed-*
	@touch $@

zensical-check: build $(ZENSICAL_STAMP)
	$(BIN)/python scripts/zensical_check.py

## fuzz: the property tests with many more generated inputs (minutes; not part of `make test`)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

## clean: remove everything the build and the tests generate (not .venv)
clean:
	rm -rf site .site-new* .site-old* .docs-build-* .pagefind-pages-* .edition.lock .venv.lock .bench .cache .pytest_cache .hypothesis \
	  $(addprefix docs/,texts bibliography downloads chronology people glossary where-the-texts-meet documents)
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +
