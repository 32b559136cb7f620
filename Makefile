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

# `make bench`: the benchmarks and fault drills of bench/, in sequence, by hand and never in CI (about half
# an hour on 2 cores). Each builds its own data in the kabar_bench database and Redis db 9 (override with
# BENCH_DATABASE_URL / BENCH_REDIS_URL; the drills use a private PostgreSQL and Redis under var/bench/),
# measures Kabar and its floor in the same run and prints the ratio last. Needs wrk (apt-get install wrk).
.PHONY: bench
bench: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(PY) bench/api_list.py
	$(PY) bench/decision_sweep.py
	$(PY) bench/delivery.py
	$(PY) bench/followup_logging.py
	$(PY) bench/load.py
	$(PY) bench/faults.py
