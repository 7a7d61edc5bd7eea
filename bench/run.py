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
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sotenas_bench"
# A shared cache, as production should have (CACHE_URL); used when Redis
# answers there and CACHE_URL is not set.
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/10"
SETTINGS = "bench.settings"
MAX_QUERIES = 10
# The page scenarios and what each asks of the app; "baseline" is the
# framework's ceiling (a view that answers without the database).
SCENARIO_ORDER = ["baseline", "registry_list", "registry_search", "enterprise_detail", "api_list", "statistics",
                  "worklist"]
MARKER_TABLE = "bench_dataset_marker"


def ensure_database(database_url: str) -> None:
    """Create the benchmark database if it does not exist yet."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2
    from psycopg2 import sql

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


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


# The data set ----------------------------------------------------------------------

def stored_marker() -> dict | None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (id int PRIMARY KEY, marker jsonb NOT NULL)")
        cursor.execute(f"SELECT marker FROM {MARKER_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return None
    return row[0] if isinstance(row[0], dict) else json.loads(row[0])


def store_marker(marker: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} (id, marker) VALUES (1, %s)", [json.dumps(marker)])


def ensure_data(*, seed: int, scale: str, force: bool = False) -> dict:
    """The data set for this seed and scale, generated only if missing."""
    from bench.generate import GENERATOR_VERSION, anchor_day, generate

    wanted = {"seed": seed, "scale": str(scale), "today": anchor_day().isoformat(), "generator": GENERATOR_VERSION}
    marker = stored_marker()
    if not force and marker and all(marker.get(k) == v for k, v in wanted.items()):
        log(f"data set for seed {seed}, scale {scale} already loaded ({marker['digest'][:12]})")
        return marker
    log(f"generating the data set (seed {seed}, scale {scale})")
    result = generate(seed=seed, scale=scale, verbose=True)
    marker = {**wanted, "digest": result.digest, "rows": result.rows, "seconds": result.seconds}
    store_marker(marker)
    return marker


# Scenarios -------------------------------------------------------------------------

def official_for_worklist():
    """An official in the department with the most open requests."""
    from django.db.models import Count

    from accounts.models import Membership
    from support.constants import OPEN_STATES
    from support.models import SupportRequest

    busiest = (SupportRequest.objects.filter(state__in=OPEN_STATES, department__isnull=False)
               .values("department").annotate(n=Count("pk")).order_by("-n", "department").first())
    membership = (Membership.objects.filter(department_id=busiest["department"]).select_related("user")
                  .order_by("user_id").first())
    return membership.user


def session_cookie_for(user) -> str:
    """A signed-in session, as the login view would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(60 * 60 * 6)
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def scenario_paths(seed: int) -> dict[str, dict]:
    """Each scenario's paths: several objects of each, so a cache of one
    answer cannot stand in for the work."""
    from django.urls import reverse

    from enterprises.constants import PublicationStatus
    from enterprises.models import Enterprise

    rng = random.Random(seed)
    published = Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED)
    last_id = published.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = sorted({rng.randint(1, last_id) for _ in range(400)})
    slugs = list(published.filter(pk__in=ids).order_by("pk").values_list("slug", flat=True)[:200])
    registry = reverse("enterprises:list")
    pages = [1, 1, 1, 1, 2, 2, 3, 4, 5, 10, 20, 50]
    searches = [
        ("städning", "stad", "kungshamn"), ("catering", "cafe-catering", "smogen"),
        ("snickeri", "snickeri", "hunnebostrand"), ("återbruk", "second-hand", "outside"),
        ("båtar", "bat-marina", "malmon"), ("kajaker", "turism", "bovallstrand"),
        ("tvätt", "tvatt", "vajern"), ("arbetsträning", "transport", "kungshamn"),
    ]
    api = reverse("api:enterprise_list")
    worklist = reverse("support:worklist")
    return {
        "baseline": {"paths": [reverse("health")]},
        "registry_list": {"paths": [f"{registry}?page={n}" if n > 1 else registry for n in pages]},
        "registry_search": {"paths": [f"{registry}?q={q}&kategori={c}&ort={o}" for q, c, o in searches]},
        "enterprise_detail": {"paths": [reverse("enterprises:detail", kwargs={"slug": s}) for s in slugs]},
        "api_list": {"paths": [f"{api}?kategori={c}&ort={o}" for _q, c, o in searches]
                     + [f"{api}?malgrupp={g}&page=2" for g in ("unga", "nyanlanda", "funktionsnedsattning")]},
        "statistics": {"paths": [reverse("statistics:public")]},
        "worklist": {"paths": [worklist, f"{worklist}?lista=department", f"{worklist}?lista=overdue",
                               f"{worklist}?lista=department&sort=-submitted"], "login": True},
    }


