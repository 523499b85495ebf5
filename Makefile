# newcomer-guide — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ORT_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test lint bench index clean lock

# The locks pin every package with its sha256 (see README, "Dependencies"): `make run` installs
# only what running needs, `make test` the dev lock (runtime + test tools); the project itself
# goes in with --no-deps. A stamp is redone when pyproject.toml or its lock changes.
RUNTIME_LOCK := requirements/runtime.lock
DEV_LOCK := requirements/dev.lock
RUN_STAMP := $(VENV)/.installed-runtime
PIP := $(BIN)/python -m pip --quiet

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml $(RUNTIME_LOCK) | $(BIN)/python
	$(PIP) install --require-hashes -r $(RUNTIME_LOCK)
	$(PIP) install --no-deps -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml $(DEV_LOCK) | $(BIN)/python
	$(PIP) install --require-hashes -r $(DEV_LOCK)
	$(PIP) install --no-deps -e .
	touch $(STAMP)

# Regenerate both locks (needs uv: `pip install uv`), for Linux x86_64 and Python 3.11.
UV ?= uv
LOCK = UV_NO_CONFIG=1 $(UV) pip compile pyproject.toml --quiet --generate-hashes \
	--python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	--index-url https://pypi.org/simple --custom-compile-command 'make lock'
lock:
	$(LOCK) -o $(RUNTIME_LOCK)
	$(LOCK) --extra dev --extra llm -o $(DEV_LOCK)

run: $(RUN_STAMP)
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
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --questions 3 --mentor-share 0.05 --decide-processes 2
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --mentor-share 0.05 --rate 150 --duration 20
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --mentor-share 0.05 --rate 150 --duration 20 --decide-processes 2
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --mentor-share 0.05 --rate 150 --duration 20 --decide-processes 3
	$(BIN)/python -m benchmarks.telegram_load --users 1000 --mentor-share 0.05 --rate 200 --duration 20 --decide-processes 2
	$(BIN)/python -m benchmarks.discord_load --decide-processes 2
	$(BIN)/python -m benchmarks.llm_load --newcomers 50 --delay 2
	$(BIN)/python -m benchmarks.ocr

index: $(RUN_STAMP)
	$(BIN)/guide kb index

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
