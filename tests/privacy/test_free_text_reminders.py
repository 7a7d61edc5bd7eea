"""Every free-text field where people write about a case reminds them not to
write sensitive personal data or about individual participants."""

import pytest
from django.urls import reverse

from core.forms import PERSONAL_DATA_REMINDER
from support.forms.requests import MOVE_FORMS, MessageForm, TransitionForm
from support.workflow import MOVES
from tests.conftest import sv
from tests.enterprises.factories import registry_context
from tests.policy_reports.factories import policy_reports_context
from tests.support.factories import support_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(department, user_for):
    context = {"department": department}
    for build in (registry_context, policy_reports_context, support_context):
        context.update(build(user_for=user_for, department=department))
    return context


def request_kwargs(ctx):
    return {"pk": ctx["support_request"].pk}


# (role, url name, kwargs, how many free-text fields the page has)
PAGES = [
    ("representative", "support:request_create", None, 2),  # description, hoped outcome
    ("official", "support:request_detail", request_kwargs, 1),  # the message
    ("official", "support:request_transition", lambda c: {"pk": c["support_request"].pk, "move": "decide"}, 2),
    ("official", "support:request_transition", lambda c: {"pk": c["support_request"].pk, "move": "request_info"}, 1),
    ("official", "support:request_transition", lambda c: {"pk": c["support_request"].pk, "move": "forward"}, 1),
    ("official", "support:agreement_create", None, 1),
    ("official", "support:agreement_update", lambda c: {"pk": c["support_agreement"].pk}, 1),
    ("coordinator", "enterprises:check_review", lambda c: {"slug": c["enterprise"].slug, "pk": c["check"].pk}, 5),
    ("representative", "enterprises:update", lambda c: {"slug": c["enterprise"].slug}, 1),
    ("coordinator", "enterprises:unpublish", lambda c: {"slug": c["enterprise"].slug}, 1),
    ("official", "policy_reports:report_edit", lambda c: {"pk": c["report"].pk}, 3),
    ("coordinator", "policy_reports:report_return", lambda c: {"pk": c["submitted_report"].pk}, 1),
    ("coordinator", "policy_reports:evidence_add",
     lambda c: {"pk": c["policy_version"].pk, "statement_pk": c["statement"].pk}, 1),
]


@pytest.mark.parametrize("role,name,kwargs,fields", PAGES, ids=[f"{n}-{f}" for _r, n, _k, f in PAGES])
def test_the_reminder_is_shown_at_each_free_text_field(role, name, kwargs, fields, ctx, client_as):
    response = client_as(role).get(reverse(name, kwargs=kwargs(ctx) if kwargs else None))
    assert response.status_code == 200
    assert response.content.decode().count(sv(str(PERSONAL_DATA_REMINDER))) == fields


@pytest.mark.parametrize("move", sorted(MOVES))
def test_every_workflow_move_reminds_at_its_texts(move, ctx):
    form = MOVE_FORMS.get(move, TransitionForm)(move=MOVES[move], support_request=ctx["support_request"])
    texts = [name for name in ("comment", "forward_answer", "outcome_reason") if name in form.fields]
    for name in texts:
        assert str(PERSONAL_DATA_REMINDER) in str(form.fields[name].help_text), (move, name)


def test_the_enterprises_statements_carry_the_reminder(ctx):
    from enterprises.forms import CheckStatementsForm

    form = CheckStatementsForm(check=ctx["check"])
    statements = [name for name in form.fields if name.startswith("statement_")]
    assert len(statements) == 4
    for name in statements:
        assert str(PERSONAL_DATA_REMINDER) in str(form.fields[name].help_text)


def test_the_message_form_reminds_applicants_too():
    form = MessageForm(may_write_internal=False)
    assert str(PERSONAL_DATA_REMINDER) in str(form.fields["body"].help_text)
