# The archive's front door: `make run` serves it, `make test` checks it.
# Each target bootstraps .venv from requirements.txt by itself.

VENV := .venv
PYTHON := $(VENV)/bin/python
BOOTSTRAPPED := $(VENV)/.bootstrapped-$(shell sha256sum requirements.txt | cut -c1-12)
# Debian packages the browser tests need: the browser and fonts with Arabic.
BROWSER_PACKAGES := chromium fonts-noto-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast test-postgres lint format setup browser clean articles-fixture bench-analysis bench-search bench-import bench-freshness bench-load evaluate-linking evaluate-relevance

$(BOOTSTRAPPED): requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	rm -f $(VENV)/.bootstrapped-*
	touch $@

# Migrate, load the seed articles and their entities into an empty archive
# (a second run changes nothing), and gather the static files gunicorn serves.
setup: $(BOOTSTRAPPED)
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py seed_archive
	$(PYTHON) manage.py collectstatic --noinput --verbosity 0

# gunicorn and the index writer (Procfile), under honcho: Ctrl-C or SIGTERM stops both,
# and either one stopping stops the other.
run: setup
	exec env PATH="$(abspath $(VENV))/bin:$$PATH" PORT="$${PORT:-8000}" $(VENV)/bin/honcho start

browser:
	@command -v chromium >/dev/null && dpkg -s fonts-noto-core >/dev/null 2>&1 || \
		($(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES))

lint: $(BOOTSTRAPPED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

test: $(BOOTSTRAPPED) browser lint
	$(VENV)/bin/pytest

# The whole suite again on PostgreSQL: Debian's, installed, started and given a role by
# .ci/start-postgres, which prints the DATABASE_URL the tests then use.
test-postgres: $(BOOTSTRAPPED) browser
	url=$$(.ci/start-postgres) && echo "tests on $$url" && DATABASE_URL=$$url $(VENV)/bin/pytest

# The edit loop: lint and every test that needs neither a browser nor other processes.
test-fast: $(BOOTSTRAPPED) lint
	$(VENV)/bin/pytest -q -m "not slow and not browser"

# Throughput of the Arabic analyzer beside Whoosh's StemmingAnalyzer, on the
# seed articles repeated to a million words.
bench-analysis: $(BOOTSTRAPPED)
	$(PYTHON) manage.py bench_analysis

# Benchmarks and fixture builds use an archive of their own under .venv/, never DATABASE_URL's.
OWN_DATABASE := env -u DATABASE_URL

# A benchmark's archive of its own, $(1), with $(2) synthetic articles of the corpus $(3): made
# once per corpus and size and kept for the next run (migrated anew each time, so a new
# migration reaches it).
define bench_archive
	@if [ ! -f $(1)/generated ]; then rm -rf $(1); fi
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(1) $(PYTHON) manage.py migrate --noinput --verbosity 0
	@if [ ! -f $(1)/generated ]; then \
		$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(1) $(PYTHON) manage.py seed_archive && \
		$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(1) $(PYTHON) manage.py generate_articles $(2) --corpus $(3) && \
		touch $(1)/generated; fi
endef

# The synthetic articles of bench-search and bench-load: `seeds` (the seed articles' sentences
# recombined, every common word in nearly every article) unless set, or `news` (news-like, with
# a long tail of words), e.g. `make bench-search BENCH_CORPUS=news`.
BENCH_CORPUS ?= seeds

# Build time, index size and search latency over BENCH_ARTICLES synthetic articles
# (10,000 unless set, e.g. `make bench-search BENCH_ARTICLES=100000`), in an archive
# of their own under .venv/, made once per corpus and size and kept for the next run.
BENCH_ARTICLES ?= 10000
BENCH_DIR := $(VENV)/bench-search-$(BENCH_CORPUS)-$(BENCH_ARTICLES)
bench-search: $(BOOTSTRAPPED)
	$(call bench_archive,$(BENCH_DIR),$(BENCH_ARTICLES),$(BENCH_CORPUS))
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_DIR) $(PYTHON) manage.py bench_search

# An import through the queue, as figures: BENCH_ARTICLES news-like articles (10,000 unless set) imported
# by `import_articles` into a fresh archive of their own under .venv/ holding the seeds (indexed), then indexed by
# `index_writer --once` (the rate, the time until searchable, each process's peak memory), then the
# search latencies of bench-search over the index the queue left.
BENCH_IMPORT_DIR := $(VENV)/bench-import-$(BENCH_ARTICLES)
bench-import: $(BOOTSTRAPPED)
	@rm -rf $(BENCH_IMPORT_DIR)
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_IMPORT_DIR) $(PYTHON) manage.py migrate --noinput --verbosity 0
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_IMPORT_DIR) $(PYTHON) manage.py seed_archive
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_IMPORT_DIR) $(PYTHON) manage.py rebuild_index --noinput --verbosity 0
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_IMPORT_DIR) $(PYTHON) manage.py bench_import $(BENCH_ARTICLES)

