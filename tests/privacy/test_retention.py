"""Retention: closed and withdrawn requests lose their personal content
after SUPPORT_REQUEST_RETENTION_DAYS; the statistics stay the same."""

import io
import os
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.deletion import PLACEHOLDER_USERNAME
from sotenas_portal.statistics import selectors as statistics
from support import retention
from support.models import Message, RequestAttachment, RequestEvent, SupportRequest
from support.selectors import department_year_figures
from support.tasks import anonymise_closed_requests as anonymise_task
from tests.factories import UserFactory
from tests.support.factories import MessageFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(days=3 * 365 + 10)


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


def test_a_dry_run_changes_nothing_and_lists_what_it_would_do(requests):
    before = {r.pk: snapshot(r) for r in requests["expired"] + requests["kept"]}
    out = io.StringIO()
    call_command("anonymise_closed_requests", "--dry-run", stdout=out)
    output = out.getvalue()
    for support_request in requests["expired"]:
        assert support_request.reference in output
    for support_request in requests["kept"]:
        assert support_request.reference not in output
    assert "2 request(s) would be anonymised" in output
    assert {r.pk: snapshot(r) for r in requests["expired"] + requests["kept"]} == before


def test_the_run_anonymises_exactly_the_expired_requests(requests, official, django_capture_on_commit_callbacks):
    kept_before = {r.pk: snapshot(r) for r in requests["kept"]}
    paths = [a.file.path for r in requests["expired"] for a in r.attachments.all()]
    assert paths and all(os.path.exists(p) for p in paths)

    with django_capture_on_commit_callbacks(execute=True):
        result = retention.anonymise_closed_requests()

    assert result.requests == 2 and result.attachments == 2
    for support_request in requests["expired"]:
        reference, state, kind, outcome = (support_request.reference, support_request.state,
                                           support_request.kind_id, support_request.outcome)
        support_request.refresh_from_db()
        assert support_request.anonymised_at is not None
        assert (support_request.reference, support_request.state, support_request.kind_id,
                support_request.outcome) == (reference, state, kind, outcome)
        assert support_request.applicant.username == PLACEHOLDER_USERNAME
        for name in retention.REQUEST_TEXT_FIELDS:
            assert getattr(support_request, name) in ("", retention.REMOVED)
        assert set(Message.objects.filter(request=support_request).values_list("body", flat=True)) == {
            retention.REMOVED}
        # Officials' messages keep their author; the applicant's are the deleted user's.
        authors = set(Message.objects.filter(request=support_request).values_list("author__username", flat=True))
        assert authors == {PLACEHOLDER_USERNAME, official.username}
        assert set(support_request.events.exclude(comment="").values_list("comment", flat=True)) <= {
            retention.REMOVED}
        assert not support_request.events.filter(actor__username__startswith="user").exists()
        assert not support_request.attachments.exists()
        for record in support_request.history.all():
            assert record.description in ("", retention.REMOVED)
            assert record.applicant_id == support_request.applicant_id
    assert not any(os.path.exists(p) for p in paths)
    assert {r.pk: snapshot(r) for r in requests["kept"]} == kept_before


def test_a_second_run_does_nothing(requests, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        retention.anonymise_closed_requests()
    first = {r.pk: snapshot(r) for r in requests["expired"]}
    with django_capture_on_commit_callbacks(execute=True):
        again = retention.anonymise_closed_requests()
    assert again.requests == 0
    assert {r.pk: snapshot(r) for r in requests["expired"]} == first


def test_the_statistics_do_not_change(requests, department, django_capture_on_commit_callbacks):
    before = figures(department)
    with django_capture_on_commit_callbacks(execute=True):
        retention.anonymise_closed_requests(batch_size=1)
    assert figures(department) == before


def test_batches_cover_every_request(department):
    ended = timezone.now() - LONG_AGO
    made = [SupportRequestFactory(withdrawn=True, ended_at=ended) for _ in range(7)]
    result = retention.anonymise_closed_requests(batch_size=3)
    assert result.requests == 7
    assert SupportRequest.objects.filter(pk__in=[r.pk for r in made], anonymised_at__isnull=True).count() == 0


def test_the_period_comes_from_the_setting(requests, settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 200
    result = retention.anonymise_closed_requests()
    assert result.requests == 3  # the one closed 300 days ago is now expired too


def test_the_command_can_pretend_it_is_a_later_day(requests):
    later = (timezone.localdate() + timedelta(days=3 * 365)).isoformat()
    out = io.StringIO()
    call_command("anonymise_closed_requests", "--today", later, stdout=out)
    assert "3 request(s) anonymised" in out.getvalue()


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError):
        call_command("anonymise_closed_requests", "--today", "igår")


def test_the_scheduled_task_runs_the_retention(requests, settings):
    assert settings.CELERY_BEAT_SCHEDULE["anonymise-closed-support-requests"]["task"] == (
        "support.tasks.anonymise_closed_requests")
    assert anonymise_task.delay().get() == 2


def test_an_anonymised_request_still_opens_for_its_department(requests, official, client):
    retention.anonymise_closed_requests()
    client.force_login(official)
    support_request = requests["expired"][0]
    response = client.get(support_request.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Min sjukdomshistoria" not in content
    assert support_request.reference in content
    assert "Ärendets personliga innehåll (texter, meddelanden, bilagor och sökanden) togs bort" in content
