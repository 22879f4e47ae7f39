# One entry point for readers, maintainers and CI. Every target sets up .venv first if needed.
#   make serve   live preview at http://127.0.0.1:8000/d2l-notes/ (re-runs changed snippets, reloads on changes)
#   make test    the full test suite (the command CI runs)
#   make build   strict build of the whole site into site/, with the print edition (site/pdf/*.pdf)
#   make pdf     the same: the site and its two PDFs (tools/pdf.py prints them in headless Chromium)
#   make generate  the executed chapter notebooks (docs/<lang>/notebooks/, git-ignored); build and serve run it first
#   make regen   re-run the snippets whose code changed: refresh their outputs and figures (a few seconds)
#   make regen-all     re-run every snippet file; make regen-bench re-measures the timing snippets (bench_*.py)
#   make test-portable the snippet files again under other PyTorch kernels (what CI adds: another CPU)
#   make e2e     browser tests of the built site (and of site-zensical/) in headless Chromium
#   make bench   build/test timings and the page-weight budget
#   make a11y-soak   the accessibility check 10 times under CPU load, then once on one core (tools/soak.py)
#   make lighthouse  Lighthouse scores of every reading page (mobile, median of 3; fails over budget; prints the README table)
#   make translations  English pages older than their Chinese source (warns) and zh/en structure drift (fails)
#   make workflows   lint .github/ (GitHub Actions workflows) with actionlint
#   make zensical    the second engine's smoke build: Zensical (own venv, constraints-zensical.txt) -> site-zensical/
#   make katex   refresh the vendored KaTeX in docs/assets/katex (make katex KATEX_VERSION=x.y.z; needs npm)
#
# Python and make are all that setup, serve, build and test need (no Node.js): KaTeX runs in V8 from PyPI, axe-core
# and the Nu HTML Checker come as PyPI wheels. Only `make lighthouse` (and `make katex`) use npm.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)
# Python keeps the modules it compiles (__pycache__) for the next process. A machine that switches that off
# (PYTHONDONTWRITEBYTECODE, as some containers do) compiles torch's modules again in every kernel, test worker and
# build: measured, a cold `make generate` took 91 CPU-s instead of 51 (import torch 3.2 s instead of 2.3 s).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup generate serve test test-portable build pdf regen regen-all regen-bench format e2e bench lighthouse a11y-soak \
        translations workflows zensical lock katex clean

setup: $(STAMP)

# uv installs the exact versions of constraints.txt (the lock) into .venv in seconds; pip only bootstraps uv itself.
# Where pip is told to find local wheels (PIP_FIND_LINKS or pip's config: this machine's CPU build of torch), uv looks
# there too; elsewhere (GitHub) UV_EXTRA_INDEX_URL points uv at the CPU builds.
UV_FIND_LINKS ?= $(or $(PIP_FIND_LINKS),$(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null))
export UV_FIND_LINKS
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c constraints.txt -e ".[docs,test,e2e]"
	touch $(STAMP)

# What MkDocs renders but nobody writes: the chapter notebooks, executed (cached: a warm run executes nothing).
generate: $(STAMP)
	$(BIN)/python -m tools.generate

serve: $(STAMP)
	$(BIN)/python -m tools.preview

test: generate
	$(BIN)/python -m pytest

# Every snippet file run alone, under PyTorch's non-vectorised kernels on one thread: as on another CPU. (The pages'
# code runs on that kernel path in the notebooks, tools/notebooks.KERNEL_ENV, compared by tests/test_notebooks.py.)
test-portable: $(STAMP)
	ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_snippets.py

build: generate
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m tools.pdf

pdf: build

regen: $(STAMP)
	$(BIN)/python -m tools.regenerate

regen-all: $(STAMP)
	$(BIN)/python -m tools.regenerate --all

regen-bench: $(STAMP)
	$(BIN)/python -m tools.regenerate --bench

