"""Locust as the load generator: one scenario headless for a fixed time,
and its answer summarised (requests per second, percentiles, errors)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .paths import BASE_DIR


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
