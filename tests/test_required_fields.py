"""Every required field of every form is marked (WCAG 3.3.2): the control
carries ``required`` or ``aria-required="true"``, its label (or the legend
of its group) shows the asterisk, and the page explains the asterisk.

The pages are every page of the accessibility harness, every URL of the
permission matrix that an allowed role gets as an HTML page, and the form
of every support workflow move. "Required" is what the form class says:
``field.required``, or a field it marks as required to submit (a draft may
leave it empty, see ``core.forms.mark_required``)."""

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django import forms
from django.forms.formsets import BaseFormSet
from django.urls import reverse

from enterprises.constants import Criterion
from policy_reports.forms import ReportForm
from support.forms.requests import SupportRequestForm
from support.workflow import MOVES
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.harness.test_accessibility import CONTEXT_BUILDERS
from tests.harness.test_accessibility import PAGES as ACCESSIBILITY_PAGES
from tests.harness.test_permission_matrix import MATRIX
from tests.support.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

MARKERS = ("*", "obligatorisk")
EXPLANATION = "obligatoriska"  # "Fält markerade med * är obligatoriska."
PREFERRED_ROLES = ("representative", "official", "coordinator", "anonymous", "administrator")

# The state a support request must be in for each move's form, and who makes it.
MOVE_STATES = {
    "submit": ("draft", "representative"), "assign": ("submitted", "coordinator"),
    "assign_handler": ("assigned", "official"), "start": ("assigned", "official"),
    "request_info": ("in_progress", "official"),
    "resume": ("waiting", "official"), "forward": ("in_progress", "official"),
    "record_answer": ("forwarded", "official"), "decide": ("in_progress", "official"),
    "close": ("decided", "official"), "withdraw": ("in_progress", "representative"),
}


# Downloads, files and API answers: no forms to mark (the test below proves
# every other page is HTML).
NOT_HTML = re.compile(r"^api[:_]|health$|export|_csv$|_xlsx$|_pdf$|attachment|evidence|download|_document$|_package$")


def _matrix_pages():
    pages = []
    for name, access in sorted(MATRIX.items()):
        if NOT_HTML.search(name):
            continue
        for role in PREFERRED_ROLES:
            if role in access.allowed and 200 in access.ok_for.get(role, access.ok):
                pages.append((role, name, access.kwargs))
                break
    return pages


def _move_pages():
    return [(role, "support:request_transition",
             lambda ctx, move=move: {"pk": ctx[f"request_{MOVE_STATES[move][0]}"].pk, "move": move})
            for move in MOVES for role in [MOVE_STATES[move][1]]]


def _unique(pages):
    seen, result = set(), []
    for role, name, kwargs in pages:
        code = getattr(kwargs, "__code__", None)
        key = (role, name, code and (code.co_consts, code.co_names, kwargs.__defaults__))
        if key not in seen:
            seen.add(key)
            result.append((role, name, kwargs))
    return result


PAGES = _unique([*ACCESSIBILITY_PAGES, *_matrix_pages(), *_move_pages()])


def request_per_state(*, user_for, department):
    official = user_for("official")
    own = official.departments.order_by("pk").first()
    on_desk = {"department": own, "handler": official, "applicant": user_for("representative")}
    context = {f"request_{state}": SupportRequestFactory(**{state: True}, **on_desk)
               for state in ("submitted", "assigned", "in_progress", "waiting", "forwarded", "decided")}
    context["request_draft"] = SupportRequestFactory(applicant=user_for("representative"))
    return context


