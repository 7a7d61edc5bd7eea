"""The benchmark's page scenarios: which paths each requests, the official
the worklist is measured for, a signed-in session for the load generator,
and the queries each page makes."""

import random

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership
from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise
from support.constants import OPEN_STATES
from support.models import SupportRequest

MAX_QUERIES = 10
# The page scenarios and what each asks of the app; "baseline" is the
# framework's ceiling (a view that answers without the database).
SCENARIO_ORDER = ["baseline", "registry_list", "registry_search", "enterprise_detail", "api_list", "statistics",
                  "worklist"]


def official_for_worklist():
    """An official in the department with the most open requests."""
    busiest = (SupportRequest.objects.filter(state__in=OPEN_STATES, department__isnull=False)
               .values("department").annotate(n=Count("pk")).order_by("-n", "department").first())
    membership = (Membership.objects.filter(department_id=busiest["department"]).select_related("user")
                  .order_by("user_id").first())
    return membership.user


def session_cookie_for(user) -> str:
    """A signed-in session, as the login view would leave it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.PasswordBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(60 * 60 * 6)
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def scenario_paths(seed: int) -> dict[str, dict]:
    """Each scenario's paths: several objects of each, so a cache of one
    answer cannot stand in for the work."""
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
