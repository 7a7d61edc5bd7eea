"""A portal with something waiting for every role, as the demo has it:
requests in every state (some late), agreements ending, ASF checks to review
and to renew, a reporting round under way with a returned report, failed
e-mails and a locked sign-in."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from core.models import OutboundEmail
from enterprises.models import Enterprise, Representation
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check, registry_context
from tests.factories import DepartmentFactory
from tests.policy_reports.factories import DepartmentReportFactory, policy_reports_context
from tests.support.factories import AgreementFactory, SupportRequestFactory, support_context


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def add_requests(*, official, department, other_department, applicant, n: int = 1) -> None:
    """Per n: unassigned ones (one late), requests handled by the official in
    several states, late ones at the department and one elsewhere."""
    today = timezone.localdate()
    for _ in range(n):
        SupportRequestFactory(submitted=True)
        SupportRequestFactory(submitted=True, submitted_at=days_ago(30))  # past its first response
        SupportRequestFactory(assigned=True, department=department, handler=official)
        SupportRequestFactory(in_progress=True, department=department, handler=official)
        SupportRequestFactory(in_progress=True, department=department, handler=official,
                              decision_due=today - timedelta(days=3))  # decision late
        SupportRequestFactory(waiting=True, department=department, handler=official, applicant=applicant,
                              reply_by=today - timedelta(days=2))  # the applicant is late
        SupportRequestFactory(waiting=True, department=department, applicant=applicant)
        SupportRequestFactory(forwarded=True, department=department, handler=official)
        SupportRequestFactory(closed=True, department=department, handler=official)  # not on the list
        SupportRequestFactory(assigned=True, department=other_department, submitted_at=days_ago(30))
        SupportRequestFactory(waiting=True, department=other_department, reply_by=today - timedelta(days=1))
        SupportRequestFactory(applicant=applicant, subject="Ett till utkast")  # a draft


def add_agreements(*, department, n: int = 1) -> None:
    today = timezone.localdate()
    for _ in range(n):
        AgreementFactory(department=department, end_date=today + timedelta(days=20))
        AgreementFactory(department=department, end_date=today + timedelta(days=90))
        AgreementFactory(department=department, end_date=today + timedelta(days=91))
        AgreementFactory(department=department, end_date=today - timedelta(days=1))
        AgreementFactory(department=department, open_ended=True)


def add_registry(*, representative, n: int = 1) -> None:
    today = timezone.localdate()
    for _ in range(n):
        soon = EnterpriseFactory(with_figures=True)
        Enterprise.objects.filter(pk=soon.pk).update(asf_valid_until=today + timedelta(days=30))
        expired = EnterpriseFactory()
        Enterprise.objects.filter(pk=expired.pk).update(asf_valid_until=today - timedelta(days=5))
        renewing = EnterpriseFactory()  # a new check is under review: not due
        Enterprise.objects.filter(pk=renewing.pk).update(asf_valid_until=today + timedelta(days=10))
        make_check(renewing, "submitted")
        later = EnterpriseFactory()
        Enterprise.objects.filter(pk=later.pk).update(asf_valid_until=today + timedelta(days=61))
        asked = EnterpriseFactory()
        make_check(asked, "more_info")
        RepresentationFactory(user=representative, enterprise=asked)
        RepresentationFactory(user=representative, enterprise=soon)
        RepresentationFactory(enterprise=later, status=Representation.Status.PENDING)
        RepresentationFactory(user=representative, enterprise=EnterpriseFactory(),
                              status=Representation.Status.PENDING)


def add_reports(*, reporting_round, n: int = 1) -> None:
    for _ in range(n):
        DepartmentReportFactory(reporting_round=reporting_round, returned=True)
        DepartmentReportFactory(reporting_round=reporting_round, submitted=True)
        DepartmentReportFactory(reporting_round=reporting_round)


def add_admin_rows(*, n: int = 1) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    for i in range(n):
        for status in (OutboundEmail.Status.FAILED, OutboundEmail.Status.SENT, OutboundEmail.Status.PENDING):
            OutboundEmail.objects.create(
                recipient=f"mottagare{i}@example.org", kind="test", subject="Ämne", body="Text", status=status,
                sent_at=timezone.now() if status == OutboundEmail.Status.SENT else None,
            )
        AccessAttempt.objects.create(username=f"låst{i}-{AccessAttempt.objects.count()}",
                                              ip_address="10.0.0.1", failures_since_start=limit,
                                              user_agent="test", http_accept="*/*", path_info="/konto/logga-in/")
        old = AccessAttempt.objects.create(username=f"gammal{i}-{AccessAttempt.objects.count()}",
                                           ip_address="10.0.0.2", failures_since_start=limit + 2,
                                           user_agent="test", http_accept="*/*", path_info="/konto/logga-in/")
        AccessAttempt.objects.filter(pk=old.pk).update(attempt_time=days_ago(1))  # its cool-off is over
        AccessAttempt.objects.create(username=f"nastan{i}-{AccessAttempt.objects.count()}", ip_address="10.0.0.3",
                                     failures_since_start=limit - 1, user_agent="test", http_accept="*/*",
                                     path_info="/konto/logga-in/")


def busy_portal(*, user_for, department) -> dict:
    """Everything the harnesses build, and more of each kind."""
    context = {"department": department}
    for build in (registry_context, policy_reports_context, support_context):
        context.update(build(user_for=user_for, department=department))
    other = DepartmentFactory(name="Sektor samhällsbyggnad")
    grow = busy_portal_grower(user_for=user_for, department=department, other_department=other,
                              reporting_round=context["reporting_round"])
    grow(1)
    context["grow"] = grow
    return context


def busy_portal_grower(*, user_for, department, other_department, reporting_round):
    def grow(n: int) -> None:
        add_requests(official=user_for("official"), department=department, other_department=other_department,
                     applicant=user_for("representative"), n=n)
        add_agreements(department=department, n=n)
        add_registry(representative=user_for("representative"), n=n)
        add_reports(reporting_round=reporting_round, n=n)
        add_admin_rows(n=n)

    return grow
