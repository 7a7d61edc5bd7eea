"""Who a notification goes to: users who can be written to, a department's
officials and address (each once), and the coordinators with the one agreed
fallback to Kommunstyrelsen's office; each finder in a fixed number of queries."""

import pytest
from django.db.models import prefetch_related_objects

from accounts.models import Department, EmailDelivery
from accounts.recipients import coordinators, department_recipients, members_prefetch, user_recipients
from core.notifications import Recipient
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kommunstyrelsen():
    return DepartmentFactory(name="Kommunstyrelsens förvaltning", kind=Department.Kind.KOMMUNSTYRELSEN,
                             contact_email="ks@sotenas.example")


def addresses(recipients):
    return [recipient.email for recipient in recipients]


def test_user_recipients_leave_out_inactive_users_and_users_without_an_address(settings):
    english = UserFactory(username="english", preferred_language="en")
    no_language = UserFactory(username="nolanguage", preferred_language="")
    digest = UserFactory(username="digest", support_email_delivery=EmailDelivery.DIGEST)
    inactive = UserFactory(username="inactive", is_active=False)
    no_address = UserFactory(username="noaddress", email="")
    found = user_recipients([english, no_language, None, digest, inactive, no_address])
    assert found == [
        Recipient(english.email, "en", english),
        Recipient(no_language.email, settings.LANGUAGE_CODE, no_language),
        Recipient(digest.email, "sv", digest, wants_digest=True),
    ]


def test_department_recipients_are_its_active_officials_and_its_address_each_once(department):
    official = UserFactory(username="official", departments=[department])
    shared = UserFactory(username="shared", email=department.contact_email.upper(), departments=[department])
    UserFactory(username="gone", is_active=False, departments=[department])
    UserFactory(username="elsewhere", departments=[DepartmentFactory()])
    found = department_recipients(department)
    assert sorted(addresses(found)) == sorted([official.email, shared.email])
    assert {r.user for r in found} == {official, shared}  # the shared address is written to as the user


def test_department_recipients_without_officials_is_the_department_address(department):
    assert department_recipients(department) == [Recipient(department.contact_email, "sv")]


@pytest.mark.parametrize("members", [1, 6])
def test_department_recipients_cost_one_query_or_none_when_prefetched(department, members,
                                                                      django_assert_num_queries):
    for n in range(members):
        UserFactory(username=f"member{n}", departments=[department])
    fresh = Department.objects.get(pk=department.pk)
    with django_assert_num_queries(1):
        assert len(department_recipients(fresh)) == members + 1
    prefetched = Department.objects.get(pk=department.pk)
    prefetch_related_objects([prefetched], members_prefetch())
    with django_assert_num_queries(0):
        assert len(department_recipients(prefetched)) == members + 1


def test_coordinators_are_the_active_policy_coordinators(kommunstyrelsen):
    first = UserFactory(username="samordnare1", coordinator=True)
    second = UserFactory(username="samordnare2", coordinator=True, preferred_language="en")
    UserFactory(username="former", coordinator=True, is_active=False)
    UserFactory(username="noaddress", coordinator=True, email="")
    UserFactory(username="official")
    assert coordinators() == [Recipient(first.email, "sv", first), Recipient(second.email, "en", second)]


def test_without_coordinators_it_is_kommunstyrelsens_address(kommunstyrelsen):
    UserFactory(username="former", coordinator=True, is_active=False)
    assert coordinators() == [Recipient("ks@sotenas.example", "sv")]


def test_without_coordinators_or_an_active_office_there_is_no_one(kommunstyrelsen):
    kommunstyrelsen.is_active = False
    kommunstyrelsen.save()
    assert coordinators() == []


@pytest.mark.parametrize("count", [1, 5])
def test_coordinators_cost_one_query(count, django_assert_num_queries):
    for n in range(count):
        UserFactory(username=f"samordnare{n}", coordinator=True)
    with django_assert_num_queries(1):
        assert len(coordinators()) == count
