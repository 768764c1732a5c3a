# Triple Win: `make run` serves the demo; `make test` runs every check and test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
ASSETS := triplewin/static/nhsuk/nhsuk-frontend.min.css
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint fmt bench pytest faults system-deps browser-deps fault-deps clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# NHS.UK's Frutiger comes from its own font host, which the CSP (default-src 'self') refuses and
# whose licence covers NHS.UK services, so its @font-face rules are dropped: the stylesheet's own
# fallback, Arial, is used, and the browser never asks (a refused font is a CSP violation).
$(ASSETS): package.json package-lock.json Makefile
	npm ci --ignore-scripts --no-audit --no-fund --silent
	rm -rf triplewin/static/nhsuk
	mkdir -p triplewin/static/nhsuk
	cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css* node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js* triplewin/static/nhsuk/
	sed -i -e 's/@font-face{[^}]*}//g' -e 's#url(/assets/#url(assets/#g' triplewin/static/nhsuk/nhsuk-frontend.min.css
	cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets triplewin/static/nhsuk/assets
	rm -rf triplewin/static/autocomplete
	mkdir -p triplewin/static/autocomplete
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css* node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js* triplewin/static/autocomplete/
	@touch $@

# System libraries come from Debian packages and are installed only if missing:
# Pango and fonts for WeasyPrint's PDFs (HarfBuzz's subsetter embeds only the glyphs used),
# chromium for the browser tests.
system-deps:
	@if ! ldconfig -p | grep -q libpangoft2-1.0 || ! ldconfig -p | grep -q libharfbuzz-subset || ! fc-list 2>/dev/null | grep -q "Liberation Sans"; then \
		echo "Installing Pango, HarfBuzz and fonts for WeasyPrint's PDF output…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-liberation fonts-dejavu-core >/dev/null; \
	fi

# faketime moves one process's clock for the scheduler's fault tests (issue 19).
fault-deps:
	@if ! command -v faketime >/dev/null 2>&1; then \
		echo "Installing faketime for the fault tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; \
	fi

browser-deps: system-deps
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

run: export DEBUG ?= true
# The background worker (django-tasks-db) and the daily scheduler run beside the web server
# and stop with it.
run: $(STAMP) $(ASSETS) system-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py load_case_studies
	@echo ""
	@echo "Triple Win is running at http://$(HOST):$(PORT)/"
	@$(BIN)/python manage.py demo_sign_ins
	@$(call supervise,run_worker,the task worker) & worker=$$!; \
	$(call supervise,run_scheduler,the scheduler) & scheduler=$$!; \
	trap 'pkill -P $$worker; pkill -P $$scheduler; kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Keeps a background process running: if it stops, say so and start it again (issue 19).
supervise = while true; do $(BIN)/python manage.py $(1); \
	echo "Triple Win: $(2) stopped (exit $$?); starting it again in 5 seconds." >&2; \
	sleep 5; done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint triplewin
	DEBUG=true $(BIN)/mypy triplewin tests conftest.py benchmarks

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Runs pytest on every core (pytest-xdist; each worker has its own test database, and a later
# `-n 0` in PYTEST_ARGS runs in one process) and treats "no tests collected" (exit code 5) as a
# failure: the suite is never empty.
XDIST ?= -n auto
pytest: $(STAMP) $(ASSETS) browser-deps fault-deps
	@set +e; $(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating as a failure"; exit 1; fi; exit $$rc

test: lint pytest

# The fault-injection tests alone (issue 19), then the table of what each fault did: what the
# user saw, what was lost and what was doubled (both must be nothing).
faults: $(STAMP) $(ASSETS) system-deps fault-deps
	@rm -f var/faults/report.jsonl
	@set +e; $(BIN)/python -m pytest -n 0 -m fault -p no:randomly $(PYTEST_ARGS); rc=$$?; \
	$(BIN)/python -m tests.faults.report || rc=1; exit $$rc

bench: $(STAMP) $(ASSETS) system-deps
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) node_modules triplewin/static/nhsuk staticfiles var
