"""Every page in the list passes axe-core's WCAG 2.1 A/AA rules in headless
Chromium, signed in as the role that uses it, with no console errors (so
the Content-Security-Policy breaks nothing). Each issue adds its pages."""

import pytest
from django.urls import reverse

from tests.factories import DepartmentFactory
from tests.harness.browser import axe_violations, browser, page_as  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def department_kwargs(ctx):
    return {"pk": ctx["department"].pk}


# (role, url name, kwargs from the context)
PAGES = [
    ("anonymous", "home", None),
    ("anonymous", "accessibility", None),
    ("anonymous", "privacy", None),
    ("anonymous", "accounts:login", None),
    ("anonymous", "accounts:signup", None),
    ("anonymous", "accounts:password_reset", None),
    ("anonymous", "accounts:password_reset_done", None),
    ("anonymous", "accounts:password_reset_complete", None),
    ("representative", "home", None),
    ("representative", "accounts:overview", None),
    ("representative", "accounts:profile", None),
    ("representative", "accounts:password_change", None),
    ("representative", "accounts:password_change_done", None),
    ("representative", "accounts:logout", None),
    ("official", "accounts:department_list", None),
    ("official", "accounts:department_detail", department_kwargs),
    ("official", "accounts:department_history", department_kwargs),
    ("coordinator", "accounts:department_create", None),
    ("coordinator", "accounts:department_update", department_kwargs),
    ("administrator", "accounts:overview", None),
]


@pytest.fixture
def ctx(db):
    department = DepartmentFactory(name="Sektor omsorg")
    department.contact_email = "omsorg@sotenas.example"
    department.save()  # a second history row, so the history shows a change
    return {"department": department}


def assert_accessible(page, label: str, *, error_status: bool = False) -> None:
    count, report = axe_violations(page)
    assert count == 0, f"{label}: {count} WCAG 2.1 AA violation(s)\n{report}"
    errors = page.console_errors
    if error_status:  # Chromium logs the page's own 403/404 status as an error
        errors = [e for e in errors if not e.startswith("Failed to load resource: the server responded")]
    assert errors == [], f"{label}: console errors {errors}"


@pytest.mark.parametrize("role,name,kwargs", PAGES, ids=[f"{r}-{n}" for r, n, _ in PAGES])
def test_page_is_accessible(role, name, kwargs, ctx, user_for, page_as):
    page = page_as(user_for(role))
    url = reverse(name, kwargs=kwargs(ctx) if kwargs else None)
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page, f"{role} {url}")


@pytest.mark.parametrize("role,name", [("anonymous", "accounts:signup"), ("coordinator", "accounts:department_create")])
def test_form_errors_are_accessible(role, name, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse(name))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .alert-danger").count() > 0
    assert_accessible(page, f"{role} {name} with errors")


def test_error_pages_are_accessible(user_for, page_as):
    page = page_as(user_for("representative"))
    assert page.goto(reverse("accounts:department_list")).status == 403
    assert_accessible(page, "403", error_status=True)
    assert page.goto("/finns-inte/").status == 404
    assert_accessible(page, "404", error_status=True)


def test_skip_link_is_first_and_moves_focus_to_main(page_as):
    page = page_as(None)
    page.goto(reverse("home"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_changes_the_page_to_english(page_as):
    page = page_as(None)
    page.goto(reverse("home"))
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="Byt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "The social economy in Sotenäs"
    assert_accessible(page, "home in English")
