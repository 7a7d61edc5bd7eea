"""Every state change and every message the applicant may see emails the
other side, after the commit and never when the transaction rolls back.
Internal notes never reach the applicant."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import OutboundEmail
from support.constants import Outcome
from support.services import message_post, support_request_apply
from support.workflow import support_request_transition
from tests.factories import UserFactory
from tests.support.factories import support_kind

pytestmark = pytest.mark.django_db

SECRET = "Internt: sökanden verkar ha skulder hos Kronofogden."


@pytest.fixture
def coordinator_inbox(user_for):
    return user_for("coordinator").email


def all_mail_text() -> str:
    return "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)


def test_submitting_sends_a_receipt_and_tells_the_coordinator_after_commit(
    applicant, coordinator_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        support_request = support_request_apply(
            applicant=applicant, submit=True, kind=support_kind(),
            enterprise=None, subject="Starta kooperativ", description="Vi är fyra.", hoped_outcome="Råd.",
        )
    assert mail.outbox == [], "nothing is sent before the commit"
    for callback in callbacks:
        callback()
    receipt, notice = sorted(mail.outbox, key=lambda m: m.to != [applicant.email])
    assert receipt.to == [applicant.email]
    assert support_request.reference in receipt.subject
    assert support_request.reference in receipt.body
    assert support_request.first_response_due.isoformat() in receipt.body
    assert notice.to == [coordinator_inbox]
    assert support_request.reference in notice.subject


def test_no_email_when_the_transaction_rolls_back(make_request, user_for, django_capture_on_commit_callbacks):
    support_request = make_request("assigned")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                support_request_transition(request_id=support_request.pk, move="start", actor=user_for("official"))
                raise RuntimeError("something after the move failed")
    assert callbacks == []
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists(), "the outbox rows rolled back with the change"
    support_request.refresh_from_db()
    assert support_request.state == "assigned"


def test_a_refused_move_sends_nothing(make_request, user_for, django_capture_on_commit_callbacks):
    support_request = make_request("submitted")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            support_request_transition(request_id=support_request.pk, move="decide", actor=user_for("official"))
    assert mail.outbox == []


def test_an_officials_move_emails_the_applicant_in_their_language(make_request, user_for, applicant,
                                                                  django_capture_on_commit_callbacks):
    applicant.preferred_language = "en"
    applicant.save()
    support_request = make_request("in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(
            request_id=support_request.pk, move="request_info", actor=user_for("official"),
            comment="Skicka er budget.", data={"reply_by": timezone.localdate() + timedelta(days=7)},
        )
    [email] = mail.outbox
    assert email.to == [applicant.email]
    assert email.subject == f"[{support_request.reference}] Your support request has been updated"
    assert "Skicka er budget." in email.body
    assert (timezone.localdate() + timedelta(days=7)).isoformat() in email.body


def test_the_decision_reaches_the_applicant_with_its_reason(make_request, user_for, applicant,
                                                            django_capture_on_commit_callbacks):
    support_request = make_request("in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="decide", actor=user_for("official"),
                                   data={"outcome": Outcome.DECLINED, "outcome_reason": "Ingen budget i år."})
    [email] = mail.outbox
    assert email.to == [applicant.email]
    assert "Ingen budget i år." in email.body


def test_assigning_tells_the_applicant_and_the_handler(make_request, user_for, applicant, department,
                                                       django_capture_on_commit_callbacks):
    support_request = make_request("submitted", department=None)
    official = user_for("official")
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="assign", actor=user_for("coordinator"),
                                   data={"department": department, "handler": official})
    assert sorted(m.to[0] for m in mail.outbox) == sorted([applicant.email, official.email])


def test_assigning_without_a_handler_tells_the_department(make_request, user_for, department,
                                                          django_capture_on_commit_callbacks):
    support_request = make_request("submitted", department=None)
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="assign", actor=user_for("coordinator"),
                                   data={"department": department})
    assert department.contact_email in [m.to[0] for m in mail.outbox]


def test_withdrawing_emails_the_handler(make_request, user_for, applicant, django_capture_on_commit_callbacks):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="withdraw", actor=applicant,
                                   comment="Vi har löst det själva.")
    [email] = mail.outbox
    assert email.to == [official.email]
    assert "Vi har löst det själva." in email.body


def test_messages_go_to_the_other_side(make_request, user_for, applicant, django_capture_on_commit_callbacks):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    with django_capture_on_commit_callbacks(execute=True):
        message_post(support_request=support_request, author=applicant, body="Här är vår budget.")
    with django_capture_on_commit_callbacks(execute=True):
        message_post(support_request=support_request, author=official, body="Tack, vi läser den.")
    to_official, to_applicant = mail.outbox
    assert to_official.to == [official.email] and "Här är vår budget." in to_official.body
    assert to_applicant.to == [applicant.email] and "Tack, vi läser den." in to_applicant.body


def test_an_internal_note_is_never_emailed(make_request, user_for, applicant, django_capture_on_commit_callbacks):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    with django_capture_on_commit_callbacks(execute=True):
        message_post(support_request=support_request, author=official, body=SECRET, internal=True)
        support_request_transition(request_id=support_request.pk, move="decide", actor=official,
                                   data={"outcome": Outcome.GRANTED, "outcome_reason": "Beviljas."})
        message_post(support_request=support_request, author=official, body="Vi hörs!")
    assert len(mail.outbox) == 2, "the decision and the visible message only"
    assert SECRET not in all_mail_text()
    assert all(m.to == [applicant.email] for m in mail.outbox)


def test_the_applicant_may_not_write_internal_notes(make_request, applicant):
    from django.core.exceptions import PermissionDenied

    support_request = make_request("in_progress")
    with pytest.raises(PermissionDenied):
        message_post(support_request=support_request, author=applicant, body="Hemligt", internal=True)


def test_a_reply_while_waiting_resumes_handling_and_emails_once(make_request, user_for, applicant,
                                                                django_capture_on_commit_callbacks):
    official = user_for("official")
    support_request = make_request("waiting", handler=official)
    with django_capture_on_commit_callbacks(execute=True):
        message_post(support_request=support_request, author=applicant, body="Här kommer svaret.")
    support_request.refresh_from_db()
    assert support_request.state == "in_progress"
    [email] = mail.outbox
    assert email.to == [official.email] and "Här kommer svaret." in email.body


def test_a_failing_mail_server_does_not_undo_the_change(make_request, user_for, applicant, settings,
                                                       django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.test_notifications.BrokenBackend"
    support_request = make_request("assigned")
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="start", actor=user_for("official"))
    support_request.refresh_from_db()
    assert support_request.state == "in_progress"
    [waiting] = OutboundEmail.objects.all()
    assert (waiting.recipient, waiting.status, waiting.attempts) == (applicant.email, "pending", 1)
    assert "mail server down" in waiting.last_error
    assert waiting.user == applicant and waiting.link.endswith(support_request.get_absolute_url())


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_inactive_applicants_get_no_email(make_request, user_for, applicant, django_capture_on_commit_callbacks):
    support_request = make_request("assigned")
    applicant.is_active = False
    applicant.save()
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="start", actor=user_for("official"))
    assert mail.outbox == []


def test_without_coordinators_new_requests_go_to_kommunstyrelsen(applicant, django_capture_on_commit_callbacks):
    from accounts.models import Department
    from tests.factories import DepartmentFactory
    from tests.support.factories import SupportRequestFactory

    office = DepartmentFactory(name="Kommunstyrelsens förvaltning", kind=Department.Kind.KOMMUNSTYRELSEN,
                               contact_email="ks@sotenas.example")
    draft = SupportRequestFactory(applicant=applicant)
    UserFactory()  # not a coordinator
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=draft.pk, move="submit", actor=applicant)
    assert [office.contact_email] in [m.to for m in mail.outbox]
