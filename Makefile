# The two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup venv translations static migrate demo clean messages bench backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp is rebuilt whenever a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

translations: venv
	$(BIN)/pybabel compile --statistics -d sotenas_portal/locale -D django

migrate: venv
	$(MANAGE) migrate --noinput

static: venv
	$(MANAGE) collectstatic --noinput --verbosity 0

demo: migrate
	$(MANAGE) load_demo_data

setup: venv translations migrate static demo

# Web server and a Celery worker with embedded beat; Ctrl-C stops both within a
# few seconds, every time. Each runs in its own process group (set -m), so only
# this shell gets Ctrl-C, and it stops them in order: TERM to the web server and
# to the worker's main process (a warm shutdown that stops beat and the pool),
# QUIT to the worker after RUN_STOP_SECONDS (a cold shutdown: a running task is
# not waited for; an interrupted e-mail is re-queued by the outbox sweep), KILL
# to whatever is left of either group a second later (an idle worker needs
# several seconds for its warm shutdown on a busy machine; this bounds it).
RUN_STOP_SECONDS ?= 2
run: setup
	@echo "Starting the portal on http://127.0.0.1:$(PORT)/ and a Celery worker with beat (Ctrl-C stops both)."
	@set -m; \
	$(BIN)/celery -A sotenas_portal worker --beat --loglevel=INFO --concurrency=2 & worker=$$!; \
	$(MANAGE) runserver 127.0.0.1:$(PORT) & web=$$!; \
	alive() { kill -0 -$$worker 2>/dev/null || kill -0 -$$web 2>/dev/null; }; \
	await() { for step in $$(seq $$(( $$1 * 10 ))); do alive || return 0; sleep 0.1; done; ! alive; }; \
	stop() { \
	  trap '' INT TERM HUP; trap - EXIT; \
	  kill -TERM $$worker -$$web 2>/dev/null; \
	  await $(RUN_STOP_SECONDS) || { kill -QUIT $$worker 2>/dev/null; await 1; } || kill -KILL -$$worker -$$web 2>/dev/null; \
	  wait 2>/dev/null; echo "Stopped the portal and the worker."; \
	}; \
	trap 'stop; exit 130' INT; trap 'stop; exit 143' TERM HUP; trap stop EXIT; \
	wait $$web

test: venv translations
	DJANGO_SETTINGS_MODULE=sotenas_portal.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

# The national-scale benchmark (issue 9, bench/README.md): PostgreSQL only, not part of `make test`.
# Creates the database if missing; generates the data set once per seed and scale.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sotenas_bench
bench: venv translations
	DATABASE_URL="$${DATABASE_URL:-$(BENCH_DATABASE_URL)}" $(BIN)/python -m bench.run

# Backups (README: "Säkerhetskopiering och återställning"): `make backup [BACKUP_DIR=…]` writes a
# backup-<timestamp> folder; `make restore BACKUP=<folder>` restores it into an empty database.
BACKUP_DIR ?= var/backups
backup: venv
	$(MANAGE) backup $(BACKUP_DIR)
restore: venv
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/backup-<timestamp> [RESTORE_ARGS=--force]" >&2; exit 2; }
	$(MANAGE) restore $(RESTORE_ARGS) $(BACKUP)

# Developer helper: refresh the .po catalogues from the source (needs GNU gettext).
messages: venv
	$(MANAGE) makemessages -l sv -l en --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'static/*' --ignore 'tests/*'

clean:
	rm -rf $(VENV) var
