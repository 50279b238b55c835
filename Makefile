# Krachtige Gemeenschappen Limburg — run `make help` for the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Stamps make `make install` idempotent: each step reruns only when its inputs change.
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CSS := site/static/limburg/css/main.css

CHROMIUM ?= /usr/bin/chromium
# Two workers (pytest-xdist), one test database each: the suite's wall time on two cores.
# Modules that build a server of their own keep their tests on one worker (xdist_group).
PYTEST_ARGS ?= -n 2 --dist loadgroup

.PHONY: help install run serve test e2e browser bench bench-search bench-pages soak lint format migrate demo messages frontend clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(PY_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@# No install scripts: vnu-jar's would fetch a Java runtime from GitHub (the machine's Java runs it).
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(CSS): $(NODE_STAMP) $(shell find site/static_src -type f 2>/dev/null)
	npm run build

frontend: $(CSS) ## Build the NL Design System CSS and fonts into site/static

messages: $(PY_STAMP) ## Compile the Dutch and English message catalogues (.po -> .mo)
	@# polib (a wagtail-localize dependency) compiles them, so GNU gettext is not needed.
	@$(BIN)/python -c "import pathlib, polib; [polib.pofile(str(po)).save_as_mofile(str(po.with_suffix('.mo'))) for po in pathlib.Path('site/locale').glob('*/LC_MESSAGES/*.po')]"

install: $(PY_STAMP) frontend messages ## Create .venv, install Python and front-end packages, build CSS, compile messages

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (idempotent) and make its images' renditions
	$(MANAGE) load_demo
	$(MANAGE) pregenerate_renditions

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000/
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve the production setup (gunicorn, DEBUG off, whitenoise) on http://127.0.0.1:8000/
	DJANGO_SETTINGS_MODULE=limburg.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-secret} HTTPS_ONLY=$${HTTPS_ONLY:-false} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	sh -c '$(MANAGE) collectstatic --noinput -v0 && $(MANAGE) migrate --noinput && \
	$(BIN)/gunicorn limburg.wsgi:application --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -'

browser: ## Make sure Debian's Chromium is there for the browser tests (installs it as root)
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): sudo apt-get install chromium (or set CHROMIUM_PATH)"; exit 1; \
	fi

test: install browser ## Run the whole test suite, browser tests included (SQLite, or PostgreSQL when DATABASE_URL is set)
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest $(PYTEST_ARGS)

e2e: install browser ## Run only the real-browser tests (Chromium, axe)
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest tests/e2e $(PYTEST_ARGS)

BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
BENCH_PAGES ?= 10000
PAGES_BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench-pages.sqlite3
BENCH_SECONDS ?= 10
bench: bench-search bench-pages ## Both benchmarks: search, then pages under gunicorn (see README)

bench-search: install ## Search benchmark on its own database (BENCH_DATABASE_URL; 10,000 generated pages)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) import_places -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) benchmark_search --pages $(BENCH_PAGES)

# The demo plus BENCH_PAGES generated case studies (kept between runs), served by
# gunicorn with the production settings, page cache on and off, driven by wrk.
bench-pages: install ## Page benchmark: wrk against gunicorn (PAGES_BENCH_DATABASE_URL, BENCH_SECONDS)
	@command -v wrk >/dev/null || { echo "make bench-pages needs wrk: apt-get install wrk"; exit 1; }
	@set -eu; export DATABASE_URL='$(PAGES_BENCH_DATABASE_URL)'; \
	$(MANAGE) migrate --noinput -v0; \
	$(MANAGE) load_demo -v0 >/dev/null; \
	$(MANAGE) pregenerate_renditions -v0; \
	$(MANAGE) generate_benchmark_pages --pages $(BENCH_PAGES) --i-know-this-is-a-benchmark-database; \
	DJANGO_SETTINGS_MODULE=limburg.settings.production SECRET_KEY=bench-not-secret-$$(hostname)-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \
		$(MANAGE) collectstatic --noinput -v0; \
	$(MANAGE) benchmark_pages --seconds $(BENCH_SECONDS)

# The soak runs the production setup (gunicorn, DEBUG off) on a free loopback port,
# against its own database with the demo content; the server stops however it ends.
SOAK_DATABASE_URL ?= sqlite:///$(CURDIR)/soak.sqlite3
SOAK_DURATION ?= 180
SOAK_READERS ?= 8
SOAK_WORKERS ?= 2
SOAK_ARGS ?=
soak: install ## Soak test: readers and searches on gunicorn while an editor publishes (SOAK_DATABASE_URL, SOAK_DURATION)
	@set -eu; \
	export DATABASE_URL='$(SOAK_DATABASE_URL)' DJANGO_SETTINGS_MODULE=limburg.settings.production \
		SECRET_KEY=$${SECRET_KEY:-local-soak-$$(hostname)-not-secret} HTTPS_ONLY=false ALLOWED_HOSTS=127.0.0.1; \
	echo "Preparing the soak database ($(SOAK_DATABASE_URL)): migrate, load_demo, collectstatic"; \
	$(MANAGE) migrate --noinput -v0; \
	$(MANAGE) load_demo -v0 >/dev/null; \
	$(MANAGE) collectstatic --noinput -v0; \
	port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	log=$$(mktemp -t limburg-soak-XXXXXX.log); \
	$(BIN)/gunicorn limburg.wsgi:application --bind 127.0.0.1:$$port --workers $(SOAK_WORKERS) \
		--error-logfile - 2>"$$log" & \
	server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null || true' EXIT; \
	echo "gunicorn ($(SOAK_WORKERS) workers, pid $$server) on http://127.0.0.1:$$port; its log: $$log"; \
	$(MANAGE) soak --url http://127.0.0.1:$$port --duration $(SOAK_DURATION) \
		--readers $(SOAK_READERS) --server-log "$$log" $(SOAK_ARGS)

lint: $(PY_STAMP) ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(PY_STAMP) ## Format code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtualenv, node_modules, built assets and the local database
	rm -rf $(VENV) node_modules site/static/limburg/css site/static/limburg/fonts staticfiles db.sqlite3
