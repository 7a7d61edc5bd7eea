"""The typed-number form on a request's page (a series with numbers from
the municipality's diarium) passes axe, also with its error, and works in
the browser."""

import pytest
from django.urls import reverse

from records.constants import CaseKind
from records.models import Series
from records.services import registration_for, series_for
from tests.harness.browser import axe_violations
from tests.support.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page, label):
    count, report = axe_violations(page)
    assert count == 0, f"{label}: {count} WCAG 2.1 AA violation(s)\n{report}"
    assert page.console_errors == [], f"{label}: console errors {page.console_errors}"


def test_the_typed_number_form_is_accessible_and_registers_the_case(page_as, user_for, department):
    series_for(CaseKind.SUPPORT_REQUEST)  # the default series (made again after an emptied database)
    Series.objects.filter(prefix="KS").update(manual=True)
    support_request = SupportRequestFactory(assigned=True, department=department, subject="Lokal för verkstad")
    page = page_as(user_for("official"))
    page.goto(reverse("support:request_detail", kwargs={"pk": support_request.pk}))
    assert page.get_by_text("Inte registrerat än", exact=True).count() == 1
    assert_accessible(page, "the request's page with the typed-number form")

    page.get_by_label("Diarienummer").fill("KS 2026")
    page.get_by_role("button", name="Registrera").click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback").count() == 1
    assert_accessible(page, "the typed-number form with its error")

    page.get_by_label("Diarienummer").fill("KS 2026/117")
    page.get_by_role("button", name="Registrera").click()
    page.wait_for_load_state()
    assert registration_for(support_request).number == "KS 2026/117"
    assert page.get_by_text("KS 2026/117").count() >= 1