@pytest.fixture
def ctx(department, user_for):
    context = {"department": department}
    for build in [*CONTEXT_BUILDERS, request_per_state]:
        context.update(build(user_for=user_for, department=department))
    return context


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def all_text(self) -> str:
        return "".join(self.text) + "".join(child.all_text() for child in self.children)

    def ancestor(self, tag):
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Tree(HTMLParser):
    """Just enough of a DOM: elements with attributes, parents and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("document", {}, None)
        self.current = self.root
        self.nodes = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.nodes.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.nodes.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)

    def controls(self, name: str):
        return [n for n in self.nodes if n.tag in ("input", "select", "textarea") and n.attrs.get("name") == name
                and n.attrs.get("type") != "hidden"]

    def label_for(self, element_id: str):
        return next((n for n in self.nodes if n.tag == "label" and n.attrs.get("for") == element_id), None)


def forms_in(context) -> list[forms.BaseForm]:
    found = {}
    for layer in context or []:
        for value in layer.flatten().values():
            candidates = [value]
            if isinstance(value, BaseFormSet):
                candidates = list(value.forms)
            for candidate in candidates:
                if isinstance(candidate, forms.BaseForm):
                    found[id(candidate)] = candidate
    return list(found.values())


def is_marked_required(field: forms.Field) -> bool:
    return field.required or field.widget.attrs.get("aria-required") == "true"


def marked(node) -> bool:
    return node is not None and any(marker in node.all_text() for marker in MARKERS)


def problems_on_page(response) -> tuple[list[str], int]:
    tree = Tree(response.content.decode())
    problems, checked = [], 0
    for form in forms_in(response.context):
        for bound in form.visible_fields():
            if not is_marked_required(bound.field):
                continue
            controls = tree.controls(bound.html_name)
            if not controls:
                continue  # a form in the context that the page does not show
            checked += 1
            label = f"{type(form).__name__}.{bound.name}"
            group = isinstance(bound.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))
            for control in controls:
                # Django leaves ``required`` off a required checkbox group (any one box will do):
                # its group says it instead.
                if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                    fieldset = control.ancestor("fieldset")
                    if fieldset is None or fieldset.attrs.get("aria-required") != "true" and not marked(
                            fieldset.children[0] if fieldset.children else None):
                        problems.append(f"{label}: checkbox group not marked required")
                elif "required" not in control.attrs and control.attrs.get("aria-required") != "true":
                    problems.append(f"{label}: <{control.tag}> has neither required nor aria-required")
            first = controls[0]
            caption = first.ancestor("fieldset") if group else tree.label_for(first.attrs.get("id", ""))
            caption = next((c for c in (caption.children if group and caption else []) if c.tag == "legend"),
                           caption)
            if not marked(caption):
                problems.append(f"{label}: its label has no required marker")
    if checked and EXPLANATION not in tree.root.all_text():
        problems.append("the page does not explain the required marker")
    return problems, checked


@pytest.mark.parametrize("role,name,kwargs", PAGES, ids=[f"{r}-{n}-{i}" for i, (r, n, _) in enumerate(PAGES)])
def test_required_fields_are_marked(role, name, kwargs, ctx, client_as):
    url = reverse(name, kwargs=kwargs(ctx) if kwargs else None)
    response = client_as(role).get(url)
    assert response.status_code == 200, f"{role} {url}: {response.status_code}"
    assert "text/html" in response["Content-Type"], f"{role} {url}: not HTML; add it to NOT_HTML"
    problems, _checked = problems_on_page(response)
    assert problems == [], f"{role} {url}:\n" + "\n".join(problems)


def _submission_needs_application(ctx, user_for):
    return SupportRequestForm(user=user_for("representative"), submitting=True)


def _submission_needs_check(ctx, user_for):
    return {f"statement_{n}" for n in Criterion.values}


def _enterprise_with_a_draft_check(ctx):
    enterprise = EnterpriseFactory(name="Hunnebostrands Återbruk ek. för.", slug="hunnebostrands-aterbruk")
    RepresentationFactory(user=ctx["user_for"]("representative"), enterprise=enterprise)
    make_check(enterprise, "draft", statements=False)
    return {"slug": enterprise.slug}


def _submission_needs_report(ctx, user_for):
    return ReportForm(portal={}, submitting=True, instance=ctx["report"])


# Forms that save a draft with gaps but refuse to submit it: the fields
# submitting needs are marked, though the form checks them only then.
DRAFT_FORMS = [
    ("representative", "support:request_create", lambda ctx: {}, _submission_needs_application),
    ("representative", "enterprises:check_fill", _enterprise_with_a_draft_check, _submission_needs_check),
    ("official", "policy_reports:report_edit", lambda ctx: {"pk": ctx["report"].pk}, _submission_needs_report),
]


@pytest.mark.parametrize("role,name,kwargs,needs", DRAFT_FORMS, ids=[row[1] for row in DRAFT_FORMS])
def test_draft_forms_mark_what_submitting_needs(role, name, kwargs, needs, ctx, client_as, user_for):
    """The issue's example: the application refused to submit without a
    description and a hope, yet did not mark them."""
    needed = needs(ctx, user_for)
    if isinstance(needed, forms.BaseForm):
        needed = {bound.name for bound in needed.visible_fields() if bound.field.required}
    assert needed
    response = client_as(role).get(reverse(name, kwargs=kwargs({**ctx, "user_for": user_for})))
    assert response.status_code == 200
    tree = Tree(response.content.decode())
    for field_name in sorted(needed):
        [control] = tree.controls(field_name)
        assert control.attrs.get("aria-required") == "true" or "required" in control.attrs, field_name
        assert marked(tree.label_for(control.attrs["id"])), field_name
    assert "Fält markerade med * är obligatoriska." in tree.root.all_text()
    problems, checked = problems_on_page(response)
    assert problems == [] and checked >= len(needed)


def test_the_checker_finds_an_unmarked_field(client_as):
    """The checker itself fails on a page that does not mark a required field."""
    class Probe(forms.Form):
        name = forms.CharField(label="Namn")

    form = Probe(use_required_attribute=False)
    response = SimpleNamespace(content=form.as_div().encode(),
                               context=[SimpleNamespace(flatten=lambda: {"form": form})])
    problems, checked = problems_on_page(response)
    assert checked == 1
    assert "Probe.name: <input> has neither required nor aria-required" in problems
    assert "Probe.name: its label has no required marker" in problems
    assert "the page does not explain the required marker" in problems
