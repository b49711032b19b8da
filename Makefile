# One entry point for newcomers and CI: `make replay`, `make demo` and `make check`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install replay demo lint types deadcode test rules-test check clean

$(BIN)/monitor: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/monitor

replay: install
	$(BIN)/monitor replay seeds/

# The service on the seed corpus served as a feed on loopback; console alerts, Slack dry-run.
demo: install
	$(BIN)/monitor demo seeds/

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy monitor tests benchmarks scripts

deadcode: install
	$(BIN)/vulture

test: install
	$(BIN)/pytest

rules-test: install
	$(BIN)/monitor rules test rules/

check: lint types deadcode test rules-test

clean:
	rm -rf $(VENV) .monitor .mypy_cache .ruff_cache .pytest_cache
