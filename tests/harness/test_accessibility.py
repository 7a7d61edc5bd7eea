"""Every page in the list passes axe-core's WCAG 2.1 A/AA rules in headless
Chromium, signed in as the role that uses it, with no console errors (so
the Content-Security-Policy breaks nothing). Each issue adds its pages."""

import pytest
from django.urls import reverse

from tests.enterprises.factories import registry_context
from tests.factories import DepartmentFactory
from tests.harness import rows
from tests.harness.browser import axe_violations
from tests.policy_reports.factories import policy_reports_context
from tests.support.factories import support_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def department_kwargs(ctx):
    return {"pk": ctx["department"].pk}


def enterprise_kwargs(ctx):
    return {"slug": ctx["enterprise"].slug}


def check_kwargs(ctx):
    return {"slug": ctx["enterprise"].slug, "pk": ctx["check"].pk}


def policy_kwargs(ctx):
    return {"pk": ctx["policy_version"].pk}


def round_kwargs(ctx):
    return {"pk": ctx["previous_round"].pk}


def report_kwargs(ctx):
    return {"pk": ctx["report"].pk}


def submitted_report_kwargs(ctx):
    return {"pk": ctx["submitted_report"].pk}


def support_request_kwargs(ctx):
    return {"pk": ctx["support_request"].pk}


def support_agreement_kwargs(ctx):
    return {"pk": ctx["support_agreement"].pk}


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
    ("official", "accounts:notifications", None),
    ("representative", "privacy:personal_data", None),
    ("representative", "privacy:delete", None),
    ("administrator", "privacy:delete", None),  # the only administrator: the page explains why not
    ("anonymous", "privacy:deleted", None),
    ("representative", "accounts:password_change", None),
    ("representative", "accounts:password_change_done", None),
    ("representative", "accounts:logout", None),
    ("official", "accounts:department_list", None),
    ("official", "accounts:department_detail", department_kwargs),
    ("official", "accounts:department_history", department_kwargs),
    ("coordinator", "accounts:department_create", None),
    ("coordinator", "accounts:department_update", department_kwargs),
    ("administrator", "accounts:overview", None),
    # Registry
    ("anonymous", "enterprises:list", None),
    ("anonymous", "policy_reports:home", None),
    ("anonymous", "enterprises:detail", enterprise_kwargs),
    ("representative", "enterprises:mine", None),
    ("representative", "enterprises:register", None),
    ("representative", "enterprises:update", enterprise_kwargs),
    ("official", "enterprises:list", None),
    ("official", "enterprises:detail", enterprise_kwargs),
    ("official", "enterprises:work_list", None),
    ("official", "enterprises:categories", None),
    ("official", "enterprises:history", enterprise_kwargs),
    ("coordinator", "enterprises:check_review", check_kwargs),
    ("coordinator", "enterprises:unpublish", enterprise_kwargs),
    ("coordinator", "enterprises:merge", enterprise_kwargs),
    # Policy versions, annual reports, the compiled report and the review basis
    ("official", "policy_reports:version_list", None),
    ("official", "policy_reports:version_detail", policy_kwargs),
    ("official", "policy_reports:my_reports", None),
    ("official", "policy_reports:report_detail", submitted_report_kwargs),
    ("official", "policy_reports:report_edit", report_kwargs),
    ("official", "policy_reports:report_version", lambda ctx: {"pk": ctx["submitted_report"].pk, "number": 1}),
    ("coordinator", "policy_reports:version_adopt", None),
    ("coordinator", "policy_reports:version_status", policy_kwargs),
    ("coordinator", "policy_reports:round_list", None),
    ("coordinator", "policy_reports:round_open", None),
    ("coordinator", "policy_reports:round_overview", round_kwargs),
    ("coordinator", "policy_reports:compiled_report", round_kwargs),
    ("coordinator", "policy_reports:report_return", submitted_report_kwargs),
    ("coordinator", "policy_reports:report_accept", submitted_report_kwargs),
    ("coordinator", "policy_reports:review_basis", policy_kwargs),
    ("coordinator", "policy_reports:evidence_add",
     lambda ctx: {"pk": ctx["policy_version"].pk, "statement_pk": ctx["statement"].pk}),
    # Support requests and agreements
    ("representative", "support:my_requests", None),
    ("representative", "support:request_create", None),
    ("representative", "support:request_update", lambda ctx: {"pk": ctx["support_draft"].pk}),
    ("representative", "support:request_detail", support_request_kwargs),
    ("representative", "support:request_receipt", support_request_kwargs),
    ("representative", "support:request_transition", lambda ctx: {"pk": ctx["support_request"].pk,
                                                                   "move": "withdraw"}),
    ("official", "support:worklist", None),
    ("official", "support:request_detail", support_request_kwargs),
    ("official", "support:request_transition", lambda ctx: {"pk": ctx["support_request"].pk, "move": "decide"}),
    ("official", "support:request_decision_due", support_request_kwargs),
    ("coordinator", "support:worklist", None),
    ("coordinator", "support:request_transition", lambda ctx: {"pk": ctx["support_request"].pk, "move": "assign"}),
    ("official", "support:agreement_list", None),
    ("official", "support:agreement_detail", support_agreement_kwargs),
    ("official", "support:agreement_create", None),
    ("official", "support:agreement_update", support_agreement_kwargs),
    ("official", "support:agreement_history", support_agreement_kwargs),
    # Statistics and the API documentation (issue 7)
    ("anonymous", "statistics:public", None),
    ("official", "statistics:official", None),
    ("coordinator", "statistics:official", None),
    ("anonymous", "api_docs", None),
    # Later features keep their pages in tests/harness/rows/.
    *rows.PAGES,
]


