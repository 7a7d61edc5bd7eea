"""The disposal job follows the records plan: each kind of rule, kept and
open records left alone, deliver_first and remove_after_receipt, batches,
idempotence, the dry run, the command and a log that names counts,
decisions and numbers but never the content."""

import io
import json
import os
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from archive.disposal.base import REMOVED
from archive.disposal.runner import apply_plan
from archive.tasks import apply_records_plan
from core.models import OutboundEmail
from enterprises.models import Evidence
from records.constants import Action, CaseKind, RecordType, Trigger
from records.models import Delivery, DeliveryPackage, DisposalLogEntry, DisposalRun, Registration, RetentionRule
from records.services import register
from support.models import AgreementAttachment, Message, RequestAttachment
from tests.enterprises.factories import EnterpriseFactory, make_check
from tests.policy_reports.factories import DepartmentReportFactory
from tests.support.factories import AgreementFactory, MessageFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

SECRET = "Hemlig uppgift om Anna Andersson"
DECISION = "KS 2025/117 § 4"
# The plan is applied three years on: what was closed today is three years old then.
TODAY = timezone.localdate() + timedelta(days=3 * 365)


def rule(record_type, action=Action.DISPOSE, months=24, trigger=Trigger.CASE_CLOSED, **extra):
    if action == Action.KEEP:
        months, trigger = extra.pop("months_after_receipt", None), extra.pop("trigger_after_receipt", "")
    return RetentionRule.objects.create(record_type=record_type, action=action, period_months=months,
                                        trigger=trigger, decision=extra.pop("decision", DECISION), **extra)


def registered(case, kind, *, closed_at=None) -> Registration:
    registration = register(case, case_kind=kind, title="Ärende om stöd")
    Registration.objects.filter(pk=registration.pk).update(closed_at=closed_at)
    registration.refresh_from_db()
    return registration


def receive(registration, status=Delivery.Status.RECEIVED) -> Delivery:
    delivery = Delivery.objects.create(series=registration.series, closed_before=TODAY, status=status,
                                       folder="/tmp/leverans")
    DeliveryPackage.objects.create(delivery=delivery, registration=registration, name=f"{registration.pk}.zip",
                                   sha256="0" * 64, size=1, is_valid=True)
    return delivery


def attach(support_request) -> RequestAttachment:
    return RequestAttachment.objects.create(
        request=support_request, original_name="intyg.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="intyg.pdf"), uploaded_by=support_request.applicant,
    )


def request_with_content(*, closed_at, state="closed"):
    support_request = SupportRequestFactory(**{state: True}, subject=f"{SECRET} (ämne)", outcome_reason=SECRET)
    if state != "closed":
        support_request.outcome_reason = ""
        support_request.save()
    MessageFactory(request=support_request, body=SECRET)
    MessageFactory(request=support_request, body=f"{SECRET} internt", is_internal=True)
    attach(support_request)
    kind = CaseKind.SUPPORT_REQUEST
    return support_request, registered(support_request, kind, closed_at=closed_at)


@pytest.fixture
def cases():
    now = timezone.now()
    old, old_registration = request_with_content(closed_at=now)
    recent, recent_registration = request_with_content(closed_at=now + timedelta(days=3 * 365 - 200))
    open_, open_registration = request_with_content(closed_at=None, state="in_progress")
    return {"old": (old, old_registration), "recent": (recent, recent_registration),
            "open": (open_, open_registration)}


@pytest.fixture
def support_plan():
    rule(RecordType.SUPPORT_REQUEST, Action.KEEP)
    rule(RecordType.DECISION, Action.KEEP)
    rule(RecordType.MESSAGE, months=24)
    rule(RecordType.INTERNAL_NOTE, months=12)
    rule(RecordType.ATTACHMENT, months=0, deliver_first=True)


def content_of(support_request) -> dict:
    support_request.refresh_from_db()
    return {
        "subject": support_request.subject, "reason": support_request.outcome_reason,
        "applicant": support_request.applicant_id, "anonymised": support_request.anonymised_at,
        "messages": sorted(support_request.messages.values_list("body", "is_internal")),
        "attachments": support_request.attachments.count(),
    }


def run(**kwargs):
    return apply_plan(today=TODAY, **kwargs)


