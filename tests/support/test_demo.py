"""The demo loader: requests in every state across departments, some from
`foretagare`, some at `tjansteman`'s department, about 15 agreements, some
ending soon; running it twice changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from support import demo
from support.constants import RequestState
from support.models import Agreement, Message, RequestEvent, SupportKind, SupportRequest
from tests.support.factories import EnterpriseFactory, RepresentationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    accounts_demo.load()
    enterprises = [EnterpriseFactory() for _ in range(6)]
    from accounts.models import User

    RepresentationFactory(user=User.objects.get(username="foretagare"), enterprise=enterprises[0])
    return enterprises


def snapshot():
    return (
        sorted(SupportRequest.objects.values_list("reference", "subject", "state", "department__name")),
        sorted(Agreement.objects.values_list("title", "department__name", "start_date", "end_date")),
        Message.objects.count(),
        RequestEvent.objects.count(),
    )


def test_the_demo_covers_the_issue_and_is_idempotent(world):
    created = demo.load()
    assert created["support requests"] == len(demo.REQUESTS)
    first = snapshot()
    assert demo.load() == {"support requests": 0, "messages": 0, "agreements": 0, "registered cases": 0}
    assert snapshot() == first

    assert set(SupportRequest.objects.values_list("state", flat=True)) == set(RequestState.values)
    assert SupportRequest.objects.values("department").distinct().count() >= 4
    assert SupportRequest.objects.filter(applicant__username="foretagare", enterprise=world[0]).exists()
    assert SupportRequest.objects.filter(department__name=demo.AOI, handler__username="tjansteman").count() >= 3
    assert Message.objects.filter(is_internal=True).exists()
    assert 12 <= Agreement.objects.count() <= 18
    today = timezone.localdate()
    ending_soon = Agreement.objects.filter(end_date__gte=today, end_date__lte=today + timedelta(days=90))
    assert ending_soon.count() >= 2
    # References follow the real counter: no gaps within a year.
    for year in set(SupportRequest.objects.exclude(reference="").values_list("reference_year", flat=True)):
        numbers = sorted(SupportRequest.objects.filter(reference_year=year).values_list("reference_number",
                                                                                        flat=True))
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_submitted_demo_request_has_a_consistent_history(world):
    demo.load()
    for support_request in SupportRequest.objects.exclude(state=RequestState.DRAFT):
        events = list(support_request.events.order_by("created_at", "pk"))
        assert events[0].move == "submit"
        assert events[-1].to_state == support_request.state
        for before, after in zip(events, events[1:]):
            assert before.to_state == after.from_state


def test_without_enterprises_the_demo_is_skipped():
    accounts_demo.load()
    assert demo.load() == {"support requests": 0, "messages": 0, "agreements": 0}
    assert not SupportRequest.objects.exists()


def test_the_kinds_of_support_are_seeded_by_a_migration():
    slugs = set(SupportKind.objects.values_list("slug", flat=True))
    assert {"starta-socialt-foretag", "affarsutveckling", "asf-definition", "arbetstraning-rehabilitering",
            "overenskommelse-samarbetsavtal", "lokaler", "upphandling", "finansiering", "ovrigt"} <= slugs
