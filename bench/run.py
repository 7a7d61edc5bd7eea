"""The benchmark: national-scale data, the app under gunicorn, locust as
the load generator, and a table plus ``bench/results.json`` at the end.

    DATABASE_URL=postgres://… python -m bench.run [--scale full] [--seed N] [--duration 30]

Steps: migrate the benchmark database; generate the data set unless the
database already holds the one for this seed and scale (a marker table
remembers); count the queries each scenario's pages make (Django's test
client with ``CaptureQueriesContext``, on several objects of each
scenario); serve the app with gunicorn (2 × cores + 1 workers); drive each
scenario with locust headless for a fixed time and user count; read the
workers' memory; time the reminder sweep over the whole data set (a real
sweep in a subprocess, its peak memory sampled); time the compiled annual
report for one round; write the results.

The parts: ``bench/dataset/`` (the data), ``marker`` (generated once per
seed and scale), ``scenarios`` (paths and query counts), ``server``
(gunicorn), ``load`` (locust), ``timings`` (sweep and compiled report) and
``benchmark`` (one whole run); this module is the command.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg2
from django.core.management import call_command
from psycopg2 import sql

from core.net import port_open

from .paths import BASE_DIR, RESULTS, log
from .server import SETTINGS

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sotenas_bench"
# A shared cache, as production should have (CACHE_URL); used when Redis
# answers there and CACHE_URL is not set.
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/10"


def ensure_database(database_url: str) -> None:
    """Create the benchmark database if it does not exist yet."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Run the national-scale benchmark.")
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "full"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "20260601")))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_SECONDS", "30")),
                        help="seconds of load per scenario")
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "5")),
                        help="concurrent locust users")
    parser.add_argument("--workers", type=int,
                        default=int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1) + 1)))
    parser.add_argument("--regenerate", action="store_true", help="generate the data even if already loaded")
    parser.add_argument("--output", default=str(RESULTS))
    args = parser.parse_args(argv)

    database_url = os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    ensure_database(database_url)
    if "CACHE_URL" not in os.environ and port_open("127.0.0.1", 6379):
        os.environ["CACHE_URL"] = DEFAULT_CACHE_URL
    log(f"cache: {os.environ.get('CACHE_URL') or 'per process (set CACHE_URL for a shared one)'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(BASE_DIR))
    django.setup()
    # The run imports the apps' models, so only once Django is set up.
    from .benchmark import run_benchmark, table

    log("migrating the benchmark database")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    results = run_benchmark(seed=args.seed, scale=args.scale, seconds=args.duration, users=args.users,
                            workers=args.workers, database_url=database_url, output=Path(args.output),
                            force_generate=args.regenerate)
    print(table(results))
    print(f"Results written to {args.output}")


if __name__ == "__main__":
    main()