def count_queries(scenarios: dict[str, dict], user) -> dict[str, dict]:
    """Queries per request of each scenario: the first path warms up (the
    framework's own first-request work), the others are measured, each after
    one unmeasured request for the same path, so pages with cached parts
    (the statistics, the registry's count and result list) are measured as
    the load finds them: warm. Their uncached counts are pinned by the
    tests (tests/enterprises/test_query_counts.py)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    measured = {}
    for name, scenario in scenarios.items():
        client = Client()
        if scenario.get("login"):
            client.force_login(user)
        paths = scenario["paths"]
        client.get(paths[0])
        counts, statuses = [], []
        for path in (paths[1:5] if len(paths) > 1 else paths):
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            statuses.append(response.status_code)
            counts.append(len(captured.captured_queries))
        measured[name] = {"queries": max(counts), "counts": counts, "statuses": statuses}
    return measured


# The server and the load ---------------------------------------------------------

def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_environment(database_url: str, extra: dict | None = None) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url,
           "PYTHONPATH": str(BASE_DIR), **(extra or {})}
    return env


def start_gunicorn(*, port: int, workers: int, env: dict, log_path: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "sotenas_portal.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
        "--worker-tmp-dir", "/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir(),
        "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: see {log_path}\n{log_path.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/halsa/", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_memory_mb(server: subprocess.Popen) -> list[float]:
    import psutil

    return [round(child.memory_info().rss / 2**20, 1) for child in psutil.Process(server.pid).children()]


def run_locust(*, name: str, paths: list[str], port: int, seconds: int, users: int, seed: int,
               cookie: str = "", workdir: Path) -> dict:
    env = {**os.environ, "BENCH_SCENARIO": name, "BENCH_PATHS": json.dumps(paths), "BENCH_COOKIE": cookie,
           "BENCH_SEED": str(seed)}
    command = [
        str(Path(sys.executable).parent / "locust"), "-f", str(BASE_DIR / "bench" / "locustfile.py"),
        "--headless", "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
        "--host", f"http://127.0.0.1:{port}", "--json", "--only-summary", "--loglevel", "WARNING",
        "--stop-timeout", "5",
    ]
    finished = subprocess.run(command, cwd=workdir, env=env, stdout=subprocess.PIPE, text=True,
                              stderr=(workdir / f"{name}.log").open("w"), timeout=seconds + 120, check=False)
    (workdir / f"{name}.json").write_text(finished.stdout)
    entry = next(e for e in json.loads(finished.stdout) if e["name"] == name)
    return summarise(entry)


def percentile(histogram: dict, share: float) -> float:
    """Locust's histogram of rounded response times → the given percentile."""
    points = sorted((float(ms), n) for ms, n in histogram.items())
    total = sum(n for _ms, n in points)
    if not total:
        return 0.0
    seen = 0
    for ms, n in points:
        seen += n
        if seen >= share * total:
            return ms
    return points[-1][0]


def summarise(entry: dict) -> dict:
    requests = entry["num_requests"]
    elapsed = max(entry["last_request_timestamp"] - entry["start_time"], 1e-6) if requests else 1
    return {
        "requests": requests,
        "errors": entry["num_failures"],
        "rps": round(requests / elapsed, 1),
        "p50_ms": percentile(entry["response_times"], 0.50),
        "p95_ms": percentile(entry["response_times"], 0.95),
    }


# The sweep and the compiled report -------------------------------------------------

def time_sweep(*, env: dict, today: str) -> dict:
    """The real reminder sweep over the whole data set in its own process;
    its peak memory is sampled while it runs. What it adds to the outbox is
    removed again, so the next run finds the same data."""
    import psutil

    from core.models import OutboundEmail

    before = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    # Output to files: a pipe nobody reads while the sweep runs would fill and stall it.
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "send_reminders", "--today", today], cwd=BASE_DIR, env=env,
        stdout=out, stderr=err, text=True,
    )
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    process.wait()
    seconds = time.monotonic() - started
    out.seek(0)
    err.seek(0)
    stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise RuntimeError(f"send_reminders failed:\n{stderr[-3000:]}")
    added = OutboundEmail.objects.filter(pk__gt=before).delete()[0]
    summary = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    return {"seconds": round(seconds, 2), "peak_mb": round(peak / 2**20, 1), "messages": added, "summary": summary}


