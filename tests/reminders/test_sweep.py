"""The sweep sends what is due, to the right people, exactly once; catches
up on a milestone missed while down; never sends a stale one."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import Department
from core.models import OutboundEmail
from sotenas_portal.reminders.sources import report_reminders
from sotenas_portal.reminders.sweep import run_sweep
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.queries import assert_fixed_query_count
from tests.policy_reports.factories import DepartmentReportFactory, PolicyVersionFactory, ReportingRoundFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kommunstyrelsen():
    return DepartmentFactory(name="Kommunstyrelsens förvaltning", kind=Department.Kind.KOMMUNSTYRELSEN,
                             contact_email="ks@sotenas.example")


def sweep(day, **kwargs):
    return run_sweep(today=day, **kwargs)


def sent_keys():
    return sorted(OutboundEmail.objects.values_list("dedup_key", "recipient"))


def test_review_reminder_goes_to_coordinators_and_kommunstyrelsen(coordinator, kommunstyrelsen,
                                                                  django_capture_on_commit_callbacks):
    version = PolicyVersionFactory()
    day = version.review_due_on - timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        sweep(day)
    assert {m.to[0] for m in mail.outbox} == {coordinator.email, "ks@sotenas.example"}
    assert all(f"review:{version.pk}:-30" == key for key, _ in sent_keys())
    assert all(m.body.count(str(version.decision_reference)) == 1 for m in mail.outbox)


def test_a_second_sweep_the_same_day_sends_nothing(coordinator, django_capture_on_commit_callbacks):
    version = PolicyVersionFactory()
    day = version.review_due_on - timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        sweep(day)
        sweep(day)
        sweep(day + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_missed_milestone_is_sent_once_late_and_stale_ones_never(coordinator, django_capture_on_commit_callbacks):
    version = PolicyVersionFactory()
    due = version.review_due_on
    with django_capture_on_commit_callbacks(execute=True):
        sweep(due - timedelta(days=100))  # -180 goes out on time (well, late by 80 days here)
        # Down from day -95 to day -5: both -90 and -30 and -7 were missed.
        planned = sweep(due - timedelta(days=5))
    sent = [p for p in planned if p.sent]
    assert len(sent) == 1 and sent[0].late
    assert {key for key, _ in sent_keys()} == {f"review:{version.pk}:-180", f"review:{version.pk}:-7"}
    assert "sent on" in mail.outbox[-1].body or "skulle ha skickats" in mail.outbox[-1].body


def test_overdue_review_repeats_every_30_days_until_a_new_version(coordinator, django_capture_on_commit_callbacks):
    version = PolicyVersionFactory()
    due = version.review_due_on
    with django_capture_on_commit_callbacks(execute=True):
        for days in (0, 10, 30, 45, 60):
            sweep(due + timedelta(days=days))
    assert {key for key, _ in sent_keys()} == {f"review:{version.pk}:0", f"review:{version.pk}:30",
                                               f"review:{version.pk}:60"}
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from policy_reports.services import policy_version_adopt

    policy_version_adopt(
        title="Reviderad policy", decision_date=timezone.localdate(), decision_reference="KF 2026-11-20 § 140",
        document=ContentFile(b"%PDF-1.4\n", name="policy.pdf"), statements=["Stödja ASF."], actor=coordinator,
    )
    version.refresh_from_db()
    assert version.status == version.Status.REPLACED
    with django_capture_on_commit_callbacks(execute=True):
        sweep(due + timedelta(days=90))
    assert f"review:{version.pk}:90" not in [key for key, _ in sent_keys()]


def test_report_reminders_go_to_departments_that_have_not_submitted(coordinator, django_capture_on_commit_callbacks):
    reporting_round = ReportingRoundFactory(year=2026)
    late = DepartmentReportFactory(reporting_round=reporting_round,
                                   department=DepartmentFactory(contact_email="sen@sotenas.example"))
    official = UserFactory(username="ansvarig", departments=[late.department])
    DepartmentReportFactory(reporting_round=reporting_round, submitted=True,
                            department=DepartmentFactory(contact_email="klar@sotenas.example"))
    with django_capture_on_commit_callbacks(execute=True):
        sweep(reporting_round.due_date - timedelta(days=7))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["sen@sotenas.example", official.email])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sweep(reporting_round.due_date + timedelta(days=7))  # a week late
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert coordinator.email in recipients  # the weekly digest of who is late
    digest = next(m for m in mail.outbox if m.to[0] == coordinator.email)
    assert late.department.name in digest.body


def test_support_deadlines_arrive_as_one_daily_digest(official, department, django_capture_on_commit_callbacks):
    from django.utils import timezone

    today = timezone.localdate()
    for n in range(3):
        SupportRequestFactory(assigned=True, department=department, handler=official,
                              first_response_due=today - timedelta(days=n))
    SupportRequestFactory(assigned=True, department=department, handler=official,
                          first_response_due=today + timedelta(days=5))  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        sweep(today)
        sweep(today)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [official.email]
    assert mail.outbox[0].body.count("STOD-") == 3


def test_agreement_reminders_90_and_30_days_before_the_end(django_capture_on_commit_callbacks):
    agreement = AgreementFactory(department=DepartmentFactory(contact_email="avd@sotenas.example"))
    end = agreement.end_date
    with django_capture_on_commit_callbacks(execute=True):
        for days in (91, 90, 60, 30, 10, -1):
            sweep(end - timedelta(days=days))
    assert {key for key, _ in sent_keys()} == {f"agreement:{agreement.pk}:-90", f"agreement:{agreement.pk}:-30"}


def test_asf_check_reminder_to_the_representatives(django_capture_on_commit_callbacks):
    from django.utils import timezone

    enterprise = EnterpriseFactory()
    enterprise.asf_verified_on = timezone.localdate() - timedelta(days=700)
    enterprise.asf_valid_until = timezone.localdate() + timedelta(days=30)
    enterprise.save()
    rep = RepresentationFactory(enterprise=enterprise).user
    with django_capture_on_commit_callbacks(execute=True):
        sweep(timezone.localdate())
    assert [m.to for m in mail.outbox] == [[rep.email]]


def test_english_users_get_english_reminders(django_capture_on_commit_callbacks):
    UserFactory(username="samordnare-en", coordinator=True, preferred_language="en")
    version = PolicyVersionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        sweep(version.review_due_on - timedelta(days=7))
    assert "Reminder" in mail.outbox[0].subject


def test_command_prints_each_message_and_a_count(coordinator, capsys):
    version = PolicyVersionFactory()
    day = (version.review_due_on - timedelta(days=30)).isoformat()
    call_command("send_reminders", "--dry-run", "--today", day)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{coordinator.email}\treview\t")
    assert out[-1] == "1 message(s) would be sent."
    assert not OutboundEmail.objects.exists()  # a dry run sends nothing
    call_command("send_reminders", "--today", day)
    assert OutboundEmail.objects.count() == 1


def test_command_refuses_a_bad_date():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "2026-02-30")


def test_digest_users_get_support_messages_in_one_daily_summary(django_capture_on_commit_callbacks):
    from django.utils import timezone

    from core.outbox import enqueue

    daily = UserFactory(username="sammanfattning", support_email_delivery="digest")
    at_once = UserFactory(username="genast")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            enqueue(recipient=daily.email, subject=f"Nytt meddelande {n}", body="Hej", kind="support.message",
                    user=daily, hold=daily.support_email_delivery == "digest")
        enqueue(recipient=at_once.email, subject="Direkt", body="Hej", kind="support.message", user=at_once)
    assert [m.to for m in mail.outbox] == [[at_once.email]]
    with django_capture_on_commit_callbacks(execute=True):
        sweep(timezone.localdate())
        sweep(timezone.localdate())
    summaries = [m for m in mail.outbox if m.to == [daily.email]]
    assert len(summaries) == 1
    assert all(f"Nytt meddelande {n}" in summaries[0].body for n in range(3))
    assert set(OutboundEmail.objects.filter(user=daily, kind="support.message").values_list("status", flat=True)) == {
        "bundled"}


def test_report_reminders_ignore_the_digest_choice(coordinator, django_capture_on_commit_callbacks):
    reporting_round = ReportingRoundFactory(year=2025)
    report = DepartmentReportFactory(reporting_round=reporting_round)
    UserFactory(username="vill-ha-sammanfattning", support_email_delivery="digest", departments=[report.department])
    with django_capture_on_commit_callbacks(execute=True):
        sweep(reporting_round.due_date)
    assert OutboundEmail.objects.filter(status="held").count() == 0
    assert len(mail.outbox) >= 2


def test_without_coordinators_the_late_digest_goes_to_kommunstyrelsen(kommunstyrelsen,
                                                                       django_capture_on_commit_callbacks):
    # The one agreed fallback (accounts.recipients.coordinators): before it,
    # the reminders sent this digest to no one when there was no coordinator.
    reporting_round = ReportingRoundFactory(year=2026)
    late = DepartmentReportFactory(reporting_round=reporting_round)
    with django_capture_on_commit_callbacks(execute=True):
        sweep(reporting_round.due_date + timedelta(days=7))
    digest = OutboundEmail.objects.get(kind="reminder.report_digest")
    assert digest.recipient == "ks@sotenas.example"
    assert late.department.name in digest.body


def test_report_reminders_find_their_recipients_in_a_fixed_number_of_queries(coordinator):
    reporting_round = ReportingRoundFactory(year=2027)

    def add_reports(count):
        for _ in range(count):
            report = DepartmentReportFactory(reporting_round=reporting_round)
            UserFactory.create_batch(2, departments=[report.department])

    def reminders():
        found = list(report_reminders(reporting_round.due_date + timedelta(days=7)))
        assert all(len(due.recipients) in (1, 3) for due in found)  # a digest, or two officials and the address
        return found

    assert_fixed_query_count(reminders, add_reports, sizes=(2, 6))
