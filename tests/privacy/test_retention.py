"""Retention as one use of the records plan: closed and withdrawn requests
lose their personal content when the plan's rules for support requests,
messages, notes, attachments and decisions say so (here: all three years
after the case was closed); the statistics stay the same."""

import io
import os
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.deletion import PLACEHOLDER_USERNAME
from archive.disposal import support_requests as retention
from archive.disposal.base import REMOVED
from archive.disposal.runner import apply_plan
from archive.tasks import apply_records_plan as plan_task
from records.constants import CaseKind
from records.models import Registration, RetentionRule
from records.services import register
from sotenas_portal.statistics import selectors as statistics
from support.models import Message, RequestAttachment, RequestEvent, SupportRequest
from support.selectors import department_year_figures
from tests.factories import UserFactory
from tests.support.factories import MessageFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(days=3 * 365 + 10)
SUPPORT_TYPES = ("support_request", "message", "internal_note", "attachment", "decision")


@pytest.fixture(autouse=True)
def plan(db):
    """Everything of a support case goes three years after it was closed."""
    for record_type in SUPPORT_TYPES:
        RetentionRule.objects.create(record_type=record_type, action="dispose", period_months=36,
                                     trigger="case_closed", decision="KS 2025/117 § 4")


def registered(support_request):
    """The request's registration, closed when the request ended (if it did)."""
    registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Stödärende")
    Registration.objects.filter(pk=registration.pk).update(closed_at=support_request.ended_at)
    return support_request


def anonymise(**kwargs):
    """The records plan's run, counted per record type."""
    result = apply_plan(**kwargs)
    return {outcome.rule.record_type: outcome.count for outcome in result.outcomes}


def with_content(support_request, official):
    MessageFactory(request=support_request, author=support_request.applicant, body="Min sjukdomshistoria")
    MessageFactory(request=support_request, author=official, body="Svar till sökanden")
    MessageFactory(request=support_request, author=official, body="Intern anteckning", is_internal=True)
    RequestEvent.objects.create(request=support_request, move="withdraw", from_state="in_progress",
                                to_state=support_request.state, actor=support_request.applicant, comment="Jag ger upp")
    RequestAttachment.objects.create(
        request=support_request, original_name="intyg.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="intyg.pdf"), uploaded_by=support_request.applicant,
    )
    # A second history row holding the texts.
    support_request.description = "Beskrivning, version två"
    support_request.save()
    return support_request


@pytest.fixture
def official(department):
    return UserFactory(username="handlaggare", departments=[department])


@pytest.fixture
def requests(official, department):
    now = timezone.now()
    closed_long_ago = SupportRequestFactory(closed=True, department=department, handler=official,
                                            forward_answer="Svar från AF om personen",
                                            submitted_at=now - LONG_AGO - timedelta(days=60),
                                            decided_at=now - LONG_AGO - timedelta(days=1), ended_at=now - LONG_AGO)
    withdrawn_long_ago = SupportRequestFactory(withdrawn=True, submitted_at=now - LONG_AGO - timedelta(days=5),
                                               ended_at=now - LONG_AGO)
    closed_recently = SupportRequestFactory(closed=True, department=department, ended_at=now - timedelta(days=300))
    open_for_long = SupportRequestFactory(in_progress=True, department=department,
                                          submitted_at=now - LONG_AGO - timedelta(days=100))
    decided_long_ago = SupportRequestFactory(decided=True, department=department, decided_at=now - LONG_AGO)
    for support_request in (closed_long_ago, withdrawn_long_ago, closed_recently, open_for_long):
        with_content(support_request, official)
    for support_request in (closed_long_ago, withdrawn_long_ago, closed_recently, open_for_long, decided_long_ago):
        registered(support_request)
    return {
        "expired": [closed_long_ago, withdrawn_long_ago],
        "kept": [closed_recently, open_for_long, decided_long_ago],
    }


def snapshot(support_request) -> dict:
    support_request.refresh_from_db()
    return {
        "subject": support_request.subject, "description": support_request.description,
        "applicant": support_request.applicant_id, "messages": list(support_request.messages.values_list("body")),
        "attachments": support_request.attachments.count(), "anonymised_at": support_request.anonymised_at,
    }


def figures(department) -> dict:
    year = timezone.localdate().year
    return {
        "official": statistics.official_summary(),
        "public": statistics.public_summary(),
        "by_kind": statistics.requests_by_kind(),
        "by_state": statistics.requests_by_state(),
        "by_outcome": statistics.requests_by_outcome(),
        "medians": statistics.request_medians(),
        "report": [department_year_figures(department=department, year=y) for y in (year - 4, year - 3, year)],
    }


def registration_number(support_request) -> str:
    return Registration.objects.get(case_id=support_request.pk, case_kind=CaseKind.SUPPORT_REQUEST).number


