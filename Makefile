# presswatch: two commands do all set-up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup models demo test test-fast bench clean

setup: $(STAMP)

# torch is pinned and installed first: any other torch spec pulls CUDA packages.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24,<27"
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

# The static sentence encoder (distilled from MiniLM) and the rhetoric models trained on it are built
# from ../shared/datasets once; --if-missing makes a re-run a no-op,
# and (unlike a stamp file) rebuilds them when their trained/ folder was deleted or the encoder changed.
models: $(STAMP)
	$(PY) -m presswatch.nlp.static --if-missing
	$(PY) -m presswatch.rhetoric.train --if-missing
	$(PY) -m presswatch.rhetoric.train_multilingual --if-missing
	$(PY) -m presswatch.narratives.train --if-missing
	$(PY) -m presswatch.narratives.roles_train --if-missing

demo: setup models
	@status=0; $(VENV)/bin/presswatch analyze examples/ --out out/ || status=$$?; \
	$(VENV)/bin/presswatch report --db out/presswatch.duckdb --out out/report.html || status=$$?; \
	echo; echo "Done. Look at:"; \
	echo "  out/articles.jsonl      one analysed article per line"; \
	echo "  out/corpus.json         duplicates, stories, claim conflicts, timeline"; \
	echo "  out/presswatch.duckdb   the database: presswatch show ID --db out/presswatch.duckdb"; \
	echo "  out/report.html         the static report (open it in a browser)"; \
	echo "  web app:                .venv/bin/presswatch serve --db out/presswatch.duckdb"; \
	exit $$status

test: setup models
	$(VENV)/bin/pytest -q

test-fast: setup
	$(VENV)/bin/pytest -q -m "not slow"

bench: setup models
	$(PY) -m bench.run

clean:
	rm -rf out/ .pytest_cache build *.egg-info