format: $(STAMP)
	$(BIN)/ruff check --fix snippets tools tests e2e
	$(BIN)/ruff format snippets tools tests e2e

E2E_WORKERS ?= 2
E2E_ARGS ?=
e2e: build zensical # site/ and, for e2e/test_second_engine.py, site-zensical/
	$(BIN)/python -m pytest e2e -n $(E2E_WORKERS) $(E2E_ARGS)

bench: $(STAMP)
	$(BIN)/python -m tools.bench

a11y-soak: build
	$(BIN)/python -m tools.soak --runs 10 --busy 2 --one-core e2e/test_every_page.py

# Lighthouse, the one npm tool (package.json), is installed on first use: nothing else needs Node.js.
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts # no install script downloads anything
	touch $(NPM_STAMP)

lighthouse: build $(NPM_STAMP)
	$(BIN)/python -m tools.lighthouse

translations: $(STAMP)
	$(BIN)/python -m tools.translations

workflows: $(STAMP)
	$(BIN)/jactionlint

# The second engine, Zensical, in a venv of its own (it must not move a pin of .venv): the same mkdocs.yml, docs/ and
# snippets/ (zensical.yml inherits mkdocs.yml), built into site-zensical/; e2e/test_second_engine.py compares it.
ZVENV  := .venv-zensical
ZSTAMP := $(ZVENV)/.installed
$(ZSTAMP): constraints-zensical.txt | $(STAMP)
	test -d $(ZVENV) || $(BIN)/uv venv --quiet --python $(PYTHON) $(ZVENV)
	$(BIN)/uv pip install --quiet --python $(ZVENV)/bin/python -c constraints-zensical.txt zensical zensical-i18n
	touch $(ZSTAMP)

zensical: $(ZSTAMP) generate # the notebook pages too (git-ignored, generated)
	$(ZVENV)/bin/zensical-i18n build --config-file zensical.yml --clean --strict

lock: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | sed 's/^torch==2.13.0+cpu$$/torch==2.13.0/'; } > constraints.tmp
	mv constraints.tmp constraints.txt

# KaTeX's files, vendored unchanged but for the fonts: only woff2 (every browser the site supports reads it), so the
# CSS is trimmed to name only those. The build renders math with this katex.min.js (tools/hooks/katex_math.py).
KATEX_VERSION ?= 0.19.1
KATEX_DIR := docs/assets/katex
katex:
	rm -rf .build-cache/katex-npm && mkdir -p .build-cache/katex-npm
	cd .build-cache/katex-npm && npm pack --silent katex@$(KATEX_VERSION) >/dev/null && tar xzf katex-$(KATEX_VERSION).tgz
	rm -rf $(KATEX_DIR)/contrib $(KATEX_DIR)/fonts && mkdir -p $(KATEX_DIR)/contrib $(KATEX_DIR)/fonts
	cd .build-cache/katex-npm/package && cp LICENSE dist/katex.min.js $(CURDIR)/$(KATEX_DIR)/ && \
	  cp dist/contrib/auto-render.min.js $(CURDIR)/$(KATEX_DIR)/contrib/ && cp dist/fonts/*.woff2 $(CURDIR)/$(KATEX_DIR)/fonts/
	sed -E 's/,url\(fonts\/[^)]*\.woff\) format\("woff"\),url\(fonts\/[^)]*\.ttf\) format\("truetype"\)//g' \
	  .build-cache/katex-npm/package/dist/katex.min.css > $(KATEX_DIR)/katex.min.css
	! grep -Eq '\.(woff|ttf)\)' $(KATEX_DIR)/katex.min.css # the CSS names no font file that is not here
	sed -i -E "1s/^KaTeX [^ ]+/KaTeX $(KATEX_VERSION)/" $(KATEX_DIR)/README.txt
	rm -rf .build-cache/katex-npm

clean:
	rm -rf site .build-cache .cache site-zensical .zensical-i18n
