"""Hostile input in every form, posted as the role the form is for: the
answer is the form again with its errors (200), a redirect after a valid
change (302) or a refusal, never a server error, and nothing of another
department's or enterprise's changes."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.harness.dbstate import snapshot
from tests.harness.test_permission_matrix import MATRIX

from .forms import forms_on
from .hostile import DERANDOMIZE, examples, hostile_text

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=examples(8), deadline=None, derandomize=DERANDOMIZE, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# (the form's target URL name, the role using it, the page showing the form)
FORM_CASES = [
    ("accounts:signup", "anonymous", "accounts:signup"),
    ("accounts:login", "anonymous", "accounts:login"),
    ("accounts:password_reset", "anonymous", "accounts:password_reset"),
    ("accounts:profile", "representative", "accounts:profile"),
    ("accounts:password_change", "representative", "accounts:password_change"),
    # The representative and the administrator have open matters and may not leave yet.
    ("privacy:delete", "coordinator", "privacy:delete"),
    ("accounts:department_create", "coordinator", "accounts:department_create"),
    ("accounts:department_update", "coordinator", "accounts:department_update"),
    ("set_language", "anonymous", "home"),
    ("enterprises:register", "representative", "enterprises:register"),
    ("enterprises:update", "representative", "enterprises:update"),
    ("enterprises:claim", "representative", "enterprises:claim"),
    ("enterprises:check_fill", "representative", "enterprises:check_fill"),
    ("enterprises:categories", "coordinator", "enterprises:categories"),
    ("enterprises:check_review", "coordinator", "enterprises:check_review"),
    ("enterprises:merge", "coordinator", "enterprises:merge"),
    ("enterprises:unpublish", "coordinator", "enterprises:unpublish"),
    ("enterprises:representation_decide", "coordinator", "enterprises:work_list"),
    # The yearly confirmation (issue 15, §1): an official's note
    ("enterprises:confirm", "coordinator", "enterprises:confirm"),
    # Importing enterprises from a file (issue 15, §6)
    ("enterprises:import_start", "coordinator", "enterprises:import_start"),
    ("enterprises:import_mapping", "coordinator", "enterprises:import_mapping"),
    ("enterprises:import_preview", "coordinator", "enterprises:import_preview"),
    ("enterprises:import_cancel", "coordinator", "enterprises:import_preview"),
    ("support:request_create", "representative", "support:request_create"),
    ("support:request_update", "representative", "support:request_update"),
    ("support:request_detail", "representative", "support:request_detail"),
    ("support:request_detail", "official", "support:request_detail"),
    ("support:request_transition", "official", "support:request_transition"),
    ("support:request_decision_due", "official", "support:request_decision_due"),
    ("support:agreement_create", "official", "support:agreement_create"),
    ("support:agreement_update", "official", "support:agreement_update"),
    ("policy_reports:version_adopt", "coordinator", "policy_reports:version_adopt"),
    ("policy_reports:version_status", "coordinator", "policy_reports:version_status"),
    ("policy_reports:evidence_add", "coordinator", "policy_reports:evidence_add"),
    ("policy_reports:round_open", "coordinator", "policy_reports:round_open"),
    ("policy_reports:report_edit", "official", "policy_reports:report_edit"),
    ("policy_reports:report_return", "coordinator", "policy_reports:report_return"),
    # The officials' workspace (issue 14)
    ("saved_views:create", "official", "saved_views:create"),
    ("saved_views:update", "official", "saved_views:update"),
    ("saved_views:delete", "official", "saved_views:delete"),
    ("support:request_delete", "representative", "support:request_delete"),
    ("support:draft_attachment_delete", "representative", "support:draft_attachment_delete"),
    # Records management (issue 16): the records manager's plan, series and deliveries,
    # and the handling official's secrecy marks and case copies.
    ("archive:rule_edit", "records_manager", "archive:rule_edit"),
    ("archive:series", "records_manager", "archive:series"),
    ("archive:series_create", "records_manager", "archive:series_create"),
    ("archive:series_edit", "records_manager", "archive:series_edit"),
    ("archive:delivery_new", "records_manager", "archive:delivery_new"),
    ("archive:delivery_receipt", "records_manager", "archive:delivery_receipt"),
    ("support:request_secrecy_mark", "official", "support:request_secrecy_mark"),
    ("support:request_secrecy_unmark", "official", "support:request_secrecy_unmark"),
    ("support:request_copy", "official", "support:request_copy"),
]
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
# Foreign objects a form may legitimately change (keys of the ``foreign`` fixture):
# a coordinator may merge a duplicate into any enterprise.
EXEMPT = {"enterprises:merge": ("enterprise",)}
# Answers a valid role may get: the form again, a redirect after a change,
# or a refusal once an earlier example has moved the object on.
ANSWERS = (200, 302, 400, 403, 404)
# Forms that ask for a password, where django-axes locks after failures (429).
THROTTLED = {"accounts:login", "privacy:delete"}


def draft_check(ctx, user_for) -> dict:
    """The context's check is already submitted: a fresh one to fill."""
    from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check

    enterprise = EnterpriseFactory(name="Väjerns Vävstuga ek. för.", slug="vajerns-vavstuga")
    RepresentationFactory(user=user_for("representative"), enterprise=enterprise)
    make_check(enterprise, "draft")
    return {"slug": enterprise.slug}


# Pages that need an object in another state than the context's.
PREPARE = {"enterprises:check_fill": draft_check}


def shown(data) -> str:
    return repr({k: (v[:60] + "…" if isinstance(v, str) and len(v) > 60 else v) for k, v in data.items()})