def test_the_job_follows_each_kind_of_rule_in_a_support_case(cases, support_plan, django_capture_on_commit_callbacks):
    recent_before = content_of(cases["recent"][0])
    open_before = content_of(cases["open"][0])
    with django_capture_on_commit_callbacks(execute=True):
        result = run()

    old, registration = cases["old"]
    after = content_of(old)
    # Messages and the internal note go; the kept request, its decision and the
    # attachment waiting for its delivery stay.
    assert after["messages"] == [(REMOVED, False), (REMOVED, True)]
    assert after["subject"].startswith(SECRET) and after["reason"] == SECRET and after["anonymised"] is None
    assert after["attachments"] == 1
    # Neither the recently closed nor the open case is touched.
    assert content_of(cases["recent"][0]) == recent_before
    assert content_of(cases["open"][0]) == open_before

    counts = {outcome.rule.record_type: outcome.count for outcome in result.outcomes}
    assert counts == {"message": 1, "internal_note": 1, "attachment": 0}
    entries = {entry.record_type: entry for entry in DisposalLogEntry.objects.all()}
    assert set(entries) == {"message", "internal_note"}
    for entry in entries.values():
        assert (entry.count, entry.decision, entry.action, entry.registration_numbers) == (
            1, DECISION, "dispose", [registration.number])
    # Content remains (the kept request), so the case is not disposed of.
    registration.refresh_from_db()
    assert registration.disposed_at is None


def test_nothing_goes_without_a_rule(cases):
    before = {name: content_of(case) for name, (case, _registration) in cases.items()}
    result = run()
    assert result.outcomes == [] and result.total == 0
    assert {name: content_of(case) for name, (case, _registration) in cases.items()} == before
    assert DisposalRun.objects.count() == 1 and not DisposalLogEntry.objects.exists()


def test_deliver_first_waits_for_the_e_archives_receipt(cases, support_plan, django_capture_on_commit_callbacks):
    old, registration = cases["old"]
    attachment = old.attachments.get()
    path = attachment.file.path
    receive(registration, status=Delivery.Status.VALID)
    with django_capture_on_commit_callbacks(execute=True):
        run()
    assert RequestAttachment.objects.filter(pk=attachment.pk).exists() and os.path.exists(path)

    Delivery.objects.update(status=Delivery.Status.RECEIVED)
    with django_capture_on_commit_callbacks(execute=True):
        result = run()
    assert not RequestAttachment.objects.filter(pk=attachment.pk).exists()
    assert not os.path.exists(path)
    assert {o.rule.record_type: o.count for o in result.outcomes}["attachment"] == 1
    # The other cases' attachments stay: not delivered, or not closed.
    assert RequestAttachment.objects.count() == 2


def test_a_keep_rule_removes_from_the_portal_only_after_the_receipt(cases, django_capture_on_commit_callbacks):
    rule(RecordType.SUPPORT_REQUEST, Action.KEEP, remove_after_receipt=True)
    rule(RecordType.DECISION, Action.KEEP)
    old, registration = cases["old"]
    with django_capture_on_commit_callbacks(execute=True):
        run()
    assert content_of(old)["anonymised"] is None

    receive(registration)
    with django_capture_on_commit_callbacks(execute=True):
        result = run()
    after = content_of(old)
    assert after["anonymised"] is not None and after["subject"] == REMOVED
    assert after["reason"] == SECRET  # the decision's own rule keeps it, receipt or not
    outcome = result.outcomes[0]
    assert (outcome.rule.record_type, outcome.rule.action, outcome.count) == ("support_request", "keep", 1)
    assert content_of(cases["recent"][0])["anonymised"] is None


def test_a_case_whose_content_is_all_gone_is_marked_disposed_of(cases, django_capture_on_commit_callbacks):
    for record_type in (RecordType.SUPPORT_REQUEST, RecordType.MESSAGE, RecordType.INTERNAL_NOTE,
                        RecordType.ATTACHMENT, RecordType.DECISION):
        rule(record_type, months=24)
    with django_capture_on_commit_callbacks(execute=True):
        run()
    old, registration = cases["old"]
    registration.refresh_from_db()
    assert registration.disposed_at is not None
    assert content_of(old)["reason"] == REMOVED
    for name in ("recent", "open"):
        cases[name][1].refresh_from_db()
        assert cases[name][1].disposed_at is None


