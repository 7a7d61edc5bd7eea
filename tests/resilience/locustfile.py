"""Mixed load on the portal for tests/resilience/test_load.py.

Anonymous visitors browse the public registry, statistics and API;
representatives sign in through the real form and submit support requests,
each with a unique token in its subject; officials read their work lists.
The test creates the accounts and passes them in the environment:

LOAD_OUTPUT_DIR     where each process writes its token and error files
LOAD_PASSWORD       every account's password
LOAD_REPRESENTATIVES, LOAD_OFFICIALS  username prefixes and counts, "prefix:count"
LOAD_ENTERPRISES    published enterprises as "slug/organisation_number,..."
LOAD_KIND           the support kind's primary key
"""

import os
import random
import re
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

OUTPUT = Path(os.environ["LOAD_OUTPUT_DIR"])
PASSWORD = os.environ["LOAD_PASSWORD"]
KIND = os.environ["LOAD_KIND"]
ENTERPRISES = [item.split("/") for item in os.environ["LOAD_ENTERPRISES"].split(",")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RECEIPT = re.compile(r"^/stod/(\d+)/kvitto/$")
SEARCH_WORDS = ["kooperativ", "café", "Kungshamn", "städ", "ek. för.", "xyz"]


def prefix_and_count(name: str) -> tuple[str, int]:
    prefix, count = os.environ[name].split(":")
    return prefix, int(count)


def usernames(name: str):
    prefix, count = prefix_and_count(name)
    return iter([f"{prefix}{n}" for n in range(count)])


# One account per simulated user: sign-ins by many users on one account
# would only test session handling, and axes counts failures per username.
REPRESENTATIVES = usernames("LOAD_REPRESENTATIVES")
OFFICIALS = usernames("LOAD_OFFICIALS")
_files = {}


def record(kind: str, line: str) -> None:
    """Append to this process's file of ``kind`` (tokens attempted or
    submitted, server errors); flushed at once so nothing is lost on exit."""
    if kind not in _files:
        _files[kind] = open(OUTPUT / f"{kind}-{os.getpid()}.txt", "a", encoding="utf-8")  # noqa: SIM115
    _files[kind].write(line + "\n")
    _files[kind].flush()


@events.request.add_listener
def record_errors(request_type, name, response, exception, **kwargs):
    # Kept here as well as in locust's statistics: its CSV is written when the
    # run time ends, before the users' last requests have finished.
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        record("server-errors", f"{status} {request_type} {name}")
    if exception is not None:
        record("failures", f"{request_type} {name}: {exception!r}")


def csrf_token(html: str) -> str | None:
    match = CSRF.search(html)
    return match.group(1) if match else None


class SignedInUser(HttpUser):
    abstract = True
    accounts = None

    def on_start(self):
        self.username = next(self.accounts)
        with self.client.get("/konto/logga-in/", name="login form", catch_response=True) as page:
            token = csrf_token(page.text)
            if token is None:
                page.failure("no CSRF token on the sign-in form")
                return
        with self.client.post("/konto/logga-in/", name="sign in", allow_redirects=False, catch_response=True,
                              data={"username": self.username, "password": PASSWORD,
                                    "csrfmiddlewaretoken": token}) as response:
            if response.status_code != 302:
                response.failure(f"sign-in of {self.username} gave {response.status_code}")


class Visitor(HttpUser):
    weight = 1
    wait_time = between(3, 10)

    @task(4)
    def registry(self):
        self.client.get("/foretag/", name="registry")

    @task(3)
    def search(self):
        self.client.get("/foretag/", params={"q": random.choice(SEARCH_WORDS)}, name="registry search")

    @task(4)
    def enterprise(self):
        slug, _number = random.choice(ENTERPRISES)
        self.client.get(f"/foretag/{slug}/", name="enterprise page")

    @task(2)
    def statistics(self):
        self.client.get("/statistik/", name="statistics")

    @task(3)
    def api(self):
        _slug, number = random.choice(ENTERPRISES)
        self.client.get("/api/v1/enterprises/", name="api enterprises")
        self.client.get(f"/api/v1/enterprises/{number}/", name="api enterprise")

    @task(1)
    def api_statistics(self):
        self.client.get("/api/v1/statistics/", name="api statistics")

    @task(1)
    def home_and_static(self):
        self.client.get("/", name="home")
        self.client.get("/static/css/portal.css", name="static")


class Representative(SignedInUser):
    fixed_count = prefix_and_count("LOAD_REPRESENTATIVES")[1]
    accounts = REPRESENTATIVES
    wait_time = between(3, 10)

    @task(3)
    def submit_request(self):
        with self.client.get("/stod/ny/", name="request form", catch_response=True) as page:
            csrf = csrf_token(page.text)
            if page.status_code != 200 or csrf is None:
                page.failure(f"request form gave {page.status_code}")
                return
        token = f"LAST-{uuid.uuid4().hex}"
        record("attempted", token)
        with self.client.post(
            "/stod/ny/", name="submit request", allow_redirects=False, catch_response=True,
            data={"csrfmiddlewaretoken": csrf, "kind": KIND, "enterprise": "", "subject": f"Lasttest {token}",
                  "description": "Vi vill starta ett arbetskooperativ i Kungshamn.",
                  "hoped_outcome": "Råd om företagsform.", "submit": "1"},
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not RECEIPT.match(location):
                response.failure(f"submission gave {response.status_code} {location!r}")
                return
        record("submitted", token)
        with self.client.get(location, name="receipt", catch_response=True) as receipt:
            if "STOD-" not in receipt.text:
                receipt.failure("the receipt shows no reference number")

    @task(1)
    def my_requests(self):
        self.client.get("/stod/mina/", name="my requests")


class Official(SignedInUser):
    fixed_count = prefix_and_count("LOAD_OFFICIALS")[1]
    accounts = OFFICIALS
    wait_time = between(3, 10)

    @task(3)
    def worklist(self):
        self.client.get("/stod/arenden/", name="support work list")

    @task(1)
    def registry_worklist(self):
        self.client.get("/foretag/arbetslista/", name="registry work list")
