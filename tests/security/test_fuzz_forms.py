"""Hostile input in every form, posted as the role the form is for: the
answer is the form again with its errors (200), a redirect after a valid
change (302) or a refusal, never a server error, and nothing of another
department's or enterprise's changes."""

import pytest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.harness.test_permission_matrix import MATRIX

from tests.harness.dbstate import snapshot
from .forms import forms_on
from .hostile import hostile_text

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# (the form's target URL name, the role using it, the page showing the form)
FORM_CASES = [
    ("accounts:signup", "anonymous", "accounts:signup"),
    ("accounts:login", "anonymous", "accounts:login"),
    ("accounts:password_reset", "anonymous", "accounts:password_reset"),
    ("accounts:profile", "representative", "accounts:profile"),
    ("accounts:password_change", "representative", "accounts:password_change"),
    ("accounts:department_create", "coordinator", "accounts:department_create"),
    ("accounts:department_update", "coordinator", "accounts:department_update"),
    ("set_language", "anonymous", "home"),
    ("enterprises:register", "representative", "enterprises:register"),
    ("enterprises:update", "representative", "enterprises:update"),
    ("enterprises:claim", "representative", "enterprises:claim"),
    ("enterprises:categories", "coordinator", "enterprises:categories"),
    ("enterprises:check_review", "coordinator", "enterprises:check_review"),
    ("enterprises:merge", "coordinator", "enterprises:merge"),
    ("enterprises:unpublish", "coordinator", "enterprises:unpublish"),
    ("enterprises:representation_decide", "coordinator", "enterprises:work_list"),
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
]
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
# Answers a valid role may get: the form again, a redirect after a change,
# or a refusal once an earlier example has moved the object on.
ANSWERS = (200, 302, 400, 403, 404)


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


def the_form(client, page_url, target):
    response = client.get(page_url)
    assert response.status_code == 200, f"{page_url}: {response.status_code}"
    found = [f for f in forms_on(response.content.decode(), page_url) if f.method == "post" and f.target == target]
    assert found, f"no form for {target} on {page_url}"
    return found[0]


@pytest.mark.parametrize("target,role,page", FORM_CASES, ids=[f"{c[0]}-{c[1]}" for c in FORM_CASES])
def test_forms_survive_hostile_input(target, role, page, ctx, foreign, client_as):
    client = client_as(role)
    page_url = reverse(page, kwargs=MATRIX[page].kwargs(ctx))
    form = the_form(client, page_url, target)
    untouchable = list(foreign.values())
    before = snapshot(*untouchable)
    answers = ANSWERS + ((429,) if target == "accounts:login" else ())

    @FUZZ
    @given(data=post_data(form))
    @example(data={name: "\x00" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "9" * 30 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "-1" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "2026-02-30" for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: "x" * 20_000 for name in form.fields if name not in SKIPPED_FIELDS})
    @example(data={name: ["1", "\x00"] for name in form.fields if name not in SKIPPED_FIELDS})
    def check(data):
        response = client.post(form.action, data)
        assert response.status_code in answers, f"POST {form.action} {data!r}: {response.status_code}"
        if response.status_code == 302:
            location = response["Location"]
            assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), f"off site: {location}"
        assert snapshot(*untouchable) == before, f"POST {form.action} {data!r} changed another's data"

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
