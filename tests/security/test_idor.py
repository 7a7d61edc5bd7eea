"""Insecure direct object references: changing an id in an address or a
form field never reaches another enterprise's, applicant's or department's
data. The answer is 403 or 404 (or the form with an error for a choice that
is not offered), and nothing changes."""

from dataclasses import dataclass, field
from typing import Callable

import pytest
from django.urls import reverse
from django.utils import timezone

from enterprises.models import DefinitionCheck, Enterprise, Representation
from policy_reports.models import DepartmentReport
from support.models import Agreement, Message, SupportRequest
from tests.enterprises.factories import RepresentationFactory, make_check
from tests.harness.dbstate import snapshot
from tests.support.factories import support_kind


pytestmark = pytest.mark.django_db

REFUSED = "refused"  # 403 or 404
FORM_ERROR = "form_error"  # the form again, with an error on the field


@dataclass
class Attempt:
    actor: str  # "representative" or "official" (of the department in ctx), the attacker
    method: str
    url: Callable[[dict, dict], str]
    data: Callable[[dict, dict], dict] = field(default=lambda c, f: {})
    # The objects that must stay as they were.
    watched: Callable[[dict, dict], list] = field(default=lambda c, f: list(f.values()))
    expect: str = REFUSED
    error_field: str | None = None


def u(name, **kwargs):
    """An address built from the context (c) and the foreign objects (f)."""
    return lambda c, f: reverse(name, kwargs={k: v(c, f) for k, v in kwargs.items()})


def request_data(enterprise):
    return {"kind": support_kind().pk, "enterprise": enterprise.pk, "subject": "Intrång",
            "description": "x", "hoped_outcome": "x", "save": "1"}


def agreement_data(c, department, enterprise, source_request=None):
    today = timezone.localdate()
    return {"department": department.pk, "enterprise": enterprise.pk, "kind": "samarbetsavtal",
            "title": "Intrång", "start_date": today.isoformat(), "end_date": "", "annual_value": "1",
            "contact_person": "X", "source_request": source_request.pk if source_request else ""}


FOREIGN_ENTERPRISE = lambda c, f: f["enterprise"].slug  # noqa: E731
FOREIGN_REQUEST = lambda c, f: f["support_request"].pk  # noqa: E731

