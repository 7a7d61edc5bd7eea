"""In the browser: save a view from the support work list, then open it."""

import pytest
from django.urls import reverse

from saved_views.models import SavedView
from tests.support.factories import SupportRequestFactory, support_kind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_save_a_view_from_the_support_work_list_and_open_it(user_for, department, page_as):
    official = user_for("official")
    kind, other = support_kind(), support_kind("lokaler")
    SupportRequestFactory(assigned=True, department=department, kind=kind, subject="Rådgivning om kooperativ")
    SupportRequestFactory(assigned=True, department=department, kind=other, subject="Lokal i Smögen")
    page = page_as(official)
    page.goto(reverse("support:worklist") + "?lista=department")
    page.select_option("#id_kind", str(kind.pk))
    page.get_by_role("button", name="Visa", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Lokal i Smögen").count() == 0
    page.get_by_role("link", name="Spara vyn").click()
    page.wait_for_load_state()
    page.get_by_label("Vyns namn").fill("Kooperativ hos oss")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_load_state()
    saved_view = SavedView.objects.get(owner=official)
    assert f"kind={kind.pk}" in saved_view.query and "lista=department" in saved_view.query
    # Saving opens the list as saved, with a receipt.
    assert page.get_by_text("Vyn ”Kooperativ hos oss” har sparats.").count() == 1
    assert page.get_by_text("Rådgivning om kooperativ").count() == 1

    page.goto(reverse("support:worklist") + "?lista=department")
    assert page.get_by_text("Lokal i Smögen").count() == 1
    page.locator(".saved-view-controls").get_by_role("link", name="Kooperativ hos oss").click()
    page.wait_for_load_state()
    assert page.locator("#id_kind").input_value() == str(kind.pk)
    assert page.get_by_text("Rådgivning om kooperativ").count() == 1
    assert page.get_by_text("Lokal i Smögen").count() == 0


def test_the_save_form_with_an_error_is_accessible(user_for, page_as):
    from tests.harness.test_accessibility import assert_accessible

    page = page_as(user_for("official"))
    page.goto(reverse("saved_views:create") + "?lista=support_requests&fragor=lista%3Doverdue")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .alert-danger").count() > 0
    assert SavedView.objects.count() == 0
    assert_accessible(page, "the save form with errors")
