"""The records manager's forms with errors pass axe too: a disposal rule
without its period and event, a series without a prefix, and the log's
filter with a bad date."""

import pytest
from django.urls import reverse

from tests.harness.browser import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def assert_accessible(page, label):
    count, report = axe_violations(page)
    assert count == 0, f"{label}: {count} WCAG 2.1 AA violation(s)\n{report}"
    assert page.console_errors == [], f"{label}: console errors {page.console_errors}"


def test_the_rule_form_with_errors_is_accessible(user_for, page_as, seeded_vocabularies):
    page = page_as(user_for("records_manager"))
    page.goto(reverse("archive:rule_edit", args=["message"]))
    page.locator("#id_action_1").check()  # dispose, without a period, an event or a decision
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback").count() >= 3
    assert "En gallringsregel behöver en tid" in page.content()
    assert_accessible(page, "the rule form with errors")


def test_the_series_form_with_errors_is_accessible(user_for, page_as, seeded_vocabularies):
    page = page_as(user_for("records_manager"))
    page.goto(reverse("archive:series_create"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback").count() > 0
    assert_accessible(page, "the series form with errors")


def test_the_log_filter_with_a_bad_date_is_accessible(user_for, page_as, seeded_vocabularies):
    page = page_as(user_for("records_manager"))
    page.goto(reverse("archive:disposal_log") + "?fran=2026-05-01&till=2026-01-01")
    assert page.locator(".invalid-feedback").count() == 1
    assert_accessible(page, "the disposal log with a bad filter")
