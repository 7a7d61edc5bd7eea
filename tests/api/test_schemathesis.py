"""The API accepts every request its OpenAPI schema allows, and refuses what
it forbids: schemathesis's own command line (``st run … --checks all``)
against the portal under gunicorn (tests/harness/live_server.py), with the
schema the server itself serves. Every check is on, among them
``positive_data_acceptance`` (a schema-valid request must not get a 400,
such as ``?kategori=&malgrupp=`` or a huge page number) and
``negative_data_rejection`` (a schema-invalid one must). Parameters added
to the schema later (``typ``, new endpoints) are tested without a change
here. Bounded and derandomised so a run is reproducible and short."""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from enterprises.models import ServiceCategory, TargetGroup
from tests.enterprises.factories import EnterpriseFactory, ServiceCategoryFactory
from tests.harness.live_server import gunicorn_server
from tests.support.factories import AgreementFactory

pytestmark = pytest.mark.django_db(transaction=True)

MAX_EXAMPLES = 15
ST = Path(sys.executable).with_name("st")


def published_data():
    category = ServiceCategoryFactory(name="Städ", slug="stad")
    ServiceCategoryFactory(name="Catering", slug="catering")
    group = TargetGroup.objects.order_by("position").first()
    for _ in range(3):
        AgreementFactory(enterprise=EnterpriseFactory(categories=[category], with_figures=True))
    enterprise = EnterpriseFactory(organisation_number="5560360793")
    if group:
        enterprise.target_groups.add(group)
    EnterpriseFactory(draft=True)


def run_schemathesis(base_url: str, *extra: str) -> subprocess.CompletedProcess:
    command = [
        str(ST), "run", f"{base_url}/api/schema/?format=json", "--url", base_url,
        "--checks", "all", "--max-examples", str(MAX_EXAMPLES), "--seed", "15",
        "--phases", "examples,coverage,fuzzing", "--workers", "2", "--generation-database", "none",
        "--request-timeout", "30", "--no-color", *extra,
    ]
    env = {**os.environ, "SCHEMATHESIS_TELEMETRY": "false", "COLUMNS": "160"}
    # In a folder of its own: schemathesis keeps a cache where it runs.
    with tempfile.TemporaryDirectory() as folder:
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300, env=env,
                              cwd=folder)


def test_the_schema_names_the_vocabularies_it_accepts():
    published_data()
    with gunicorn_server(workers=1, threads=2) as server, \
            urllib.request.urlopen(server.url + "/api/schema/?format=json") as response:
        schema = json.load(response)
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/enterprises/"]["get"]["parameters"]}
    active = list(ServiceCategory.objects.filter(is_active=True).order_by("name").values_list("slug", flat=True))
    assert parameters["kategori"]["items"]["enum"] == ["", *active] and {"stad", "catering"} <= set(active)
    assert parameters["malgrupp"]["items"]["enum"][0] == ""
    assert "" in parameters["ort"]["items"]["enum"]
    page = next(p for p in schema["paths"]["/api/v1/agreements/"]["get"]["parameters"] if p["name"] == "page")
    assert page["schema"] == {"type": "integer", "minimum": 1}


def test_the_api_keeps_to_its_schema_with_every_check():
    published_data()
    with gunicorn_server(workers=2, threads=2) as server:
        result = run_schemathesis(server.url)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-15000:]
    # It really tested every operation the schema has (the bulk downloads too).
    selected = re.search(r"Operations:\s+(\d+) selected / (\d+) total", output)
    assert selected and selected.group(1) == selected.group(2), output[-5000:]
    assert int(selected.group(1)) >= 9 and re.search(rf"Tested: {selected.group(1)}\b", output), output[-5000:]
