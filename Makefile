# One target per user task; `make help` lists them. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ARGS   ?=

.DEFAULT_GOAL := help
.PHONY: help install test test-fast reports lab notebooks validate bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	# rfc3987-syntax (pulled in by jsonschema's format extras) compiles parsers at import and
	# adds ~2 s to every process that imports papermill, nbconvert or nbval; no Jupyter schema
	# uses the formats it checks, so it goes (measured: see README, "Speed").
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies and the package

test: $(STAMP) ## run the whole test suite (pytest, data checks, nbval over the notebooks)
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/notebooks/sanitize.cfg tests notebooks $(ARGS)

test-fast: $(STAMP) ## the fast tier for the edit-test loop: no notebook execution (well under a minute)
	$(BIN)/python -m pytest -m "not integration" tests $(ARGS)

reports: $(STAMP) ## build every report into reports/ (open reports/index.html)
	$(BIN)/python -m analysis report $(ARGS)

validate: $(STAMP) ## check the curated data and print a summary, or every problem
	$(BIN)/python -m analysis validate

lab: $(STAMP) ## open JupyterLab on the notebooks, with the project installed
	$(BIN)/python -m analysis lab $(ARGS)

notebooks: $(STAMP) ## re-execute and re-save the committed notebooks (after a deliberate data change)
	$(BIN)/python -m analysis notebooks

bench: $(STAMP) ## run the benchmarks (prints ratios measured in one run; bench_reports takes about an hour)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_reports.py

clean: ## remove generated reports and caches (keeps .venv)
	rm -rf reports/* .pytest_cache .hypothesis
