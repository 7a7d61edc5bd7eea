"""The report-returned email, now written from templates, reads exactly as
the text the code wrote before (same msgids, so the same translations)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.models import OutboundEmail
from policy_reports.notifications import report_returned
from tests.factories import UserFactory
from tests.policy_reports.factories import DepartmentReportFactory

pytestmark = pytest.mark.django_db

# The strings as policy_reports/notifications.py formatted them in Python.
OLD_SUBJECT = "Your policy report for %(year)s has been returned for completion"
OLD_BODY = (
    "The policy coordinator has returned the report of %(department)s for %(year)s.\n\n"
    "Comment:\n%(comment)s\n\nOpen the report: %(url)s\n"
)


def old_text(report, language):
    link = settings.SITE_URL + reverse("policy_reports:report_detail", kwargs={"pk": report.pk})
    values = {"department": report.department.name, "year": report.reporting_round.year,
              "comment": report.return_comment, "url": link}
    with translation.override(language):
        return gettext(OLD_SUBJECT) % values, gettext(OLD_BODY) % values


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_returned_email_reads_as_before(language):
    report = DepartmentReportFactory(returned=True, return_comment='Ange antal möten & "projekt" <2025>.\n100 %')
    official = UserFactory(username="ansvarig", preferred_language=language, departments=[report.department])
    report_returned(report)
    email = OutboundEmail.objects.get(recipient=official.email)
    assert (email.subject, email.body) == old_text(report, language)
    assert email.kind == "policy_reports.returned"
    assert email.link.endswith(reverse("policy_reports:report_detail", kwargs={"pk": report.pk}))


def test_the_swedish_text_is_the_translation_of_the_old_msgid():
    report = DepartmentReportFactory(returned=True)
    swedish, english = old_text(report, "sv"), old_text(report, "en")
    assert swedish != english  # the catalogue has the old msgids, so the templates must reuse them
    report_returned(report)
    email = OutboundEmail.objects.get(recipient=report.department.contact_email)  # the address is in Swedish
    assert (email.subject, email.body) == swedish
