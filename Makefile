# One entry point for readers, maintainers and CI. Every target sets up .venv first if needed.
#   make serve   live preview at http://127.0.0.1:8000/d2l-notes/ (reloads when docs/ or snippets/ change)
#   make test    the full test suite (the command CI runs)
#   make build   strict build of the whole site into site/, with the print edition (site/pdf/*.pdf)
#   make pdf     the same: the site and its two PDFs (tools/pdf.py prints them in headless Chromium)
#   make regen   re-run every snippet: refresh outputs and figures after changing code
#   make e2e     browser tests of the built site in headless Chromium
#   make bench   build/test timings and the page-weight budget
#   make lighthouse  Lighthouse scores of the built site (home and heaviest chapter, both languages)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: setup serve test build pdf regen format e2e bench lighthouse lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[docs,test,e2e]"
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m tools.pdf

pdf: build

regen: $(STAMP)
	$(BIN)/python -m tools.regenerate

format: $(STAMP)
	$(BIN)/ruff check --fix snippets tools tests e2e
	$(BIN)/ruff format snippets tools tests e2e

e2e: build
	$(BIN)/python -m pytest e2e

bench: $(STAMP)
	$(BIN)/python -m tools.bench

lighthouse: build
	$(BIN)/python -m tools.lighthouse

lock: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | sed 's/^torch==2.13.0+cpu$$/torch==2.13.0/'; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf site .cache
