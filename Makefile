# One target per user task; `make help` lists them. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
UV     := $(BIN)/uv
ARGS   ?=

.DEFAULT_GOAL := help
.PHONY: help install lock test test-fast test-browser chromium lint reports lab notebooks validate bench clean

help: ## list the targets
	@grep -E '^[a-z.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# The exact versions come from requirements.lock (resolved from pyproject.toml's ranges by
# `make lock`), installed with uv: about 3 s against about 47 s for pip on this machine
# (README, "Current figures"). The lock leaves out rfc3987-syntax, which jsonschema's format
# extras pull in and which costs ~2 s at every import of papermill, nbconvert or nbval; no
# Jupyter schema uses the formats it checks.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(UV) pip sync --quiet --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the locked dependencies and the package

lock: $(STAMP) ## re-resolve pyproject.toml's ranges into requirements.lock, and regenerate environment.yml
	$(UV) pip compile --quiet pyproject.toml --extra test --python-version 3.11 --no-emit-package rfc3987-syntax -o requirements.lock
	$(BIN)/python -m tests.environment_file > environment.yml

lint: $(STAMP) ## formatter, linter (with a complexity limit) and type checker
	$(BIN)/ruff format --check lib tests bench notebooks
	$(BIN)/ruff check lib tests bench notebooks
	$(BIN)/mypy lib/analysis bench

# Unit and data tests and nbval share the cores (each notebook stays on one worker); the
# integration tests then run one at a time, since each starts a batch or kernels of its own.
test: lint ## run the whole test suite: lint, pytest (unit, data, integration), nbval over the notebooks
	$(BIN)/python -m pytest -n auto --dist loadscope -m "not integration and not browser" --nbval --nbval-sanitize-with tests/notebooks/sanitize.cfg tests notebooks $(ARGS)
	$(BIN)/python -m pytest -m "integration and not browser" tests $(ARGS)

test-fast: $(STAMP) ## the fast tier for the edit-test loop: no notebook execution (well under a minute)
	$(BIN)/python -m pytest -n auto -m "not integration and not browser" tests $(ARGS)

# Debian's Chromium (Playwright drives it; no browser is downloaded). Installing it needs root and
# apt; CHROMIUM=/path/to/chromium uses another build instead.
CHROMIUM ?= $(shell command -v chromium)
chromium: ## install Debian's Chromium for the browser tier, unless there is one (needs root)
	@test -n "$(CHROMIUM)" || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test-browser: $(STAMP) chromium ## the browser tier: report pages offline and the explorer in JupyterLab, in Chromium (screenshots in reports/screenshots/)
	$(BIN)/python -m pytest -m browser tests/browser $(ARGS)

reports: $(STAMP) ## build every report into reports/ (open reports/index.html)
	$(BIN)/python -m analysis report $(ARGS)

validate: $(STAMP) ## check the curated data and print a summary, or every problem
	$(BIN)/python -m analysis validate

lab: $(STAMP) ## open JupyterLab on the explorer notebook (pick an indicator, jurisdictions, plans; charts redraw)
	$(BIN)/python -m analysis lab $(ARGS)

notebooks: $(STAMP) ## re-execute and re-save the committed notebooks (after a deliberate data change)
	$(BIN)/python -m analysis notebooks

bench: $(STAMP) ## run the benchmarks (prints ratios measured in one run; bench_reports takes about 100 minutes)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_canvas.py
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_reports.py

clean: ## remove generated reports and caches (keeps .venv)
	rm -rf reports/* .pytest_cache .hypothesis .mypy_cache .ruff_cache
