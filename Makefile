# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   create .venv, install, run claimledger on the seed article
#   make test   create .venv, install with dev extras, run lint, types and tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := datasets/kazakhstan-2022
PYTEST_ARGS ?=

.PHONY: demo test check lint format types unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev,all]'
	@touch $@ $(VENV)/.core

DEMO_LEDGER := .claimledger/demo.sqlite

demo: $(VENV)/.core
	@echo "== the seed article: figures read, relations inferred and checked"
	$(BIN)/claimledger check $(SEED)/article.txt
	@echo "== the hand-checked claims table with its rules"
	$(BIN)/claimledger check $(SEED)/claims.csv --rules $(SEED)/rules.yaml
	@echo "== the provenance ledger: record the seed, show one figure's chain, verify"
	@rm -f $(DEMO_LEDGER) $(DEMO_LEDGER)-wal $(DEMO_LEDGER)-shm
	$(BIN)/claimledger ledger record $(SEED)/claims.csv --ledger $(DEMO_LEDGER) \
		--republisher "24 News Reporters" --byline "Michael Melvin"
	$(BIN)/claimledger ledger show russians --ledger $(DEMO_LEDGER)
	$(BIN)/claimledger ledger verify --ledger $(DEMO_LEDGER)
	@echo "== the page an editor looks at"
	$(BIN)/claimledger report $(SEED)/claims.csv --rules $(SEED)/rules.yaml -o .claimledger/seed-report.html

test: $(VENV)/.dev
	@bash .ci/chromium.sh >/dev/null 2>&1 || echo "note: headless Chromium not installed; its tests skip (CI installs it)"
	$(MAKE) check

check: lint types unit

PY_TREES := toolkit tests benchmarks

lint:
	$(BIN)/ruff check $(PY_TREES)
	$(BIN)/ruff format --check $(PY_TREES)

format:
	$(BIN)/ruff format $(PY_TREES)
	$(BIN)/ruff check --fix $(PY_TREES)

types:
	$(BIN)/mypy

unit:
	$(BIN)/pytest $(PYTEST_ARGS)

$(VENV)/.bench: pyproject.toml $(VENV)/.dev
	$(BIN)/python -m pip install -q -e '.[dev,all,bench]'
	@touch $@

bench: $(VENV)/.bench
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .claimledger
