"""What each kind of reminder is about, when it is due and who gets it.

Each source yields ``Due`` items for one day; the sweep turns them into
outbox messages, one per recipient, keyed so each goes out once."""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q

from accounts.recipients import (
    coordinators,
    department_recipients,
    kommunstyrelsen_address,
    members_prefetch,
    user_recipients,
)
from core.notifications import Recipient, unique
from enterprises.models import Enterprise, Representation
from policy_reports.constants import DELIVERED
from policy_reports.models import DepartmentReport, PolicyVersion, ReportingRound
from support.constants import OPEN_STATES
from support.models import Agreement, SupportRequest
from support.notifications import handling_side

from .confirmation import CONFIRMATION_SOURCES
from .milestones import latest_milestone, milestone_date


@dataclass
class Due:
    kind: str
    subject_key: str  # what it is about, e.g. "review:3"
    milestone: str  # which milestone, e.g. "-30" or a date for daily digests
    milestone_on: date
    recipients: list[Recipient]
    template: str
    context: dict = field(default_factory=dict)
    link: str = ""
    offset: int | None = None  # for milestones: later offsets make earlier ones stale
    # A change the reminder is about, made by the sweep (never in a dry run)
    # before it sends; False means another sweep already made it: send nothing.
    apply: Callable[[], bool] | None = None

    @property
    def dedup_key(self) -> str:
        return f"{self.subject_key}:{self.milestone}"


def url(path: str) -> str:
    return settings.SITE_URL + path


# 1. The two-year review of the policy version in force ----------------------------


def review_reminders(today: date) -> Iterator[Due]:
    current = PolicyVersion.Status.IN_FORCE, PolicyVersion.Status.UNDER_REVIEW
    for version in PolicyVersion.objects.filter(status__in=current):
        offset = latest_milestone(
            version.review_due_on, today,
            days_before=settings.REMINDER_REVIEW_DAYS_BEFORE,
            repeat_after_days=settings.REMINDER_REVIEW_REPEAT_DAYS,
        )
        if offset is None:
            continue
        yield Due(
            kind="review", subject_key=f"review:{version.pk}", milestone=str(offset), offset=offset,
            milestone_on=milestone_date(version.review_due_on, offset),
            recipients=unique(coordinators() + kommunstyrelsen_address()),
            template="review", context={"version": version, "offset": offset},
            link=url(version.get_absolute_url()),
        )


# 2. Annual reports ------------------------------------------------------------------


def report_reminders(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=max(settings.REMINDER_REPORT_DAYS_BEFORE))
    rounds = ReportingRound.objects.filter(due_date__lte=horizon)
    reports = (
        DepartmentReport.objects.filter(reporting_round__in=rounds, department__is_active=True)
        .exclude(status__in=DELIVERED)
        .select_related("reporting_round", "department")
        .prefetch_related(members_prefetch("department__memberships"))
        .order_by("reporting_round__year", "department__name")
    )
    late_by_round = defaultdict(list)
    for report in reports.iterator(chunk_size=200):
        reporting_round = report.reporting_round
        offset = latest_milestone(
            reporting_round.due_date, today,
            days_before=settings.REMINDER_REPORT_DAYS_BEFORE,
            repeat_after_days=settings.REMINDER_REPORT_REPEAT_DAYS,
        )
        if offset is None:
            continue
        if today > reporting_round.due_date:
            late_by_round[reporting_round].append(report.department)
        yield Due(
            kind="report", subject_key=f"report:{report.pk}", milestone=str(offset), offset=offset,
            milestone_on=milestone_date(reporting_round.due_date, offset),
            recipients=department_recipients(report.department),
            template="report", context={"report": report, "round": reporting_round, "offset": offset},
            link=url(report.get_absolute_url()),
        )
    # The coordinator's weekly digest of who is late.
    for reporting_round, departments in late_by_round.items():
        offset = latest_milestone(reporting_round.due_date, today, days_before=[], on_the_day=False,
                                  repeat_after_days=7)
        week = offset if offset is not None else 0
        yield Due(
            kind="report_digest", subject_key=f"report-digest:{reporting_round.pk}", milestone=str(week),
            offset=week, milestone_on=milestone_date(reporting_round.due_date, week),
            recipients=coordinators(), template="report_digest",
            context={"round": reporting_round, "departments": departments},
            link=url(reporting_round.get_absolute_url()),
        )


# 3. Support requests: a daily digest per handler or department ----------------------


@dataclass(frozen=True)
class DigestLine:
    reference: str
    subject: str


