# Kabar: `make run` starts everything with the demo loaded; `make test` runs the whole suite.
# With no DATABASE_URL / REDIS_URL both use an embedded PostgreSQL and Redis under var/.
SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint venv clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) scripts/stack.py run

test: $(STAMP)
	$(PY) scripts/stack.py --var var/test test -- $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf var/test var/bench