def time_compiled_report() -> dict:
    """The compiled report of the latest round, as page data, PDF and CSV."""
    from policy_reports.exports import compiled_report_csv
    from policy_reports.models import ReportingRound
    from policy_reports.pdf import compiled_report_pdf
    from policy_reports.selectors import compiled_report

    reporting_round = ReportingRound.objects.order_by("-year").first()
    started = time.monotonic()
    compiled = compiled_report(reporting_round=reporting_round)
    pdf = compiled_report_pdf(compiled)
    compiled_report_csv(compiled)
    return {"seconds": round(time.monotonic() - started, 2), "year": reporting_round.year,
            "reports": len(compiled.delivered) + len(compiled.not_delivered), "pdf_bytes": len(pdf)}


# The whole run ----------------------------------------------------------------------

def run_benchmark(*, seed: int, scale: str, seconds: int, users: int, workers: int, database_url: str,
                  output: Path | None = RESULTS, server_env: dict | None = None, force_generate: bool = False,
                  warmup_seconds: int = 3) -> dict:
    """Everything after django.setup(); returns the results."""
    from bench.generate import anchor_day

    marker = ensure_data(seed=seed, scale=scale, force=force_generate)
    scenarios = scenario_paths(seed)
    official = official_for_worklist()
    log("counting queries per request")
    queries = count_queries(scenarios, official)
    cookie = session_cookie_for(official)
    env = server_environment(database_url, server_env)
    # Logs and locust's output of the last run, under VAR_DIR.
    from django.conf import settings

    workdir = Path(settings.VAR_DIR) / "bench"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    port = free_port()
    log(f"starting gunicorn with {workers} workers on port {port} (logs in {workdir})")
    server = start_gunicorn(port=port, workers=workers, env=env, log_path=workdir / "gunicorn.log")
    results: dict = {"scenarios": {}}
    try:
        for name in SCENARIO_ORDER:
            scenario = scenarios[name]
            scenario_cookie = cookie if scenario.get("login") else ""
            if warmup_seconds:
                run_locust(name=f"{name}-warmup", paths=scenario["paths"], port=port, seconds=warmup_seconds,
                           users=users, seed=seed, cookie=scenario_cookie, workdir=workdir)
            log(f"scenario {name}: {seconds} s with {users} users")
            measured = run_locust(name=name, paths=scenario["paths"], port=port, seconds=seconds, users=users,
                                  seed=seed, cookie=scenario_cookie, workdir=workdir)
            measured["queries_per_request"] = queries[name]["queries"]
            measured["query_counts"] = queries[name]["counts"]
            results["scenarios"][name] = measured
        worker_mb = worker_memory_mb(server)
    finally:
        stop(server)
    baseline_rps = results["scenarios"]["baseline"]["rps"] or 1
    for measured in results["scenarios"].values():
        measured["ratio_to_baseline"] = round(measured["rps"] / baseline_rps, 3)
    log("timing the reminder sweep")
    sweep = time_sweep(env=env, today=anchor_day().isoformat())
    log("timing the compiled report")
    report = time_compiled_report()
    results.update(
        sweep_seconds=sweep["seconds"], sweep_peak_mb=sweep["peak_mb"], sweep_messages=sweep["messages"],
        compiled_report_seconds=report["seconds"], compiled_report=report,
        worker_rss_mb=worker_mb, worker_rss_max_mb=max(worker_mb) if worker_mb else None,
        rows=marker["rows"], seed=seed, scale=str(scale), data_digest=marker["digest"],
        users=users, workers=workers, seconds_per_scenario=seconds, cpu_count=os.cpu_count(),
        cache=env.get("CACHE_URL") or "per process",
    )
    if output is not None:
        output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return results


def table(results: dict) -> str:
    lines = [f"{'scenario':<18}{'rps':>9}{'ratio':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'queries':>9}"]
    for name, m in results["scenarios"].items():
        lines.append(f"{name:<18}{m['rps']:>9.1f}{m['ratio_to_baseline']:>8.2f}{m['p50_ms']:>9.0f}"
                     f"{m['p95_ms']:>9.0f}{m['errors']:>8}{m['queries_per_request']:>9}")
    lines.append(f"reminder sweep: {results['sweep_seconds']} s, peak {results['sweep_peak_mb']} MB, "
                 f"{results['sweep_messages']} message(s)")
    lines.append(f"compiled report: {results['compiled_report_seconds']} s")
    lines.append(f"gunicorn workers after the run: {results['worker_rss_mb']} MB")
    lines.append("rows: " + ", ".join(f"{k} {v}" for k, v in results["rows"].items()))
    return "\n".join(lines)


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
    import django
    from django.core.management import call_command

    django.setup()
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
