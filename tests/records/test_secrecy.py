"""Secrecy markings as a service: marking and removing with history, the
lookup of standing marks, and refusals that change nothing."""

import pytest
from django.core.exceptions import ValidationError

from records import secrecy
from records.constants import CaseKind
from records.models import SecrecyMark
from records.services import register
from support.models import Message
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import MessageFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(user_for):
    support_request = SupportRequestFactory(in_progress=True, subject="Arbetsträning i caféet")
    registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Ansökan om stöd")
    return support_request, registration


def test_marking_and_unmarking_keep_the_row_and_the_history(case, user_for):
    support_request, registration = case
    official = user_for("official")
    message = MessageFactory(request=support_request, body="Deltagaren har en diagnos.")

    mark = secrecy.mark(registration, message, provision="OSL 21 kap. 1 §", reason="Uppgift om hälsa.",
                        by=official)
    assert secrecy.standing_marks(registration).get(message) == mark
    assert mark.marked_by == official

    removed = secrecy.unmark(mark, reason="Uppgiften är redan offentlig.", by=official)
    assert removed.removed_at is not None and removed.removed_by == official
    assert removed.removal_reason == "Uppgiften är redan offentlig."
    assert secrecy.standing_marks(registration).get(message) is None
    assert SecrecyMark.objects.filter(pk=mark.pk).exists()
    history = list(mark.history.order_by("history_date", "history_id"))
    assert [h.history_type for h in history] == ["+", "~"]
    assert history[0].history_change_reason == "Uppgift om hälsa."
    assert history[1].history_change_reason == "Uppgiften är redan offentlig."
    assert history[1].removed_at is not None


def test_a_field_is_marked_apart_from_the_item(case, user_for):
    support_request, registration = case
    secrecy.mark(registration, support_request, field_name="description", provision="OSL 31 kap. 16 §",
                 reason="Affärsplan.", by=user_for("official"))
    marks = secrecy.standing_marks(registration)
    assert marks.get(support_request, "description").provision == "OSL 31 kap. 16 §"
    assert marks.get(support_request, "subject") is None
    assert marks.get(support_request) is None


def test_a_removed_mark_can_be_marked_again(case, user_for):
    support_request, registration = case
    official = user_for("official")
    first = secrecy.mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §",
                         reason="Hälsa.", by=official)
    secrecy.unmark(first, reason="Fel bestämmelse.", by=official)
    second = secrecy.mark(registration, support_request, field_name="subject", provision="OSL 26 kap. 1 §",
                          reason="Socialtjänst.", by=official)
    assert second.pk != first.pk
    assert secrecy.standing_marks(registration).get(support_request, "subject") == second
    assert [m.pk for m in secrecy.marks_of(registration)] == [first.pk, second.pk]


@pytest.mark.parametrize("provision,reason,field", [
    ("", "Hälsa.", "provision"),
    ("OSL 21 kap. 1 §", "   ", "reason"),
    ("x" * 121, "Hälsa.", "provision"),
])
def test_missing_provision_or_reason_is_refused_in_swedish(case, user_for, provision, reason, field):
    support_request, registration = case
    with pytest.raises(ValidationError) as raised:
        secrecy.mark(registration, support_request, field_name="subject", provision=provision, reason=reason,
                     by=user_for("official"))
    assert field in raised.value.message_dict
    assert any(word in " ".join(raised.value.message_dict[field]) for word in ("Ange", "högst"))
    assert not SecrecyMark.objects.exists()


def test_marking_twice_is_refused(case, user_for):
    support_request, registration = case
    official = user_for("official")
    secrecy.mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §",
                 reason="Hälsa.", by=official)
    with pytest.raises(ValidationError, match="redan sekretessmarkerat"):
        secrecy.mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §",
                     reason="Igen.", by=official)
    assert SecrecyMark.objects.count() == 1


def test_unmarking_needs_a_reason_and_a_standing_mark(case, user_for):
    support_request, registration = case
    official = user_for("official")
    mark = secrecy.mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §",
                        reason="Hälsa.", by=official)
    with pytest.raises(ValidationError, match="Ange varför"):
        secrecy.unmark(mark, reason="", by=official)
    mark.refresh_from_db()
    assert mark.is_standing
    secrecy.unmark(mark, reason="Offentlig.", by=official)
    with pytest.raises(ValidationError, match="redan tagits bort"):
        secrecy.unmark(mark, reason="Igen.", by=official)


def test_a_disposed_case_cannot_be_marked(case, user_for):
    from django.utils import timezone

    support_request, registration = case
    registration.disposed_at = timezone.now()
    registration.save()
    with pytest.raises(ValidationError, match="gallrat|gallrats|gallras"):
        secrecy.mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §",
                     reason="Hälsa.", by=user_for("official"))
    assert not SecrecyMark.objects.exists()


def test_copies_are_logged_with_who_format_and_count(case, user_for):
    _request, registration = case
    official = user_for("official")
    copy = secrecy.log_copy(registration, format="pdf", masked_items=2, note="  En journalist  ", by=official)
    assert (copy.produced_by, copy.format, copy.masked_items, copy.note) == (official, "pdf", 2, "En journalist")
    assert list(secrecy.copies_of(registration)) == [copy]


def test_the_masking_note_cites_the_provision():
    assert secrecy.masking_note("OSL 21 kap. 1 §") == "Uppgift sekretessbelagd enligt OSL 21 kap. 1 §"


def test_standing_marks_is_one_query_whatever_the_number_of_marks(case, user_for):
    support_request, registration = case
    official = user_for("official")

    def add_marks(count: int) -> None:
        for _ in range(count):
            message = MessageFactory(request=support_request)
            secrecy.mark(registration, message, provision="OSL 21 kap. 1 §", reason="Hälsa.", by=official)

    def lookup():
        marks = secrecy.standing_marks(registration)
        found = [marks.get(message) for message in Message.objects.filter(request=support_request)]
        assert all(found)

    assert_fixed_query_count(lookup, add_marks, sizes=(2, 12))


def test_marks_of_many_cases_come_in_one_query(case, user_for, django_assert_num_queries):
    from django.contrib.contenttypes.models import ContentType

    support_request, registration = case
    other = SupportRequestFactory(in_progress=True)
    other_registration = register(other, case_kind=CaseKind.SUPPORT_REQUEST, title="Ansökan om stöd")
    message = MessageFactory(request=support_request)
    secrecy.mark(registration, message, provision="OSL 21 kap. 1 §", reason="Hälsa.", by=user_for("official"))
    message_type = ContentType.objects.get_for_model(message).pk
    with django_assert_num_queries(1):
        marks = secrecy.standing_marks_for([registration, other_registration])
    assert marks[registration.pk].get_by_ids(message_type, message.pk).provision == "OSL 21 kap. 1 §"
    assert len(marks[registration.pk].on_item(message_type, message.pk)) == 1
    assert len(marks[other_registration.pk]) == 0
