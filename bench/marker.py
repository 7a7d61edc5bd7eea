"""The data set a benchmark database holds: a marker table remembers the
seed, scale, anchor day and generator version it was made with, so it is
generated only when missing."""

import json

from django.db import connection

from .dataset.generator import generate
from .dataset.sizes import GENERATOR_VERSION, anchor_day
from .paths import log

MARKER_TABLE = "bench_dataset_marker"


def stored_marker() -> dict | None:
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (id int PRIMARY KEY, marker jsonb NOT NULL)")
        cursor.execute(f"SELECT marker FROM {MARKER_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return None
    return row[0] if isinstance(row[0], dict) else json.loads(row[0])


def store_marker(marker: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} (id, marker) VALUES (1, %s)", [json.dumps(marker)])


def ensure_data(*, seed: int, scale: str, force: bool = False) -> dict:
    """The data set for this seed and scale, generated only if missing."""
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
