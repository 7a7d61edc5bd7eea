"""One whole benchmark run once Django is set up: the data set, the query
counts, the app under gunicorn driven scenario by scenario with locust,
the workers' memory, the sweep and the compiled report, and the results
(returned, written as JSON and shown as a table)."""

import json
import os
import shutil
from pathlib import Path

from django.conf import settings

from .dataset.sizes import anchor_day
from .load import run_locust
from .marker import ensure_data
from .paths import RESULTS, log
from .scenarios import SCENARIO_ORDER, count_queries, official_for_worklist, scenario_paths, session_cookie_for
from .server import free_port, server_environment, start_gunicorn, stop, worker_memory_mb
from .timings import time_compiled_report, time_sweep


def run_benchmark(*, seed: int, scale: str, seconds: int, users: int, workers: int, database_url: str,
                  output: Path | None = RESULTS, server_env: dict | None = None, force_generate: bool = False,
                  warmup_seconds: int = 3) -> dict:
    """Everything after django.setup(); returns the results."""
    marker = ensure_data(seed=seed, scale=scale, force=force_generate)
    scenarios = scenario_paths(seed)
    official = official_for_worklist()
    log("counting queries per request")
    queries = count_queries(scenarios, official)
    cookie = session_cookie_for(official)
    env = server_environment(database_url, server_env)
    # Logs and locust's output of the last run, under VAR_DIR.
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
