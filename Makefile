# The two commands of the README: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
RUN_STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck migrations pytest test-postgres bench bench-web lock assets messages clean

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

# The app alone (what `make demo` needs) ...
$(RUN_STAMP): pyproject.toml requirements.lock $(VENV)/.created
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# ... and with the test and lint tools.
$(STAMP): pyproject.toml requirements-dev.lock $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

demo: $(RUN_STAMP)
	$(BIN)/regiekompas demo

test: $(STAMP) lint typecheck migrations pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

migrations: $(STAMP)
	REGIEKOMPAS_DEV=true REGIEKOMPAS_DATA_DIR=$$(mktemp -d) $(BIN)/python -m regiekompas.web.manage makemigrations --check --dry-run

pytest: $(STAMP)
	$(BIN)/pytest -n 2 -q

# The web tests again on PostgreSQL (DATABASE_URL, default: the local server, trust auth).
PG_URL ?= postgres://postgres@127.0.0.1:5432/regiekompas
test-postgres: $(STAMP)
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -q tests/web

bench: $(STAMP)
	$(BIN)/python bench/analysis.py

# Saturation (no pause between answers), then respondents who pause 2 s on average.
bench-web: $(STAMP)
	$(BIN)/python bench/web_load.py
	$(BIN)/python bench/web_load.py --think-ms 2000

# Copy the npm front-end packages into the Python package (needs Node.js; commit the result).
assets:
	bash frontend/vendor.sh

# Refresh the Dutch catalogue after changing texts, then translate the new entries.
messages: $(STAMP)
	cd src/regiekompas/web && REGIEKOMPAS_DEV=true ../../../$(BIN)/python -m regiekompas.web.manage makemessages -l nl --no-obsolete --add-location file
	cd src/regiekompas/web && REGIEKOMPAS_DEV=true ../../../$(BIN)/python -m regiekompas.web.manage compilemessages -l nl

# Regenerate the lock files after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --quiet --extra dev -o requirements-dev.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