ATTEMPTS = {
    # A representative and another enterprise
    "edit another enterprise": Attempt(
        "representative", "post", u("enterprises:update", slug=FOREIGN_ENTERPRISE),
        data=lambda c, f: {"name": "Kapad", "organisation_number": f["enterprise"].organisation_number,
                           "legal_form": "ekonomisk_forening", "kind": "asf", "locality": "kungshamn",
                           "short_description": "Kapad"}),
    "open another enterprise's edit form": Attempt("representative", "get", u("enterprises:update",
                                                                              slug=FOREIGN_ENTERPRISE)),
    "start a check of another enterprise": Attempt("representative", "post", u("enterprises:check_start",
                                                                               slug=FOREIGN_ENTERPRISE)),
    "fill another enterprise's check": Attempt(
        "representative", "post", u("enterprises:check_fill", slug=FOREIGN_ENTERPRISE),
        data=lambda c, f: {f"statement_{n}": "Kapad" for n in range(1, 5)} | {"submit_check": "1"},
        watched=lambda c, f: [f["open_check"], *f["open_check"].assessments.all()]),
    "confirm one's own claim": Attempt(
        "representative", "post", u("enterprises:representation_decide", pk=lambda c, f: f["own_claim"].pk),
        data=lambda c, f: {"decision": "confirm"}, watched=lambda c, f: [f["own_claim"]]),
    "confirm someone else's claim": Attempt(
        "representative", "post", u("enterprises:representation_decide", pk=lambda c, f: c["claim"].pk),
        data=lambda c, f: {"decision": "confirm"}, watched=lambda c, f: [c["claim"]]),
    "unpublish another enterprise": Attempt("representative", "post", u("enterprises:unpublish",
                                                                        slug=FOREIGN_ENTERPRISE),
                                            data=lambda c, f: {"reason": "Kapad"}),
    "apply on behalf of another enterprise": Attempt(
        "representative", "post", lambda c, f: reverse("support:request_create"),
        data=lambda c, f: request_data(f["enterprise"]), expect=FORM_ERROR, error_field="enterprise"),
    "move one's draft to another enterprise": Attempt(
        "representative", "post", u("support:request_update", pk=lambda c, f: c["support_draft"].pk),
        data=lambda c, f: request_data(f["enterprise"]), expect=FORM_ERROR, error_field="enterprise",
        watched=lambda c, f: [c["support_draft"], *f.values()]),
    "edit another applicant's draft": Attempt(
        "representative", "post", u("support:request_update", pk=lambda c, f: f["draft"].pk),
        data=lambda c, f: request_data(c["enterprise"])),
    "read another applicant's request": Attempt("representative", "get", u("support:request_detail",
                                                                           pk=FOREIGN_REQUEST)),
    "read another applicant's receipt": Attempt("representative", "get", u("support:request_receipt",
                                                                           pk=FOREIGN_REQUEST)),
    "export another applicant's request": Attempt("representative", "get", u("support:request_export",
                                                                             pk=FOREIGN_REQUEST)),
    "write in another applicant's request": Attempt(
        "representative", "post", u("support:request_detail", pk=FOREIGN_REQUEST),
        data=lambda c, f: {"body": "Intrång"}),
    "withdraw another applicant's request": Attempt(
        "representative", "post", u("support:request_transition", pk=FOREIGN_REQUEST, move=lambda c, f: "withdraw"),
        data=lambda c, f: {"comment": "Intrång"}),
    "submit another applicant's draft": Attempt(
        "representative", "post", u("support:request_transition", pk=lambda c, f: f["draft"].pk,
                                    move=lambda c, f: "submit")),
    # An official of department A and department B's things
    "open another department's request": Attempt("official", "get", u("support:request_detail",
                                                                      pk=FOREIGN_REQUEST)),
    "decide another department's request": Attempt(
        "official", "post", u("support:request_transition", pk=FOREIGN_REQUEST, move=lambda c, f: "decide"),
        data=lambda c, f: {"outcome": "granted", "outcome_reason": "Intrång", "comment": "x"}),
    "forward another department's request": Attempt(
        "official", "post", u("support:request_transition", pk=FOREIGN_REQUEST, move=lambda c, f: "forward"),
        data=lambda c, f: {"forwarded_to": "Intrång", "comment": "x"}),
    "set another department's decision date": Attempt(
        "official", "post", u("support:request_decision_due", pk=FOREIGN_REQUEST),
        data=lambda c, f: {"decision_due": "2030-01-01"}),
    "note in another department's request": Attempt(
        "official", "post", u("support:request_detail", pk=FOREIGN_REQUEST),
        data=lambda c, f: {"body": "Intrång", "internal": "on"}),
    "export another department's request": Attempt("official", "get", u("support:request_export",
                                                                        pk=FOREIGN_REQUEST)),
    "edit another department's agreement": Attempt(
        "official", "post", u("support:agreement_update", pk=lambda c, f: f["agreement"].pk),
        data=lambda c, f: agreement_data(c, f["department"], f["enterprise"])),
    "record an agreement for another department": Attempt(
        "official", "post", lambda c, f: reverse("support:agreement_create"),
        data=lambda c, f: agreement_data(c, f["department"], f["enterprise"]),
        expect=FORM_ERROR, error_field="department"),
    "move one's agreement to another department": Attempt(
        "official", "post", u("support:agreement_update", pk=lambda c, f: c["support_agreement"].pk),
        data=lambda c, f: agreement_data(c, f["department"], c["enterprise"]),
        expect=FORM_ERROR, error_field="department", watched=lambda c, f: [c["support_agreement"], *f.values()]),
    "link an agreement to another department's request": Attempt(
        "official", "post", lambda c, f: reverse("support:agreement_create"),
        data=lambda c, f: agreement_data(c, c["support_request"].department, c["enterprise"],
                                         source_request=f["support_request"]),
        expect=FORM_ERROR, error_field="source_request"),
    "open another department's report for editing": Attempt(
        "official", "get", u("policy_reports:report_edit", pk=lambda c, f: f["report"].pk)),
    "edit another department's report": Attempt(
        "official", "post", u("policy_reports:report_edit", pk=lambda c, f: f["report"].pk),
        data=lambda c, f: {"description": "Kapad", "action": "submit"}),
    "return another department's report": Attempt(
        "official", "post", u("policy_reports:report_return", pk=lambda c, f: f["report"].pk),
        data=lambda c, f: {"comment": "Kapad"}),
}
CREATED = (Enterprise, Representation, DefinitionCheck, SupportRequest, Message, Agreement, DepartmentReport)


