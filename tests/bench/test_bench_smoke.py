"""The benchmark in small (issue 9): the same generator, scenarios, gunicorn
and locust as `make bench`, on a few thousand rows for a few seconds per
scenario. It asserts that everything works and the query counts hold, not
the timings (those belong to `make bench` on the full data set)."""

import json

import pytest
from django.db import connection

from bench import benchmark, scenarios
from bench.dataset import generator
from bench.dataset.sizes import sizes_for
from tests.services import need_postgres

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def postgres_only():
    need_postgres()


@pytest.fixture(autouse=True)
def vocabularies(postgres_only, seeded_vocabularies):
    """The data set's categories, target groups and kinds (tests/conftest.py)."""


SMALL = 0.004
LARGER = 0.012


def database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def test_generator_is_deterministic():
    first = generator.generate(seed=7, scale=SMALL, vacuum=False)
    again = generator.generate(seed=7, scale=SMALL, vacuum=False)
    other = generator.generate(seed=8, scale=SMALL, vacuum=False)
    assert first.digest == again.digest
    assert first.rows == again.rows
    assert other.digest != first.digest
    assert first.rows["enterprises"] == sizes_for(SMALL)["enterprises"]


def test_benchmark_runs_with_fixed_query_counts(tmp_path):
    # Queries per request at two data sizes: the same, and at most ten.
    generator.generate(seed=11, scale=SMALL, vacuum=False)
    official = scenarios.official_for_worklist()
    small = scenarios.count_queries(scenarios.scenario_paths(11), official)
    output = tmp_path / "results.json"
    results = benchmark.run_benchmark(
        seed=11, scale=LARGER, seconds=2, users=2, workers=2, database_url=database_url(), output=output,
        server_env={"BENCH_PLAIN_STATIC": "1", "CONN_MAX_AGE": "0"}, force_generate=True, warmup_seconds=0,
    )
    for name, measured in results["scenarios"].items():
        assert measured["errors"] == 0, name
        assert measured["requests"] > 0, name
        assert measured["queries_per_request"] <= scenarios.MAX_QUERIES, name
        assert len(set(measured["query_counts"])) == 1, (name, measured["query_counts"])
        assert measured["queries_per_request"] == small[name]["queries"], (name, small[name], measured)
        assert set(small[name]["statuses"]) == {200}, (name, small[name])

    written = json.loads(output.read_text())
    assert set(written["scenarios"]) == set(scenarios.SCENARIO_ORDER)
    for measured in written["scenarios"].values():
        assert {"rps", "p50_ms", "p95_ms", "errors", "queries_per_request", "ratio_to_baseline"} <= set(measured)
    assert written["scenarios"]["baseline"]["ratio_to_baseline"] == 1.0
    for key in ("sweep_seconds", "sweep_peak_mb", "compiled_report_seconds"):
        assert isinstance(written[key], (int, float)), key
    assert written["rows"]["enterprises"] == sizes_for(LARGER)["enterprises"]