def support_reminders(today: date) -> Iterator[Due]:
    tomorrow = today + timedelta(days=1)
    due_soon = Q(first_response_at__isnull=True, first_response_due__lte=tomorrow) | Q(
        decided_at__isnull=True, decision_due__lte=tomorrow
    )
    requests = (
        SupportRequest.objects.filter(state__in=OPEN_STATES)
        .filter(due_soon)
        .select_related("handler", "department", "kind")
        .order_by("first_response_due", "pk")
    )
    by_recipient: dict[Recipient, list] = defaultdict(list)
    for support_request in requests.iterator(chunk_size=500):
        items = []
        if support_request.first_response_at is None and support_request.first_response_due:
            items.append(("first_response", support_request.first_response_due))
        if support_request.decided_at is None and support_request.decision_due:
            items.append(("decision", support_request.decision_due))
        for what, due in items:
            if due > tomorrow:
                continue
            handlers = handling_side(support_request)
            if not handlers:
                continue  # unassigned requests are on the coordinator's triage list
            recipient = handlers[0]
            by_recipient[recipient].append({
                # Only what the digest shows, not the request with its related
                # rows: a national digest run holds thousands of these.
                "request": DigestLine(support_request.reference, support_request.subject),
                "what": what, "due": due, "overdue": due < today,
                "link": url(support_request.get_absolute_url()),
            })
    for recipient, items in by_recipient.items():
        yield Due(
            kind="support_digest", subject_key=f"support-digest:{recipient.email.lower()}",
            milestone=today.isoformat(), milestone_on=today, recipients=[recipient], template="support_digest",
            context={"items": items}, link=url("/stod/"),
        )


# 4. Agreements that end soon -----------------------------------------------------------


def agreement_reminders(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=max(settings.REMINDER_AGREEMENT_DAYS_BEFORE))
    agreements = (
        Agreement.objects.filter(end_date__isnull=False, end_date__gte=today, end_date__lte=horizon)
        .select_related("department", "enterprise")
        .prefetch_related(members_prefetch("department__memberships"))
    )
    for agreement in agreements.iterator(chunk_size=200):
        offset = latest_milestone(agreement.end_date, today, days_before=settings.REMINDER_AGREEMENT_DAYS_BEFORE,
                                  on_the_day=False)
        if offset is None:
            continue
        yield Due(
            kind="agreement", subject_key=f"agreement:{agreement.pk}", milestone=str(offset), offset=offset,
            milestone_on=milestone_date(agreement.end_date, offset),
            recipients=department_recipients(agreement.department), template="agreement",
            context={"agreement": agreement, "offset": offset}, link=url(agreement.get_absolute_url()),
        )


# 5. ASF definition checks that expire ----------------------------------------------------


def asf_check_reminders(today: date) -> Iterator[Due]:
    """Reminders before an ASF verification expires (``REMINDER_ASF_CHECK_DAYS_BEFORE``
    and on the day) to the representatives and the coordinator, to the
    coordinator alone when nobody represents the enterprise; the day after,
    without a renewal, the coordinator is told the badge has gone. A renewal
    sent in on time stops them: the entry stays ASF until it is decided."""
    horizon = today + timedelta(days=max(settings.REMINDER_ASF_CHECK_DAYS_BEFORE, default=0))
    since = today - timedelta(days=1 + settings.REMINDER_ASF_EXPIRY_CATCH_UP_DAYS)
    enterprises = Enterprise.objects.filter(
        asf_valid_until__isnull=False, asf_valid_until__gte=since, asf_valid_until__lte=horizon,
        asf_renewal_submitted_on__isnull=True, merged_into__isnull=True,
    ).order_by("asf_valid_until", "pk").prefetch_related(
        Prefetch("representations", queryset=Representation.objects.filter(
            status=Representation.Status.CONFIRMED).select_related("user"))
    )
    coordinator_recipients = None
    for enterprise in enterprises.iterator(chunk_size=200):
        if coordinator_recipients is None:
            coordinator_recipients = coordinators()  # once per sweep, whatever the number of enterprises
        valid_until = enterprise.asf_valid_until
        subject_key = f"asf-check:{enterprise.pk}:{valid_until.isoformat()}"
        link = url(enterprise.get_absolute_url())
        if today > valid_until:
            expired_on = valid_until + timedelta(days=1)
            yield Due(
                kind="asf_expired", subject_key=subject_key, milestone="1", offset=1, milestone_on=expired_on,
                recipients=coordinator_recipients, template="asf_check_expired",
                context={"enterprise": enterprise, "expired_on": expired_on}, link=link,
            )
            continue
        offset = latest_milestone(valid_until, today, days_before=settings.REMINDER_ASF_CHECK_DAYS_BEFORE)
        if offset is None:
            continue
        representatives = user_recipients([r.user for r in enterprise.representations.all()])
        yield Due(
            kind="asf_check", subject_key=subject_key, milestone=str(offset), offset=offset,
            milestone_on=milestone_date(valid_until, offset),
            recipients=unique(representatives + coordinator_recipients), template="asf_check",
            context={"enterprise": enterprise, "offset": offset,
                     "representative_emails": {r.email.lower() for r in representatives}},
            link=link,
        )


SOURCES = [review_reminders, report_reminders, support_reminders, agreement_reminders, asf_check_reminders,
           *CONFIRMATION_SOURCES]
