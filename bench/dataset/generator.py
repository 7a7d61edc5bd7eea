"""Making the whole data set: empty the generated tables, then fill them
part by part from one ``random.Random(seed)``, in one transaction.

Same seed and scale, same rows: the parts run in a fixed order and draw
from the one random source, every date counts from the anchor day, never
from the clock, and ``generate`` returns a digest of everything it wrote.
"""

import hashlib
import json
import random
import time
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction

from accounts.models import Department, User
from enterprises.models import DefinitionCheck, Enterprise
from policy_reports.models import DepartmentReport, PolicyVersion, ReportingRound
from support.models import Agreement, SupportRequest

from .context import Build
from .outbox import add_outbox
from .people import add_people
from .registry import add_registry
from .reports import add_reports
from .sizes import DEFAULT_SEED, anchor_day, sizes_for
from .support import add_agreements, add_support
from .tables import reset, reset_sequences

# In this order: each part reads the ids the earlier ones made.
PARTS = [add_people, add_registry, add_support, add_agreements, add_reports, add_outbox]
# The models whose ids the generator writes itself.
NUMBERED = [Department, User, Enterprise, DefinitionCheck, SupportRequest, Agreement, PolicyVersion,
            ReportingRound, DepartmentReport]


@dataclass
class Result:
    seed: int
    scale: str
    today: date
    rows: dict
    digest: str
    seconds: float


def generate(*, seed: int = DEFAULT_SEED, scale: str | float = "full", verbose: bool = False,
             vacuum: bool = True) -> Result:
    """Empty the generated tables and fill them again. PostgreSQL only."""
    if connection.vendor != "postgresql":
        raise RuntimeError("The benchmark data set is loaded with COPY and needs PostgreSQL (DATABASE_URL).")
    started = time.monotonic()
    today = anchor_day()

    def log(message: str) -> None:
        if verbose:
            print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)

    with transaction.atomic(), connection.cursor() as cursor:
        reset(cursor)
        build = Build(cursor=cursor, rng=random.Random(seed), today=today, sizes=sizes_for(scale), log=log)
        for part in PARTS:
            part(build)
        reset_sequences(cursor, NUMBERED)

    if vacuum:
        # Fresh statistics and visibility maps, as autovacuum would give a
        # long-running database.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    log("vacuumed and analysed")
    digest = hashlib.sha256(json.dumps(build.digests, sort_keys=True).encode()).hexdigest()
    return Result(seed=seed, scale=str(scale), today=today, rows=build.rows, digest=digest,
                  seconds=round(time.monotonic() - started, 1))
