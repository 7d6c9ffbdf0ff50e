# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test install translations lint extract update-translations clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

translations: install
	$(BIN)/pybabel compile --use-fuzzy -d translations >/dev/null

run: translations
	FLASK_DEBUG=$${FLASK_DEBUG:-1} $(BIN)/flask db upgrade
	FLASK_DEBUG=$${FLASK_DEBUG:-1} $(BIN)/flask demo load --if-empty
	FLASK_DEBUG=$${FLASK_DEBUG:-1} $(BIN)/flask run --no-debugger --host 127.0.0.1 --port $(PORT)

test: translations
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

# The gettext cycle: run after changing any interface text.
extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k ngettext:1,2 -k lazy_ngettext:1,2 --no-location --sort-output -w 100 -o translations/messages.pot .

update-translations: extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete -w 100
	$(BIN)/pybabel compile -d translations

# Benchmarks (figures in BENCHMARKS.md). BENCH_DATABASE_URL picks the database
# (default: instance/bench.sqlite); BENCH_N responses are generated first (1,000,000 takes
# about 40 minutes on 2 cores).
BENCH_N ?= 100000
bench: translations
	$(BIN)/python bench/generate.py --n $(BENCH_N) --reset
	$(BIN)/python bench/summary.py
	$(BIN)/python bench/export_csv.py

clean:
	rm -rf $(VENV) instance .pytest_cache