def test_a_dry_run_changes_nothing_and_lists_what_it_would_do(requests):
    before = {r.pk: snapshot(r) for r in requests["expired"] + requests["kept"]}
    out = io.StringIO()
    call_command("apply_records_plan", "--dry-run", stdout=out)
    output = out.getvalue()
    for support_request in requests["expired"]:
        assert registration_number(support_request) in output
    for support_request in requests["kept"]:
        assert registration_number(support_request) not in output
    assert "support_request (dispose, KS 2025/117 § 4): 2 record(s) would be disposed of in 2 case(s)" in output
    assert {r.pk: snapshot(r) for r in requests["expired"] + requests["kept"]} == before


def test_the_run_anonymises_exactly_the_expired_requests(requests, official, django_capture_on_commit_callbacks):
    kept_before = {r.pk: snapshot(r) for r in requests["kept"]}
    paths = [a.file.path for r in requests["expired"] for a in r.attachments.all()]
    assert paths and all(os.path.exists(p) for p in paths)

    with django_capture_on_commit_callbacks(execute=True):
        result = anonymise()

    assert result["support_request"] == 2 and result["attachment"] == 2
    for support_request in requests["expired"]:
        reference, state, kind, outcome = (support_request.reference, support_request.state,
                                           support_request.kind_id, support_request.outcome)
        support_request.refresh_from_db()
        assert support_request.anonymised_at is not None
        assert (support_request.reference, support_request.state, support_request.kind_id,
                support_request.outcome) == (reference, state, kind, outcome)
        assert support_request.applicant.username == PLACEHOLDER_USERNAME
        for name in retention.REQUEST_TEXT_FIELDS:
            assert getattr(support_request, name) in ("", REMOVED)
        assert set(Message.objects.filter(request=support_request).values_list("body", flat=True)) == {
            REMOVED}
        # Officials' messages keep their author; the applicant's are the deleted user's.
        authors = set(Message.objects.filter(request=support_request).values_list("author__username", flat=True))
        assert authors == {PLACEHOLDER_USERNAME, official.username}
        assert set(support_request.events.exclude(comment="").values_list("comment", flat=True)) <= {
            REMOVED}
        assert not support_request.events.filter(actor__username__startswith="user").exists()
        assert not support_request.attachments.exists()
        for record in support_request.history.all():
            assert record.description in ("", REMOVED)
            assert record.applicant_id == support_request.applicant_id
    assert not any(os.path.exists(p) for p in paths)
    assert {r.pk: snapshot(r) for r in requests["kept"]} == kept_before


def test_a_second_run_does_nothing(requests, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        anonymise()
    first = {r.pk: snapshot(r) for r in requests["expired"]}
    with django_capture_on_commit_callbacks(execute=True):
        again = anonymise()
    assert set(again.values()) == {0}
    assert {r.pk: snapshot(r) for r in requests["expired"]} == first


def test_the_statistics_do_not_change(requests, department, django_capture_on_commit_callbacks):
    before = figures(department)
    with django_capture_on_commit_callbacks(execute=True):
        anonymise(batch_size=1)
    assert figures(department) == before


def test_batches_cover_every_request(department):
    ended = timezone.now() - LONG_AGO
    made = [registered(SupportRequestFactory(withdrawn=True, ended_at=ended)) for _ in range(7)]
    result = anonymise(batch_size=3)
    assert result["support_request"] == 7
    assert SupportRequest.objects.filter(pk__in=[r.pk for r in made], anonymised_at__isnull=True).count() == 0


def test_the_period_comes_from_the_plan(requests):
    RetentionRule.objects.filter(record_type="support_request").update(period_months=6)
    result = anonymise()
    assert result["support_request"] == 3  # the one closed 300 days ago is now expired too
    assert result["message"] == 4  # its messages have their own rule: two cases' worth


def test_the_command_can_pretend_it_is_a_later_day(requests):
    later = (timezone.localdate() + timedelta(days=3 * 365)).isoformat()
    out = io.StringIO()
    call_command("apply_records_plan", "--today", later, stdout=out)
    assert "support_request (dispose, KS 2025/117 § 4): 3 record(s) disposed of" in out.getvalue()


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError):
        call_command("apply_records_plan", "--today", "igår")


def test_the_scheduled_task_runs_the_retention(requests, settings):
    assert settings.CELERY_BEAT_SCHEDULE["apply-records-plan"]["task"] == "archive.tasks.apply_records_plan"
    # Two requests, their six messages and notes, two attachments and one decision.
    assert plan_task.delay().get() == 2 + 6 + 2 + 1


def test_an_anonymised_request_still_opens_for_its_department(requests, official, client):
    anonymise()
    client.force_login(official)
    support_request = requests["expired"][0]
    response = client.get(support_request.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Min sjukdomshistoria" not in content
    assert support_request.reference in content
    assert "Ärendets personliga innehåll (texter, meddelanden, bilagor och sökanden) togs bort" in content
