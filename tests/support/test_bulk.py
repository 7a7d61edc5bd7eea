"""Bulk actions on the support work list: each selected request goes through
the workflow on its own; refused ones are listed with the reason, the others
proceed and leave their event and history row, as a single move does."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import OutboundEmail
from core.workflow import refusal_message
from support.constants import RequestState
from support.models import RequestEvent, SupportRequest
from support.workflow import MOVES
from tests.conftest import sv
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.browser import axe_violations
from tests.harness.dbstate import database_state
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

def bulk_url() -> str:
    return reverse("support:worklist_bulk")


def post_bulk(client, action, requests, **data):
    return client.post(bulk_url(), {"action": action, "requests": [r.pk for r in requests], **data}, follow=True)


def result_of(response):
    assert response.redirect_chain[-1][0] == reverse("support:worklist_bulk_result")
    return response.context["result"]


def shared_refusal(move, state) -> str:
    with translation.override("sv"):
        return refusal_message(move, RequestState(state).label)


def refusals(result) -> dict[str, str]:
    return {refusal.reference: refusal.reason for refusal in result.refused}


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def colleague(department):
    return UserFactory(username="kollega", first_name="Karin", last_name="Berg", departments=[department])


# Assign to a department (the coordinator) -----------------------------------------------

def test_the_coordinator_assigns_the_selection_and_a_refused_row_is_listed(client_as, user_for, other_department,
                                                                          django_capture_on_commit_callbacks):
    coordinator = user_for("coordinator")
    first, second = SupportRequestFactory(submitted=True), SupportRequestFactory(submitted=True)
    waiting = SupportRequestFactory(waiting=True)
    client = client_as("coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_bulk(client, "assign_department", [first, waiting, second], department=other_department.pk)

    result = result_of(response)
    assert result.changed == [first.reference, second.reference]
    shared = shared_refusal(MOVES["assign"], RequestState.WAITING)
    assert refusals(result) == {waiting.reference: shared}
    page = response.content.decode()
    assert "2 ärenden ändrades." in page and "1 ärende kunde inte ändras." in page
    assert shared.startswith("”Fördela”") and shared in page

    for support_request in (first, second):
        support_request.refresh_from_db()
        assert support_request.state == RequestState.ASSIGNED
        assert support_request.department == other_department
        event = RequestEvent.objects.get(request=support_request)
        assert (event.move, event.from_state, event.to_state, event.actor) == (
            "assign", RequestState.SUBMITTED, RequestState.ASSIGNED, coordinator)
        latest = support_request.history.latest()
        assert latest.history_change_reason == "assign" and latest.department_id == other_department.pk
    waiting_before = waiting.state
    waiting.refresh_from_db()
    assert waiting.state == waiting_before and waiting.department_id != other_department.pk
    assert not RequestEvent.objects.filter(request=waiting).exists()
    assert waiting.history.count() == 1


def test_an_official_cannot_assign_to_a_department(client_as, department, other_department):
    own = SupportRequestFactory(assigned=True, department=department)
    client = client_as("official")
    before = database_state()
    response = client.post(bulk_url(), {"action": "assign_department", "requests": [own.pk],
                                        "department": other_department.pk})
    assert response.status_code == 403
    assert database_state() == before


# Assign to a handler in my department (the official) ------------------------------------

def test_an_official_assigns_a_handler_and_other_departments_requests_are_refused(
        client_as, user_for, department, colleague, django_capture_on_commit_callbacks):
    official = user_for("official")
    assigned = SupportRequestFactory(assigned=True, department=department)
    in_progress = SupportRequestFactory(in_progress=True, department=department, handler=official)
    decided = SupportRequestFactory(decided=True, department=department, handler=official)
    elsewhere = SupportRequestFactory(in_progress=True, department=DepartmentFactory(name="Sektor omsorg"))
    client = client_as("official")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_bulk(client, "assign_handler", [assigned, in_progress, decided, elsewhere],
                             handler=colleague.pk)

    result = result_of(response)
    assert result.changed == [assigned.reference, in_progress.reference]
    reasons = refusals(result)
    assert reasons[decided.reference] == shared_refusal(MOVES["assign_handler"], RequestState.DECIDED)
    # Not named: the official may not see it.
    assert reasons[str(elsewhere.pk)] == sv("You may not see this request.")
    assert elsewhere.reference not in response.content.decode()

    for support_request, from_state in ((assigned, RequestState.ASSIGNED), (in_progress, RequestState.IN_PROGRESS)):
        support_request.refresh_from_db()
        assert support_request.handler == colleague
        assert support_request.state == RequestState.ASSIGNED
        event = RequestEvent.objects.get(request=support_request, move="assign_handler")
        assert (event.from_state, event.to_state, event.actor) == (from_state, RequestState.ASSIGNED, official)
        latest = support_request.history.latest()
        assert latest.history_change_reason == "assign_handler" and latest.handler_id == colleague.pk
    for untouched in (decided, elsewhere):
        state, handler_id = untouched.state, untouched.handler_id
        untouched.refresh_from_db()
        assert (untouched.state, untouched.handler_id) == (state, handler_id)
        assert not RequestEvent.objects.filter(request=untouched).exists()


def test_the_specific_reason_is_given_when_the_handler_already_handles_it(client_as, department, colleague):
    already = SupportRequestFactory(assigned=True, department=department, handler=colleague)
    response = post_bulk(client_as("official"), "assign_handler", [already], handler=colleague.pk)
    result = result_of(response)
    assert result.changed == []
    assert refusals(result) == {already.reference: "Karin Berg handlägger redan ärendet."}
    assert not RequestEvent.objects.filter(request=already).exists()


def test_the_coordinator_cannot_pick_a_handler_outside_their_departments(client_as, department, colleague):
    request = SupportRequestFactory(assigned=True, department=department)
    client = client_as("coordinator")
    before = database_state()
    response = client.post(bulk_url(), {"action": "assign_handler", "requests": [request.pk],
                                        "handler": colleague.pk})
    assert response.status_code == 403
    assert database_state() == before


# Export -----------------------------------------------------------------------------------

@pytest.mark.parametrize("action,content_type", [("export_csv", "text/csv"),
                                                 ("export_xlsx", "application/vnd.openxmlformats")])
def test_an_official_exports_only_the_selected_requests_they_may_see(client_as, department, action, content_type):
    chosen = SupportRequestFactory(in_progress=True, department=department, subject="Vald")
    not_chosen = SupportRequestFactory(in_progress=True, department=department, subject="Inte vald")
    elsewhere = SupportRequestFactory(in_progress=True, department=DepartmentFactory(), subject="Annan sektor")
    response = client_as("official").post(bulk_url(), {"action": action, "requests": [chosen.pk, elsewhere.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    if action == "export_csv":
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        references = [row[0] for row in csv.reader(io.StringIO(body), delimiter=";")][1:]
        assert references == [chosen.reference]
        assert not_chosen.reference not in body and elsewhere.reference not in body


# Who may post, and bad input ---------------------------------------------------------------

@pytest.mark.parametrize("action", ["assign_department", "assign_handler", "export_csv", "export_xlsx"])
def test_a_representative_cannot_post_any_bulk_action(client_as, applicant, department, action):
    own = SupportRequestFactory(applicant=applicant, submitted=True)
    client = client_as("representative")
    before = database_state()
    response = client.post(bulk_url(), {"action": action, "requests": [own.pk], "department": department.pk,
                                        "handler": applicant.pk})
    assert response.status_code == 403
    assert database_state() == before


def test_the_bulk_url_takes_no_get(client_as):
    assert client_as("official").get(bulk_url()).status_code == 405


@pytest.mark.parametrize("data,message", [
    ({"action": "assign_department", "department": "DEPT"}, "Markera minst ett ärende."),
    ({"action": "assign_department", "requests": ["x"], "department": "DEPT"},
     "Markeringen är ogiltig. Markera ärendena igen."),
    ({"requests": ["REQ"], "department": "DEPT"}, "Välj vad som ska göras med de markerade ärendena."),
    ({"action": "delete_all", "requests": ["REQ"]}, "Välj vad som ska göras med de markerade ärendena."),
    ({"action": "assign_department", "requests": ["REQ"], "department": "999999"}, "Välj en aktiv förvaltning."),
    ({"action": "assign_department", "requests": ["REQ"], "department": "INACTIVE"}, "Välj en aktiv förvaltning."),
    ({"action": "assign_department", "requests": ["REQ"]}, "Välj en aktiv förvaltning."),
])
def test_bad_input_gives_a_swedish_message_and_changes_nothing(client_as, user_for, department, data, message):
    request = SupportRequestFactory(submitted=True)
    inactive = DepartmentFactory(name="Nedlagd sektor", is_active=False)
    replace = {"REQ": str(request.pk), "DEPT": str(department.pk), "INACTIVE": str(inactive.pk)}
    data = {key: ([replace.get(v, v) for v in value] if isinstance(value, list) else replace.get(value, value))
            for key, value in data.items()}
    client = client_as("coordinator")
    before = database_state()
    response = client.post(bulk_url(), {**data, "next": reverse("support:worklist") + "?lista=unassigned"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("support:worklist") + "?lista=unassigned"
    assert messages_of(response) == [message]
    assert database_state() == before


def test_an_unknown_handler_is_refused_before_anything_changes(client_as, department):
    request = SupportRequestFactory(assigned=True, department=department)
    stranger = UserFactory(username="utomstaende", departments=[DepartmentFactory()])
    client = client_as("official")
    before = database_state()
    for handler in (stranger.pk, 999999, ""):
        response = client.post(bulk_url(), {"action": "assign_handler", "requests": [request.pk],
                                            "handler": handler}, follow=True)
        assert messages_of(response) == ["Välj en handläggare i din förvaltning."]
    assert database_state() == before


def test_the_back_link_never_leaves_the_work_list(client_as):
    response = client_as("coordinator").post(bulk_url(), {"action": "", "next": "https://evil.example/"})
    assert response["Location"] == reverse("support:worklist")


def test_the_result_page_without_an_action_says_so(client_as):
    response = client_as("official").get(reverse("support:worklist_bulk_result"))
    assert response.status_code == 200
    assert "Det finns ingen massåtgärd att redovisa." in response.content.decode()


# The work list with checkboxes --------------------------------------------------------------

def test_every_row_has_a_labelled_checkbox_and_the_form_is_labelled(client_as, department, colleague):
    requests = [SupportRequestFactory(assigned=True, department=department) for _ in range(3)]
    page = client_as("official").get(reverse("support:worklist"), {"lista": "department"}).content.decode()
    for support_request in requests:
        assert f'name="requests" value="{support_request.pk}" id="select-{support_request.pk}"' in page
        assert f'<label class="visually-hidden" for="select-{support_request.pk}">Markera ' \
               f'{support_request.reference}</label>' in page
    assert 'id="bulk-form" aria-labelledby="bulk-heading"' in page
    assert 'aria-live="polite"' in page and 'data-other="%(count)s ärenden markerade"' in page
    assert "Markera alla på sidan" in page
    assert 'value="assign_handler"' in page and "Karin Berg" in page
    assert 'value="assign_department"' not in page  # only the coordinator assigns departments


def add_requests(department, handler):
    def add(count):
        SupportRequestFactory.create_batch(count, in_progress=True, department=department, handler=handler)
    return add


def test_the_official_work_list_with_checkboxes_has_a_fixed_query_count(client_as, user_for, department, colleague):
    client = client_as("official")
    assert_fixed_query_count(
        lambda: client.get(reverse("support:worklist"), {"lista": "department"}),
        add_requests(department, user_for("official")),
        sizes=(5, 25),
    )
    page = client.get(reverse("support:worklist"), {"lista": "department"}).content.decode()
    assert page.count('class="form-check-input bulk-select"') == 25


def test_the_coordinator_work_list_with_checkboxes_has_a_fixed_query_count(client_as, user_for, department):
    client = client_as("coordinator")
    assert_fixed_query_count(
        lambda: client.get(reverse("support:worklist"), {"lista": "all"}),
        add_requests(department, user_for("official")),
        sizes=(5, 25),
    )
    page = client.get(reverse("support:worklist"), {"lista": "all"}).content.decode()
    assert page.count('class="form-check-input bulk-select"') == 25
    assert f'<option value="{department.pk}">{department.name}</option>' in page


def test_a_bulk_assignment_emails_as_a_single_move_does(client_as, other_department,
                                                         django_capture_on_commit_callbacks):
    request = SupportRequestFactory(submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        post_bulk(client_as("coordinator"), "assign_department", [request], department=other_department.pk)
    assert OutboundEmail.objects.filter(user=request.applicant, kind="support.state_changed").count() == 1
    assert SupportRequest.objects.get(pk=request.pk).department == other_department


# In the browser --------------------------------------------------------------------------------

def assert_accessible(page, label: str) -> None:
    count, report = axe_violations(page)
    assert count == 0, f"{label}: {count} WCAG 2.1 AA violation(s)\n{report}"
    assert page.console_errors == [], f"{label}: console errors {page.console_errors}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_official_selects_with_the_keyboard_and_assigns_a_handler(page_as, user_for, department):
    official = user_for("official")
    colleague = UserFactory(username="kollega", first_name="Karin", last_name="Berg", departments=[department])
    first = SupportRequestFactory(assigned=True, department=department)
    second = SupportRequestFactory(assigned=True, department=department)
    waiting = SupportRequestFactory(waiting=True, department=department, handler=official)
    page = page_as(official)
    page.goto(reverse("support:worklist") + "?lista=department")
    caption = page.locator("#bulk-count")
    assert caption.get_attribute("aria-live") == "polite"
    assert caption.inner_text() == "0 ärenden markerade"

    # "Select all" with the space bar, then one row off again, by keyboard only.
    page.get_by_label("Markera alla på sidan").focus()
    page.keyboard.press("Space")
    assert caption.inner_text() == "3 ärenden markerade"
    page.get_by_label(f"Markera {second.reference}").focus()
    page.keyboard.press("Space")
    assert caption.inner_text() == "2 ärenden markerade"
    assert page.get_by_label("Markera alla på sidan").evaluate("box => box.indeterminate")
    page.get_by_label(f"Markera {first.reference}").focus()
    page.keyboard.press("Space")
    assert caption.inner_text() == "1 ärende markerat"
    page.keyboard.press("Space")
    assert caption.inner_text() == "2 ärenden markerade"
    assert_accessible(page, "work list with a selection")

    page.get_by_label("Handläggare i din förvaltning").select_option(str(colleague.pk))
    page.get_by_role("button", name="Fördela till handläggaren").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Resultat av massåtgärden"
    assert "1 ärende ändrades." in page.locator("main").inner_text()
    refused = page.get_by_role("table").inner_text()
    assert waiting.reference in refused
    assert shared_refusal(MOVES["assign_handler"], RequestState.WAITING) in refused
    assert_accessible(page, "bulk result")
    first.refresh_from_db()
    waiting.refresh_from_db()
    second.refresh_from_db()
    assert first.handler == colleague
    assert waiting.handler == official and waiting.state == RequestState.WAITING
    assert second.handler is None
