# The two commands in README.md: `make serve` and `make test`. Every target installs what it needs.
SHELL := /bin/bash
export PATH := $(HOME)/.local/bin:$(PATH)
# mkdocs-material prints a banner about its end of life on every build; docs/om/beslut.md covers the plan.
export NO_MKDOCS_2_WARNING := 1
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)

.PHONY: setup serve build build-zensical check lint test bench chromium pdf pdf-libs

setup: node_modules/.installed .venv/.synced

serve: setup
	$(UV) run mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: setup
	$(UV) run mkdocs build --strict

# The same site built by Zensical through `handbok build` (docs/om/beslut.md, "Ett bygge, två motorer").
build-zensical: setup
	$(UV) run handbok build --engine zensical

check: setup
	$(UV) run handbok check

# Layer rules, Python style and types, JavaScript types (docs/om/beslut.md, "Lagerregler och verktyg").
lint: setup
	@mkdir -p .cache; $(UV) run lint-imports >.cache/lint-imports.txt || { cat .cache/lint-imports.txt; { echo "make lint: ett lager importerar något det inte får (reglerna: [tool.importlinter] i pyproject.toml)."; exit 1; }; }
	@$(UV) run ruff check --quiet --output-format concise . || { echo "make lint: ruff hittade felen ovan; många rättas av: uv run ruff check --fix ."; exit 1; }
	@$(UV) run mypy || { echo "make lint: mypy hittade typfelen ovan."; exit 1; }
	@node_modules/.bin/tsc -p tsconfig.json && node_modules/.bin/tsc -p tsconfig.worker.json || { \
	  echo "make lint: tsc hittade typfelen ovan i JavaScript (handbok/browser/assets/, typer i types/)."; exit 1; }

# One pytest worker per core; a file's tests stay on one worker (module fixtures run once), and the
# built site is shared by the workers (tests/conftest.py).
test: setup chromium pdf-libs lint
	$(UV) run pytest -n auto --dist loadfile

bench: setup chromium
	$(UV) run python -m bench

chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installerar Chromium (Debian-paketet) för webbläsartesterna ..."; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The whole handbook as one PDF in site/pdf/; the site is built with the footer link to it (HANDBOK_PDF).
pdf: setup pdf-libs
	HANDBOK_PDF=1 $(UV) run mkdocs build --strict
	$(UV) run python -m handbok.site.pdf site

# WeasyPrint (from uv.lock) draws text with Pango and embeds the DejaVu fonts: Debian's packages.
pdf-libs:
	@{ /sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; } || { \
	  echo "Installerar Pango och typsnittet DejaVu (Debian-paketen) för PDF:en ..."; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; }

$(UV):
	python3 -m pip install --user --quiet --require-hashes -r requirements/uv.txt

# npm first: the package's wheel (also the editable install) carries Pyodide's files from node_modules/.
.venv/.synced: pyproject.toml uv.lock node_modules/.installed | $(UV)
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@
