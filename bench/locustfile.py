"""One benchmark scenario for locust: requests the scenario's paths in a
closed loop (no think time) and counts anything but 200 as an error.

Driven by ``bench.run`` through the environment: BENCH_SCENARIO (the name
in the statistics), BENCH_PATHS (a JSON list, picked at random per
request), BENCH_COOKIE (a session cookie for logged-in scenarios)."""

import json
import os
import random

from locust import FastHttpUser, constant, task

SCENARIO = os.environ.get("BENCH_SCENARIO", "scenario")
PATHS = json.loads(os.environ.get("BENCH_PATHS", '["/halsa/"]'))
HEADERS = {"Cookie": os.environ["BENCH_COOKIE"]} if os.environ.get("BENCH_COOKIE") else {}
RANDOM = random.Random(int(os.environ.get("BENCH_SEED", "1")))


class Visitor(FastHttpUser):
    wait_time = constant(0)
    # Connection reuse, as a browser or an API client would.
    concurrency = 1

    @task
    def visit(self):
        path = RANDOM.choice(PATHS)
        with self.client.get(path, headers=HEADERS, name=SCENARIO, allow_redirects=False,
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} for {path}")