# Seconds from an article's commit until a search finds it, with the index writer running as
# its own process: BENCH_FRESHNESS_ARTICLES saves one at a time (20 unless set), in an archive
# of its own under .venv/ holding the seeds, made once and kept for the next run.
BENCH_FRESHNESS_ARTICLES ?= 20
BENCH_FRESHNESS_DIR := $(VENV)/bench-freshness
bench-freshness: $(BOOTSTRAPPED)
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_FRESHNESS_DIR) $(PYTHON) manage.py migrate --noinput --verbosity 0
	@$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_FRESHNESS_DIR) $(PYTHON) manage.py seed_archive
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_FRESHNESS_DIR) $(PYTHON) manage.py bench_freshness --articles $(BENCH_FRESHNESS_ARTICLES)

# Requests a second, latency (p50/p95/p99) and errors of 8 and 32 readers against gunicorn and the index
# writer, alone and while an import and an editor in the admin write, then whether the index equals the
# database: BENCH_LOAD_ARTICLES synthetic articles (2,000 unless set) of BENCH_CORPUS in an archive of
# their own under .venv/, made once per corpus and size and kept; BENCH_LOAD_OPTIONS passes options on (e.g. "--clients 8 --seconds 15").
BENCH_LOAD_ARTICLES ?= 2000
BENCH_LOAD_DIR := $(VENV)/bench-load-$(BENCH_CORPUS)-$(BENCH_LOAD_ARTICLES)
bench-load: $(BOOTSTRAPPED)
	$(call bench_archive,$(BENCH_LOAD_DIR),$(BENCH_LOAD_ARTICLES),$(BENCH_CORPUS))
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(BENCH_LOAD_DIR) $(PYTHON) manage.py bench_load $(BENCH_LOAD_OPTIONS)

# The entity linker's precision and recall on paragraphs marked by hand: the held-out set the
# archive is judged on (never tuned on), the earlier held-out sets whose failures were studied, and
# the development set the linker is tuned on, each scored apart. All run on the seed archive's
# entities, in a throwaway archive under .venv/ (never DATABASE_URL's).
LINKING_DIR := $(VENV)/evaluate-linking
LINKING := $(OWN_DATABASE) ARCHIVE_DATA_DIR=$(LINKING_DIR) $(PYTHON) manage.py
HELDOUT := fixtures/linking/heldout-5.jsonl
STUDIED := fixtures/linking/heldout-4.jsonl fixtures/linking/heldout-3.jsonl fixtures/linking/heldout-2.jsonl fixtures/linking/heldout.jsonl
DEVELOPMENT := fixtures/linking/development.jsonl
evaluate-linking: $(BOOTSTRAPPED)
	@rm -rf $(LINKING_DIR)
	@$(LINKING) migrate --noinput --verbosity 0
	@$(LINKING) loaddata entities --verbosity 0
	@echo "== المجموعة المحجوزة، يُحكم بها على الربط ولا يُضبط عليها ($(HELDOUT))"
	@$(LINKING) evaluate_linking $(HELDOUT)
	@for studied in $(STUDIED); do \
		echo; echo "== مجموعة محجوزة سابقة، دُرست أخطاؤها فصارت للتطوير ($$studied)"; \
		$(LINKING) evaluate_linking $$studied || exit 1; done
	@echo; echo "== مجموعة التطوير، يُضبط عليها الربط ($(DEVELOPMENT))"
	@$(LINKING) evaluate_linking $(DEVELOPMENT)
	@rm -rf $(LINKING_DIR)

# The search's relevance on word pairs (tuned on) and held-out queries (judged on), fixtures/relevance/:
# a Whoosh index in a temporary folder, nothing written to the archive.
evaluate-relevance: $(BOOTSTRAPPED)
	@$(PYTHON) manage.py evaluate_relevance

format: $(BOOTSTRAPPED)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) data

# Rebuild fixtures/articles.json from the seed texts: import them into an empty
# database holding only the curated entities, so the mentions come from the linker.
articles-fixture: $(BOOTSTRAPPED)
	rm -rf $(VENV)/fixture-build
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(VENV)/fixture-build $(PYTHON) manage.py migrate --noinput --verbosity 0
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(VENV)/fixture-build $(PYTHON) manage.py loaddata entities
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(VENV)/fixture-build $(PYTHON) manage.py import_articles fixtures/seeds
	$(OWN_DATABASE) ARCHIVE_DATA_DIR=$(VENV)/fixture-build $(PYTHON) manage.py dumpdata archive.source archive.article archive.mention --indent 2 --output fixtures/articles.json
	rm -rf $(VENV)/fixture-build