# Each builder adds the objects its app's pages need: f(user_for=, department=) -> dict.
CONTEXT_BUILDERS = [registry_context, policy_reports_context, support_context, *rows.CONTEXT_BUILDERS]


@pytest.fixture
def ctx(db, user_for):
    department = DepartmentFactory(name="Sektor omsorg")
    department.contact_email = "omsorg@sotenas.example"
    department.save()  # a second history row, so the history shows a change
    context = {"department": department}
    for build in CONTEXT_BUILDERS:
        context.update(build(user_for=user_for, department=department))
    return context


def assert_accessible(page, label: str, *, error_status: bool = False) -> None:
    count, report = axe_violations(page)
    assert count == 0, f"{label}: {count} WCAG 2.1 AA violation(s)\n{report}"
    errors = page.console_errors
    if error_status:  # Chromium logs the page's own 403/404 status as an error
        errors = [e for e in errors if not e.startswith("Failed to load resource: the server responded")]
    assert errors == [], f"{label}: console errors {errors}"


def assert_reflows(page, label: str) -> None:
    """WCAG 1.4.10: at 1280, 1024 and 320 CSS pixels the page does not scroll
    sideways (a wide data table may scroll inside its own box)."""
    for viewport in (1280, 1024, 320):
        page.set_viewport_size({"width": viewport, "height": 800})
        width = page.evaluate("document.documentElement.scrollWidth")
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 3).map(el => el.tagName + '.' + el.className)""")
        assert width <= viewport, f"{label}: {width} px wide at {viewport} px, e.g. {wide}"


@pytest.mark.parametrize("role,name,kwargs", PAGES, ids=[f"{r}-{n}" for r, n, _ in PAGES])
def test_page_is_accessible(role, name, kwargs, ctx, user_for, page_as):
    page = page_as(user_for(role))
    url = reverse(name, kwargs=kwargs(ctx) if kwargs else None)
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page, f"{role} {url}")
    assert_reflows(page, f"{role} {url}")


def test_sign_in_page_with_the_municipal_account_is_accessible(page_as, settings):
    """The sign-in page's other variant: OIDC on (issue 8), staff button first."""
    settings.OIDC_ENABLED = True
    page = page_as(None)
    page.goto(reverse("accounts:login"))
    assert page.get_by_role("link", name="Logga in med kommunens konto").count() == 1
    assert_accessible(page, "anonymous sign-in with the municipal account")


@pytest.mark.parametrize("role,name", [
    ("anonymous", "accounts:signup"),
    ("coordinator", "accounts:department_create"),
    ("representative", "enterprises:register"),
    ("official", "support:agreement_create"),
])
def test_form_errors_are_accessible(role, name, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse(name))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .alert-danger").count() > 0
    assert_accessible(page, f"{role} {name} with errors")


# Policy report forms with errors: (role, url name, kwargs, fields to empty, the button to press)
POLICY_REPORT_FORMS = [
    ("official", "policy_reports:report_edit", report_kwargs, ["#id_description"], "button[value=submit]"),
    ("coordinator", "policy_reports:version_adopt", None, [], "button[type=submit]"),
    ("coordinator", "policy_reports:round_open", None, ["#id_year"], "button[type=submit]"),
    ("coordinator", "policy_reports:report_return", submitted_report_kwargs, [], "button[type=submit]"),
]


@pytest.mark.parametrize("role,name,kwargs,empty,button", POLICY_REPORT_FORMS,
                         ids=[name for _r, name, *_rest in POLICY_REPORT_FORMS])
def test_policy_report_form_errors_are_accessible(role, name, kwargs, empty, button, ctx, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse(name, kwargs=kwargs(ctx) if kwargs else None))
    for selector in empty:
        page.fill(selector, "")
    page.locator(f"main form {button}").first.click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .alert-danger").count() > 0
    assert_accessible(page, f"{role} {name} with errors")


# Support forms with errors: (role, url name, kwargs, the button to press)
SUPPORT_FORMS = [
    ("representative", "support:request_create", None, "form button[name=submit]"),
    ("official", "support:request_detail", support_request_kwargs, "form[aria-labelledby=h-write] button"),
    ("official", "support:request_transition", lambda ctx: {"pk": ctx["support_request"].pk, "move": "decide"},
     "form button[type=submit]"),
]


@pytest.mark.parametrize("role,name,kwargs,button", SUPPORT_FORMS, ids=[name for _r, name, *_ in SUPPORT_FORMS])
def test_support_form_errors_are_accessible(role, name, kwargs, button, ctx, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse(name, kwargs=kwargs(ctx) if kwargs else None))
    page.locator(f"main {button}").first.click()
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