def test_agreements_follow_the_agreement_ended_rule_and_keep_rules_hold(django_capture_on_commit_callbacks):
    rule(RecordType.AGREEMENT, months=12, trigger=Trigger.AGREEMENT_ENDED)
    rule(RecordType.AGREEMENT_ATTACHMENT, Action.KEEP)
    now = timezone.now()
    ended = AgreementFactory(contact_person="Anna Andersson", description=SECRET,
                             end_date=TODAY - timedelta(days=400))
    ends_soon = AgreementFactory(contact_person="Anna Andersson", end_date=TODAY + timedelta(days=10))
    open_ended = AgreementFactory(contact_person="Anna Andersson", open_ended=True)
    not_closed = AgreementFactory(contact_person="Anna Andersson", end_date=TODAY - timedelta(days=400))
    for agreement in (ended, ends_soon, open_ended):
        receive(registered(agreement, CaseKind.AGREEMENT, closed_at=now))
    registered(not_closed, CaseKind.AGREEMENT, closed_at=None)
    AgreementAttachment.objects.create(agreement=ended, original_name="avtal.pdf", content_type="application/pdf",
                                       size=9, file=ContentFile(b"%PDF-1.4\n", name="avtal.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        run()
    for agreement in (ended, ends_soon, open_ended, not_closed):
        agreement.refresh_from_db()
    assert (ended.contact_person, ended.description) == (REMOVED, REMOVED)
    assert {h.contact_person for h in ended.history.all()} == {REMOVED}
    assert ended.title and ended.annual_value == 100000  # the facts stay
    assert {a.contact_person for a in (ends_soon, open_ended, not_closed)} == {"Anna Andersson"}
    # A keep rule without removal after the receipt keeps the attachment even when received.
    assert ended.attachments.count() == 1


def test_annual_reports_lose_their_texts_but_keep_their_figures(department, django_capture_on_commit_callbacks):
    rule(RecordType.ANNUAL_REPORT, months=12, trigger=Trigger.REPORT_ACCEPTED)
    report = DepartmentReportFactory(accepted=True, department=department, description=SECRET)
    report.versions.update(content={**report.versions.get().content, "description": SECRET})
    registered(report.reporting_round, CaseKind.REPORTING_ROUND, closed_at=timezone.now())
    figures = {name: getattr(report, name) for name in ("requests_handled", "requests_decided", "dialogue_meetings")}
    run()
    report.refresh_from_db()
    assert report.description == REMOVED
    assert {name: getattr(report, name) for name in figures} == figures
    assert report.versions.get().content["description"] == REMOVED
    assert report.versions.get().content["requests_handled"] == figures["requests_handled"]
    assert {h.description for h in report.history.all()} <= {"", REMOVED}


def test_asf_checks_and_evidence_follow_their_own_periods(django_capture_on_commit_callbacks):
    rule(RecordType.ASF_CHECK, months=0)
    rule(RecordType.EVIDENCE, months=60)
    check = make_check(EnterpriseFactory(), "decided", is_asf=True)
    Evidence.objects.create(definition_check=check, criterion=1, original_name="stadgar.pdf",
                            content_type="application/pdf", size=9, file=ContentFile(b"%PDF-1.4\n", name="s.pdf"))
    registered(check, CaseKind.ASF_CHECK, closed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        run()
    check.refresh_from_db()
    assert set(check.assessments.values_list("statement", flat=True)) == {REMOVED}
    assert check.is_asf is True
    assert check.evidence.count() == 1  # five years have not passed


def email(*, days_old, status=OutboundEmail.Status.SENT, dedup_key=None) -> OutboundEmail:
    message = OutboundEmail.objects.create(recipient="person@example.org", subject="Ämne", body=SECRET, kind="test",
                                           link="/stod/1/", dedup_key=dedup_key, status=status,
                                           sent_at=timezone.now() if status == OutboundEmail.Status.SENT else None)
    OutboundEmail.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return message


def attempt(username, days_ago) -> AccessAttempt:
    row = AccessAttempt.objects.create(
        username=username, ip_address="127.0.0.1", user_agent="test", failures_since_start=1,
        get_data="", post_data="", http_accept="", path_info="/konto/logga-in/",
    )
    AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return row


def test_outbox_and_sign_in_records_are_counted_from_their_creation():
    rule(RecordType.OUTBOX_EMAIL, months=3, trigger=Trigger.CREATED)
    rule(RecordType.SIGN_IN_RECORD, months=1, trigger=Trigger.CREATED)
    old_sent = email(days_old=100)
    old_failed = email(days_old=200, status=OutboundEmail.Status.FAILED)
    recent = email(days_old=80)
    old_pending = email(days_old=300, status=OutboundEmail.Status.PENDING)
    old_held = email(days_old=300, status=OutboundEmail.Status.HELD)
    old_reminder = email(days_old=120, dedup_key="review:1:180")
    attempt("old", 40)
    attempt("recent", 20)

    result = apply_plan()

    counts = {outcome.rule.record_type: outcome.count for outcome in result.outcomes}
    assert counts == {"outbox_email": 3, "sign_in_record": 1}
    assert not OutboundEmail.objects.filter(pk__in=[old_sent.pk, old_failed.pk]).exists()
    assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {recent.pk, old_pending.pk, old_held.pk,
                                                                         old_reminder.pk}
    old_reminder.refresh_from_db()
    assert (old_reminder.body, old_reminder.link, old_reminder.dedup_key) == ("", "", "review:1:180")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]
    assert [entry.registration_numbers for entry in DisposalLogEntry.objects.all()] == [[], []]
    assert apply_plan().total == 0


def test_a_second_run_does_nothing(cases, support_plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert run().total == 2
    first = {name: content_of(case) for name, (case, _registration) in cases.items()}
    entries = DisposalLogEntry.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        assert run().total == 0
    assert {name: content_of(case) for name, (case, _registration) in cases.items()} == first
    assert DisposalLogEntry.objects.count() == entries


def test_batches_cover_every_record_and_each_is_logged():
    rule(RecordType.MESSAGE, months=0)
    now = timezone.now()
    numbers = []
    for _ in range(7):
        support_request = SupportRequestFactory(closed=True)
        MessageFactory(request=support_request, body=SECRET)
        numbers.append(registered(support_request, CaseKind.SUPPORT_REQUEST, closed_at=now).number)
    result = apply_plan(today=TODAY, batch_size=3)
    assert result.total == 7
    entries = list(DisposalLogEntry.objects.order_by("pk"))
    assert [entry.count for entry in entries] == [3, 3, 1]
    assert sorted(n for entry in entries for n in entry.registration_numbers) == sorted(numbers)
    assert not Message.objects.exclude(body=REMOVED).exists()


def test_the_log_names_counts_decisions_and_numbers_but_never_the_content(
        cases, client_as, django_capture_on_commit_callbacks):
    for record_type in (RecordType.SUPPORT_REQUEST, RecordType.MESSAGE, RecordType.INTERNAL_NOTE,
                        RecordType.ATTACHMENT, RecordType.DECISION):
        rule(record_type, months=0)
    with django_capture_on_commit_callbacks(execute=True):
        run()
    entries = list(DisposalLogEntry.objects.values())
    assert {entry["record_type"] for entry in entries} == {"support_request", "message", "internal_note",
                                                           "attachment", "decision"}
    number = cases["old"][1].number
    recent_number = cases["recent"][1].number
    for entry in entries:
        text = json.dumps(entry, default=str, ensure_ascii=False)
        assert SECRET not in text and "Anna" not in text and "intyg.pdf" not in text
        assert entry["decision"] == DECISION and entry["count"] >= 1
        assert set(entry["registration_numbers"]) == {number, recent_number}
    response = client_as("records_manager").get(reverse("archive:disposal_log_csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert SECRET not in body and "Anna" not in body
    assert DECISION in body and number in body
    page = client_as("records_manager").get(reverse("archive:disposal_log")).content.decode()
    assert SECRET not in page and number in page


def test_a_dry_run_changes_nothing_and_says_what_would_go(cases, support_plan):
    before = {name: content_of(case) for name, (case, _registration) in cases.items()}
    out = io.StringIO()
    call_command("apply_records_plan", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    output = out.getvalue()
    number = cases["old"][1].number
    assert f"message (dispose, {DECISION}): 1 record(s) would be disposed of in 1 case(s): {number}" in output
    assert "attachment (dispose, KS 2025/117 § 4): 0 record(s) would be disposed of" in output
    assert "2 record(s) would be disposed of in all." in output
    assert {name: content_of(case) for name, (case, _registration) in cases.items()} == before
    assert not DisposalRun.objects.exists()


def test_the_command_prints_what_it_disposed_of(cases, support_plan):
    out = io.StringIO()
    call_command("apply_records_plan", "--today", TODAY.isoformat(), stdout=out)
    output = out.getvalue()
    assert f"internal_note (dispose, {DECISION}): 1 record(s) disposed of in 1 case(s)" in output
    assert "2 record(s) disposed of in all." in output
    assert SECRET not in output


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError):
        call_command("apply_records_plan", "--today", "igår")


def test_the_job_is_scheduled_daily_instead_of_the_old_retention_tasks(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["apply-records-plan"]["task"] == "archive.tasks.apply_records_plan"
    assert schedule["apply-records-plan"]["schedule"] == 60 * 60 * 24
    tasks = {entry["task"] for entry in schedule.values()}
    assert not tasks & {"support.tasks.anonymise_closed_requests", "sotenas_portal.tasks.delete_old_outbox_emails",
                        "accounts.tasks.delete_old_login_attempts"}
    rule(RecordType.SIGN_IN_RECORD, months=1, trigger=Trigger.CREATED)
    attempt("old", 40)
    assert apply_records_plan.delay().get() == 1
