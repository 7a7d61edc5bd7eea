"""Emails about annual reports, handed to the outbox inside the transaction
that makes the change, so they go out once it commits and never for a
change that rolled back (see ``core.outbox``)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue


def _department_recipients(department) -> list[tuple[str, str, User | None]]:
    """(address, language, user): the department's officials, then its contact address."""
    officials = User.objects.filter(memberships__department=department, is_active=True).exclude(email="")
    found = [(user.email, user.preferred_language or settings.LANGUAGE_CODE, user) for user in officials]
    found.append((department.contact_email, settings.LANGUAGE_CODE, None))
    seen, unique = set(), []
    for email, language, user in found:
        if email and email.lower() not in seen:
            seen.add(email.lower())
            unique.append((email, language, user))
    return unique


def report_returned(report) -> None:
    """Tell the department its report came back for completion, and why."""
    link = settings.SITE_URL + reverse("policy_reports:report_detail", kwargs={"pk": report.pk})
    for email, language, user in _department_recipients(report.department):
        with translation.override(language):
            subject = _("Your policy report for %(year)s has been returned for completion") % {
                "year": report.reporting_round.year
            }
            body = _(
                "The policy coordinator has returned the report of %(department)s for %(year)s.\n\n"
                "Comment:\n%(comment)s\n\nOpen the report: %(url)s\n"
            ) % {
                "department": report.department.name,
                "year": report.reporting_round.year,
                "comment": report.return_comment,
                "url": link,
            }
        enqueue(recipient=email, subject=subject, body=body, kind="policy_reports.returned", user=user, link=link)
