"""Who hears about a definition check, in their own language: a submitted
check goes to the coordinators (else Kommunstyrelsen's office, the one agreed
fallback), the answer to the enterprise's confirmed representatives."""

import pytest

from accounts.models import Department
from core.models import OutboundEmail
from enterprises.models import Representation
from enterprises.notifications import notify_check_moved
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise():
    return EnterpriseFactory(name="Kustens Arbetskooperativ")


@pytest.fixture
def kommunstyrelsen():
    return DepartmentFactory(name="Kommunstyrelsens förvaltning", kind=Department.Kind.KOMMUNSTYRELSEN,
                             contact_email="ks@sotenas.example")


def test_a_submitted_check_greets_each_coordinator_by_name(enterprise, kommunstyrelsen):
    swedish = UserFactory(username="samordnare", coordinator=True, first_name="Eva", last_name="Ek")
    english = UserFactory(username="coordinator", coordinator=True, first_name="Ann", last_name="Berg",
                          preferred_language="en")
    notify_check_moved(check_id=make_check(enterprise, "submitted").pk, action="submit")
    emails = {m.recipient: m for m in OutboundEmail.objects.filter(kind="enterprises.check_submitted")}
    assert set(emails) == {swedish.email, english.email}  # not Kommunstyrelsen: there are coordinators
    assert emails[swedish.email].body.startswith("Hej Eva Ek,")
    assert emails[english.email].body.startswith("Hello Ann Berg,")
    assert emails[english.email].subject == "ASF definition check to review: Kustens Arbetskooperativ"
    assert emails[swedish.email].user == swedish


def test_without_coordinators_a_submitted_check_goes_to_kommunstyrelsen(enterprise, kommunstyrelsen):
    # The agreed fallback: before it, this email went to no one.
    UserFactory(username="former", coordinator=True, is_active=False)
    notify_check_moved(check_id=make_check(enterprise, "submitted").pk, action="submit")
    email = OutboundEmail.objects.get(kind="enterprises.check_submitted")
    assert email.recipient == "ks@sotenas.example"
    assert email.user is None
    assert email.body.startswith("Hej,\n")


def test_the_answer_goes_to_the_confirmed_representatives_only(enterprise):
    confirmed = RepresentationFactory(enterprise=enterprise).user
    RepresentationFactory(enterprise=enterprise, status=Representation.Status.PENDING)
    RepresentationFactory(enterprise=enterprise, user=UserFactory(username="gone", is_active=False))
    check = make_check(enterprise, "more_info")
    notify_check_moved(check_id=check.pk, action="request_info")
    email = OutboundEmail.objects.get()
    assert (email.recipient, email.kind, email.user) == (confirmed.email, "enterprises.check_info_requested", confirmed)
    assert email.link.endswith(enterprise.get_absolute_url())