@pytest.fixture
def targets(ctx, foreign, user_for):
    """The foreign objects, plus an open check of the foreign enterprise and
    the attacker's own pending claim on it."""
    open_check = make_check(foreign["enterprise"], "draft")
    own_claim = RepresentationFactory(user=user_for("representative"), enterprise=foreign["enterprise"],
                                      status=Representation.Status.PENDING)
    return {**foreign, "open_check": open_check, "own_claim": own_claim}


@pytest.mark.parametrize("attempt", sorted(ATTEMPTS))
def test_changing_an_id_reaches_nothing_of_others(attempt, ctx, targets, client_as):
    spec = ATTEMPTS[attempt]
    watched = spec.watched(ctx, targets)
    before = snapshot(*watched)
    counts = {model: model.objects.count() for model in CREATED}
    client = client_as(spec.actor)
    url = spec.url(ctx, targets)
    response = getattr(client, spec.method)(url, spec.data(ctx, targets))
    if spec.expect == REFUSED:
        assert response.status_code in (403, 404), f"{spec.method.upper()} {url}: {response.status_code}"
    else:
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert spec.error_field in response.context["form"].errors
    assert snapshot(*watched) == before
    assert {model: model.objects.count() for model in CREATED} == counts


def test_the_agreement_form_does_not_prefill_another_departments_request(ctx, foreign, client_as):
    response = client_as("official").get(reverse("support:agreement_create"),
                                         {"request": foreign["support_request"].pk})
    assert response.status_code == 200
    assert foreign["support_request"].subject not in response.content.decode()
    assert response.context["form"].initial.get("source_request") is None


def test_a_representative_sees_only_their_own_enterprises_in_the_request_form(ctx, foreign, client_as):
    form = client_as("representative").get(reverse("support:request_create")).context["form"]
    assert list(form.fields["enterprise"].queryset) == [ctx["enterprise"]]


# The same requests with the actor's own objects succeed: the refusals
# above come from the ids, not from broken test data.
CONTROLS = {
    "apply on behalf of one's own enterprise": (
        "representative", lambda c: reverse("support:request_create"), lambda c: request_data(c["enterprise"])),
    "record an agreement for one's own department": (
        "official", lambda c: reverse("support:agreement_create"),
        lambda c: agreement_data(c, c["support_request"].department, c["enterprise"],
                                 source_request=c["support_request"])),
    "decide one's own department's request": (
        "official", lambda c: reverse("support:request_transition", kwargs={"pk": c["support_request"].pk,
                                                                           "move": "decide"}),
        lambda c: {"outcome": "granted", "outcome_reason": "Vi hjälper till.", "comment": "x"}),
    "write in one's own request": (
        "representative", lambda c: reverse("support:request_detail", kwargs={"pk": c["support_request"].pk}),
        lambda c: {"body": "Hej"}),
}


@pytest.mark.parametrize("control", sorted(CONTROLS))
def test_the_same_request_with_ones_own_ids_succeeds(control, ctx, client_as):
    actor, url, data = CONTROLS[control]
    response = client_as(actor).post(url(ctx), data(ctx))
    assert response.status_code == 302, response.context and response.context["form"].errors
