# One entry point per chore. `make` builds the main job; `make test` runs the test suite.
# Both create their own virtual environment (.venv) on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.geinstalleerd

.PHONY: all setup demo book test test-snel lint oefendata bench clean

all: book

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[book,test]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/impactkit profiel Zaanstreek-Waterland --periode 2021H1

# The main job: build the handbook (executes the worked examples; cached between builds).
# The cache keys on a page's code only: when the data or the kit change, the executed pages
# would show old figures (and Sphinx would not even re-read an unchanged page), so such a change
# empties the notebook cache and the Sphinx environment first.
BOEK_BRONNEN := $(wildcard data/*.csv data/oefendata/*.csv data/cbs/*.csv) $(shell find impactkit -name '*.py')
BOEK_STEMPEL := _build/.gegevens-stempel

$(BOEK_STEMPEL): $(BOEK_BRONNEN)
	rm -rf _build/.jupyter_cache _build/jupyter_execute _build/.doctrees
	mkdir -p _build
	touch $@

book: setup $(BOEK_STEMPEL)
	$(VENV)/bin/jupyter-book build . --warningiserror --keep-going
	@echo "Het handboek staat in _build/html/index.html"

test: setup
	$(PY) -m pytest

# The quick loop while working: everything except the book build and the browser tests.
test-snel: setup
	$(PY) -m pytest -m "not traag and not browser"

lint: setup
	$(VENV)/bin/ruff check impactkit tests bench
	$(VENV)/bin/ruff format --check impactkit tests bench

oefendata: setup
	$(VENV)/bin/impactkit oefendata maken

bench: setup
	$(PY) bench/bench_batch.py
	$(PY) bench/bench_oordelen.py

clean:
	rm -rf _build .pytest_cache $(VENV) *.egg-info