def field_value(form_field) -> st.SearchStrategy:
    choices = [st.just(None), hostile_text(), st.lists(hostile_text(), min_size=2, max_size=3)]
    if form_field.options:
        choices.append(st.sampled_from(form_field.options))
        choices.append(st.lists(st.sampled_from(form_field.options), min_size=1, max_size=3))
    return st.one_of(*choices)


def post_data(form) -> st.SearchStrategy[dict]:
    fields = {name: f for name, f in form.fields.items() if name not in SKIPPED_FIELDS and f.kind != "file"}
    return st.fixed_dictionaries({name: field_value(f) for name, f in fields.items()}).map(
        lambda data: {k: v for k, v in data.items() if v is not None}
    )


def assert_errors_are_shown(response) -> None:
    """A rejected form says why, on the page: its own messages, or an alert
    that sums them up (the sign-in page never says which field was wrong;
    a locked check says it is locked)."""
    bound = (response.context or {}).get("form")
    if bound is None or not bound.errors:
        return
    html = response.content.decode()
    messages = [message for errors in bound.errors.values() for message in errors]
    assert any(escape(message) in html for message in messages) or 'class="alert alert-' in html, messages


def the_form(client, page_url, target):
    response = client.get(page_url)
    assert response.status_code == 200, f"{page_url}: {response.status_code}"
    found = [f for f in forms_on(response.content.decode(), page_url) if f.method == "post" and f.target == target]
    assert found, f"no form for {target} on {page_url}"
    return found[0]


@pytest.mark.parametrize("target,role,page", FORM_CASES, ids=[f"{c[0]}-{c[1]}" for c in FORM_CASES])
def test_forms_survive_hostile_input(target, role, page, ctx, foreign, client_as, user_for):
    client = client_as(role)
    kwargs = PREPARE[target](ctx, user_for) if target in PREPARE else MATRIX[page].kwargs(ctx)
    page_url = reverse(page, kwargs=kwargs)
    form = the_form(client, page_url, target)
    untouchable = [obj for key, obj in foreign.items() if key not in EXEMPT.get(target, ())]
    answers = ANSWERS + ((429,) if target in THROTTLED else ())

    @FUZZ
    @given(data=post_data(form))
    @example(data={name: "\x00" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "9" * 30 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "-1" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "2026-02-30" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "x" * 20_000 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "9" * 4301 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "å" * 1000 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: ["1", "\x00"] for name in form.fields if name not in SKIPPED_FIELDS})
    def check(data):
        before = snapshot(*untouchable)
        response = client.post(form.action, data)
        assert response.status_code in answers, f"POST {form.action} {shown(data)}: {response.status_code}"
        if response.status_code == 302:
            location = urlsplit(response["Location"])
            assert location.scheme in ("", "http", "https") and location.netloc in ("", "testserver"), location
            assert not response["Location"].startswith(("//", "/\\", "\\")), location
        if response.status_code == 200:
            assert_errors_are_shown(response)
        after = snapshot(*untouchable)
        assert after == before, f"POST {form.action} {shown(data)} changed another's data"

    check()


@FUZZ
@given(username=hostile_text(), extra=hostile_text())
@example(username="eva" * 100, extra="")
@example(username="eva", extra="\x00")
@example(username="\x00" * 300, extra="\x00")
def test_sign_in_records_hostile_failures_without_error(username, extra, client, db):
    """django-axes stores what a failed sign-in sent: PostgreSQL refused a
    username past 255 characters or a NUL in any field (a 500)."""
    response = client.post(reverse("accounts:login"),
                           {"username": username, "password": "fel", "next": extra, "extra": extra})
    assert response.status_code in (200, 429), response.status_code


@pytest.mark.parametrize("name,message", [
    ("!!!", "Give the name in letters or digits."),
    ("\u202e\u200b", "Give the name in letters or digits."),
    ("Städning", "There is already a category with this name."),
    ("STÄDNING ", "There is already a category with this name."),
])
def test_a_category_name_without_an_address_is_refused_in_swedish(name, message, client_as):
    """Regression: these names gave a 500 (the address slug failed on save)."""
    from enterprises.models import ServiceCategory
    from tests.conftest import sv

    client = client_as("coordinator")
    assert client.post(reverse("enterprises:categories"), {"name": "Städning"}).status_code == 302
    count = ServiceCategory.objects.count()
    response = client.post(reverse("enterprises:categories"), {"name": name})
    assert response.status_code == 200
    assert sv(message) in response.content.decode()
    assert ServiceCategory.objects.count() == count


# POST forms with nothing to type (a button and the CSRF token), or whose
# success ends the session: the permission matrix POSTs to each of them.
NOT_FUZZED = {
    "accounts:logout", "enterprises:publish", "enterprises:check_start", "policy_reports:report_accept",
    "policy_reports:round_sync",
}


def test_every_form_on_every_page_is_fuzzed(ctx, client_as):
    """A new form joins FORM_CASES (or NOT_FUZZED with a reason)."""
    found = {}
    for name, access in MATRIX.items():
        if 200 not in access.ok:
            continue
        url = reverse(name, kwargs=access.kwargs(ctx))
        for role in set(access.allowed) & {"anonymous", "representative", "coordinator", "administrator"}:
            response = client_as(role).get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in forms_on(response.content.decode(), url):
                if form.method == "post":
                    found.setdefault(form.target, f"{name} as {role}")
    covered = {target for target, _role, _page in FORM_CASES} | NOT_FUZZED
    missing = {target: page for target, page in found.items() if target not in covered}
    assert missing == {}, f"Add these forms to FORM_CASES: {sorted(missing.items())}"
