"""Load on loopback: gunicorn with a few hundred concurrent locust users for a
minute, mixed browsing and submissions. No request may fail or get a 5xx,
and every submitted support request is stored exactly once.

PostgreSQL only (SQLite takes one writer at a time). LOAD_USERS and
LOAD_SECONDS shorten the run locally."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from support.models import SupportRequest
from tests.enterprises.factories import EnterpriseFactory
from tests.factories import TEST_PASSWORD, DepartmentFactory, UserFactory
from tests.harness.live_server import gunicorn_server
from tests.services import need_postgres
from tests.support.factories import support_kind

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

USERS = int(os.environ.get("LOAD_USERS", "300"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
REPRESENTATIVES = max(1, USERS // 4)
OFFICIALS = max(1, USERS // 15)
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def read_lines(folder: Path, kind: str) -> list[str]:
    return [line for path in folder.glob(f"{kind}-*.txt") for line in path.read_text().splitlines() if line]


def portal_data() -> dict:
    department = DepartmentFactory(name="Sektor arbetsmarknad och integration")
    for n in range(REPRESENTATIVES):
        UserFactory(username=f"lastrep{n}")
    for n in range(OFFICIALS):
        UserFactory(username=f"lasttj{n}", departments=[department])
    enterprises = [EnterpriseFactory(with_figures=True) for _ in range(25)]
    return {
        "LOAD_PASSWORD": TEST_PASSWORD,
        "LOAD_KIND": str(support_kind().pk),
        "LOAD_REPRESENTATIVES": f"lastrep:{REPRESENTATIVES}",
        "LOAD_OFFICIALS": f"lasttj:{OFFICIALS}",
        "LOAD_ENTERPRISES": ",".join(f"{e.slug}/{e.organisation_number}" for e in enterprises),
    }


def test_a_minute_of_mixed_load_has_no_errors_and_stores_every_submission_once(tmp_path):
    need_postgres()
    env = portal_data()
    output = tmp_path / "locust"
    output.mkdir()
    with gunicorn_server(workers=3, threads=4) as server:
        run = subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", server.url,
             "--users", str(USERS), "--spawn-rate", str(max(USERS // 3, 1)), "--run-time", f"{SECONDS}s",
             "--stop-timeout", "60", "--csv", str(tmp_path / "stats"), "--only-summary", "--exit-code-on-error", "0",
             "--loglevel", "WARNING"],
            cwd=settings.BASE_DIR, env={**os.environ, **env, "LOAD_OUTPUT_DIR": str(output)},
            capture_output=True, text=True, timeout=SECONDS + 180,
        )
        assert run.returncode == 0, run.stdout + run.stderr

    with open(tmp_path / "stats_stats.csv", newline="") as stats_file:
        stats = {row["Name"]: row for row in csv.DictReader(stats_file)}
    total = stats["Aggregated"]
    failures = (tmp_path / "stats_failures.csv").read_text()
    assert int(total["Failure Count"]) == 0, failures + run.stderr[-5000:]
    assert read_lines(output, "failures") == []
    assert read_lines(output, "server-errors") == []
    assert int(total["Request Count"]) > USERS  # the load really ran
    submitted = read_lines(output, "submitted")
    assert int(stats["submit request"]["Request Count"]) > 0

    stored = list(SupportRequest.objects.filter(subject__startswith="Lasttest ").values_list("subject", flat=True))
    stored_tokens = [subject.removeprefix("Lasttest ") for subject in stored]
    assert sorted(stored_tokens) == sorted(submitted)  # each once, and nothing unrecorded
    assert len(set(stored_tokens)) == len(stored_tokens)
    references = SupportRequest.objects.filter(subject__startswith="Lasttest ").values_list("reference", flat=True)
    assert len(set(references)) == len(submitted)
