# newcomer-guide — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ORT_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test lint bench index clean

# (Re)create the virtualenv when it is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/guide run

test: $(STAMP)
	$(BIN)/guide kb validate
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check bot adapters tests
	$(BIN)/ruff format --check bot adapters
	$(BIN)/mypy bot adapters

bench: $(STAMP)
	$(BIN)/python -m benchmarks.answering
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --questions 3 --mentor-share 0.05
	$(BIN)/python -m benchmarks.discord_load

index: $(STAMP)
	$(BIN)/guide kb index

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
