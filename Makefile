# summitwatch: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml setup.py src/summitwatch/ingest/_pdfwalk.c
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (Python 3.11+ is needed; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(VENV)/bin/summitwatch analyze examples/brief_cp949.txt
	$(VENV)/bin/summitwatch analyze examples/*.txt --format jsonl -o out/examples.jsonl
	$(VENV)/bin/summitwatch analyze examples/news_summit.txt --format markdown -o out/news_summit.md
	@echo "wrote out/examples.jsonl and out/news_summit.md"
	$(VENV)/bin/summitwatch ingest examples/*.txt --db out/demo.db
	$(VENV)/bin/summitwatch search 투자 --db out/demo.db --limit 5
	$(VENV)/bin/summitwatch dossier 2025-08-25 --db out/demo.db -o out/dossier.html
	@echo "corpus in out/demo.db: try summitwatch summits --db out/demo.db; a dossier in out/dossier.html"
	@echo "serve it: $(VENV)/bin/summitwatch serve --db out/demo.db   (then open http://127.0.0.1:8000/)"

test: $(STAMP)
	$(PY) -m pytest -q
	$(VENV)/bin/summitwatch eval

eval: $(STAMP)
	$(VENV)/bin/summitwatch eval

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache
