"""Emails about annual reports, sent through ``core.notifications`` inside
the transaction that makes the change, so they go out once it commits and
never for a change that rolled back (see ``core.outbox``)."""

from django.conf import settings
from django.urls import reverse

from accounts.recipients import department_recipients
from core.notifications import notify


def report_returned(report) -> None:
    """Tell the department its report came back for completion, and why."""
    link = settings.SITE_URL + reverse("policy_reports:report_detail", kwargs={"pk": report.pk})
    notify(department_recipients(report.department), template="policy_reports/emails/report_returned.txt",
           context={"report": report, "url": link}, kind="policy_reports.returned", link=link)
