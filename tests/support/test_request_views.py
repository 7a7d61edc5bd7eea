"""Applying, following and handling a request through the pages, with
object-level permissions for every role."""


from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from support.constants import RequestState
from support.models import Message, RequestAttachment, SupportRequest
from tests.factories import DepartmentFactory, UserFactory
from tests.support.factories import (
    EnterpriseFactory,
    MessageFactory,
    RepresentationFactory,
    SupportRequestFactory,
    support_kind,
)

pytestmark = pytest.mark.django_db

SECRET = "Internt: ring Arbetsförmedlingen först."
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="budget.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def application(**overrides):
    data = {
        "kind": support_kind().pk,
        "enterprise": "",
        "subject": "Starta ett arbetskooperativ",
        "description": "Vi är fyra personer med en idé.",
        "hoped_outcome": "Råd om företagsform.",
    }
    return {**data, **overrides}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Applying ---------------------------------------------------------------------------

def test_a_person_planning_to_start_applies_and_gets_a_receipt(client_as, applicant,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("representative").post(reverse("support:request_create"),
                                                     {**application(), "submit": "1"})
    support_request = SupportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("support:request_receipt", kwargs={"pk": support_request.pk})
    assert support_request.state == RequestState.SUBMITTED
    assert support_request.enterprise is None
    assert support_request.reference == f"STOD-{timezone.localdate().year}-0001"
    receipt = client_as("representative").get(response["Location"]).content.decode()
    assert support_request.reference in receipt
    assert [applicant.email] in [m.to for m in mail.outbox]


def test_a_representative_applies_for_their_enterprise(client_as, applicant):
    enterprise = EnterpriseFactory()
    RepresentationFactory(user=applicant, enterprise=enterprise)
    client_as("representative").post(reverse("support:request_create"),
                                     {**application(enterprise=enterprise.pk), "submit": "1"})
    assert SupportRequest.objects.get().enterprise == enterprise


@pytest.mark.parametrize("status", ["pending", None])
def test_no_applying_for_an_enterprise_one_does_not_confirmedly_represent(status, client_as, applicant):
    enterprise = EnterpriseFactory()
    if status:
        RepresentationFactory(user=applicant, enterprise=enterprise, status=status)
    response = client_as("representative").post(reverse("support:request_create"),
                                                 {**application(enterprise=enterprise.pk), "submit": "1"})
    assert response.status_code == 200
    assert "enterprise" in response.context["form"].errors
    assert not SupportRequest.objects.exists()


def test_a_draft_is_saved_and_finished_later(client_as, applicant):
    client = client_as("representative")
    client.post(reverse("support:request_create"),
                {**application(description="", hoped_outcome=""), "save": "1", "attachments": pdf()})
    draft = SupportRequest.objects.get()
    assert (draft.state, draft.reference, draft.submitted_at) == (RequestState.DRAFT, "", None)
    assert draft.attachments.count() == 1
    # Submitting without the required parts is refused and changes nothing.
    response = client.post(reverse("support:request_update", kwargs={"pk": draft.pk}),
                           {**application(description="", hoped_outcome=""), "submit": "1"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"description", "hoped_outcome"}
    draft.refresh_from_db()
    assert draft.state == RequestState.DRAFT
    response = client.post(reverse("support:request_update", kwargs={"pk": draft.pk}),
                           {**application(), "submit": "1"})
    draft.refresh_from_db()
    assert draft.state == RequestState.SUBMITTED
    assert draft.reference


def test_a_submitted_request_can_no_longer_be_edited(client_as, make_request):
    support_request = make_request("submitted")
    url = reverse("support:request_update", kwargs={"pk": support_request.pk})
    assert client_as("representative").get(url).status_code == 403
    assert client_as("representative").post(url, {**application(), "save": "1"}).status_code == 403


def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_saved(client_as, settings):
    script = SimpleUploadedFile("budget.pdf", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf")
    response = client_as("representative").post(reverse("support:request_create"),
                                                 {**application(), "submit": "1", "attachments": script})
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert not SupportRequest.objects.exists()
    assert not RequestAttachment.objects.exists()


def test_an_inactive_kind_cannot_be_chosen(client_as):
    kind = support_kind("lokaler")
    kind.is_active = False
    kind.save()
    response = client_as("representative").post(reverse("support:request_create"),
                                                 {**application(kind=kind.pk), "submit": "1"})
    assert "kind" in response.context["form"].errors
    assert not SupportRequest.objects.exists()


# Object-level permissions ------------------------------------------------------------

DETAIL_ACCESS = {
    "anonymous": False,
    "representative": True,  # the applicant
    "official": True,  # of the request's department
    "coordinator": True,
    "administrator": True,
}


@pytest.mark.parametrize("role,allowed", DETAIL_ACCESS.items())
def test_who_sees_a_request(role, allowed, client_as, make_request):
    support_request = make_request("in_progress")
    response = client_as(role).get(support_request.get_absolute_url())
    assert (response.status_code == 200) is allowed
    if not allowed:
        assert response.status_code == 302 and "logga-in" in response["Location"]


def test_an_official_of_another_department_and_another_applicant_are_refused(make_request):
    support_request = make_request("in_progress")
    outsider = UserFactory(departments=[DepartmentFactory(name="Sektor omsorg")])
    other_applicant = UserFactory()
    for user in (outsider, other_applicant):
        client = client_for(user)
        for name in ("request_detail", "request_export", "request_receipt"):
            assert client.get(reverse(f"support:{name}", kwargs={"pk": support_request.pk})).status_code == 403
        assert client.post(support_request.get_absolute_url(), {"body": "Hej"}).status_code == 403
    assert not Message.objects.exists()


def test_a_draft_is_private_to_its_applicant(client_as, make_request):
    draft = make_request("draft")
    assert client_as("representative").get(draft.get_absolute_url()).status_code == 200
    assert client_as("coordinator").get(draft.get_absolute_url()).status_code == 403
    assert client_as("official").get(draft.get_absolute_url()).status_code == 403


def test_my_requests_lists_only_my_own(client_as, make_request):
    mine = make_request("submitted")
    theirs = SupportRequestFactory(submitted=True)
    page = client_as("representative").get(reverse("support:my_requests")).content.decode()
    assert mine.reference in page
    assert theirs.reference not in page


# Internal notes never reach the applicant ---------------------------------------------

@pytest.fixture
def request_with_note(make_request, user_for):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    MessageFactory(request=support_request, author=support_request.applicant, body="Vår fråga.")
    MessageFactory(request=support_request, author=official, body=SECRET, is_internal=True)
    note = Message.objects.get(is_internal=True)
    RequestAttachment.objects.create(
        request=support_request, message=note, is_internal=True, file=pdf("intern.pdf"),
        original_name="intern.pdf", content_type="application/pdf", size=len(PDF), uploaded_by=official,
    )
    return support_request


def test_the_applicant_never_sees_internal_notes_on_the_page(client_as, request_with_note):
    applicant_page = client_as("representative").get(request_with_note.get_absolute_url()).content.decode()
    assert "Vår fråga." in applicant_page
    assert SECRET not in applicant_page
    assert "intern.pdf" not in applicant_page
    official_page = client_as("official").get(request_with_note.get_absolute_url()).content.decode()
    assert SECRET in official_page and "intern.pdf" in official_page


def test_the_applicant_never_gets_internal_notes_in_the_export(client_as, request_with_note):
    url = reverse("support:request_export", kwargs={"pk": request_with_note.pk})
    response = client_as("representative").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{request_with_note.reference}.txt"'
    text = response.content.decode()
    assert "Vår fråga." in text and SECRET not in text and "intern.pdf" not in text
    assert SECRET in client_as("official").get(url).content.decode()


def test_the_applicant_cannot_download_an_internal_attachment(client_as, request_with_note):
    attachment = RequestAttachment.objects.get()
    url = reverse("support:request_attachment", kwargs={"pk": request_with_note.pk, "attachment_pk": attachment.pk})
    assert client_as("representative").get(url).status_code == 404
    response = client_as("official").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF


def test_attachments_of_another_request_are_not_served(client_as, make_request, request_with_note):
    other = make_request("in_progress")
    attachment = RequestAttachment.objects.get()
    url = reverse("support:request_attachment", kwargs={"pk": other.pk, "attachment_pk": attachment.pk})
    assert client_as("official").get(url).status_code == 404


def test_the_applicant_cannot_post_an_internal_note(client_as, make_request):
    support_request = make_request("in_progress")
    client_as("representative").post(support_request.get_absolute_url(), {"body": "Hej", "internal": "on"})
    assert Message.objects.get().is_internal is False, "the field is not there for applicants"


# The conversation ---------------------------------------------------------------------

def test_the_official_writes_an_internal_note_with_an_attachment(client_as, make_request,
                                                                 django_capture_on_commit_callbacks):
    support_request = make_request("in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("official").post(support_request.get_absolute_url(),
                                              {"body": SECRET, "internal": "on", "attachments": pdf()})
    assert response.status_code == 302
    note = Message.objects.get()
    assert note.is_internal and note.attachments.get().is_internal
    assert mail.outbox == []


def test_an_empty_message_is_refused(client_as, make_request):
    support_request = make_request("in_progress")
    response = client_as("representative").post(support_request.get_absolute_url(), {"body": "  "})
    assert response.status_code == 200
    assert response.context["message_form"].errors
    assert not Message.objects.exists()


def test_no_messages_on_a_closed_request(client_as, make_request):
    support_request = make_request("closed")
    page = client_as("representative").get(support_request.get_absolute_url())
    assert page.context["message_form"] is None
    response = client_as("representative").post(support_request.get_absolute_url(), {"body": "Hallå?"})
    assert response.status_code == 403
    assert not Message.objects.exists()


# Moves through the pages ----------------------------------------------------------------

def transition_url(support_request, move):
    return reverse("support:request_transition", kwargs={"pk": support_request.pk, "move": move})


def test_the_official_decides_through_the_form(client_as, make_request, django_capture_on_commit_callbacks):
    support_request = make_request("in_progress")
    client = client_as("official")
    assert client.get(transition_url(support_request, "decide")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(transition_url(support_request, "decide"),
                               {"outcome": "granted", "outcome_reason": "Vi ordnar ett möte.", "comment": ""})
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert (support_request.state, support_request.outcome) == (RequestState.DECIDED, "granted")


def test_a_decision_without_a_reason_is_refused_with_a_message(client_as, make_request):
    support_request = make_request("in_progress")
    response = client_as("official").post(transition_url(support_request, "decide"), {"outcome": "granted"})
    assert response.status_code == 200
    assert "outcome_reason" in response.context["form"].errors
    support_request.refresh_from_db()
    assert support_request.state == RequestState.IN_PROGRESS


def test_an_illegal_move_through_the_page_is_refused_and_changes_nothing(client_as, make_request):
    support_request = make_request("submitted")
    client = client_as("official")
    response = client.post(transition_url(support_request, "close"), {"comment": "Stäng"}, follow=True)
    support_request.refresh_from_db()
    assert support_request.state == RequestState.SUBMITTED
    assert not support_request.events.exists()
    from support.workflow import MOVES

    assert MOVES.refusal_message(MOVES["close"], "submitted") in [str(m) for m in response.context["messages"]]


def test_the_applicant_withdraws_but_may_not_decide(client_as, make_request):
    support_request = make_request("assigned")
    client = client_as("representative")
    assert client.get(transition_url(support_request, "decide")).status_code == 403
    client.post(transition_url(support_request, "withdraw"), {"comment": "Löst på annat sätt."})
    support_request.refresh_from_db()
    assert support_request.state == RequestState.WITHDRAWN


def test_a_decided_request_cannot_be_withdrawn(client_as, make_request):
    support_request = make_request("decided")
    response = client_as("representative").post(transition_url(support_request, "withdraw"), {})
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.state == RequestState.DECIDED


def test_an_unknown_move_is_not_found(client_as, make_request):
    support_request = make_request("in_progress")
    assert client_as("official").get(transition_url(support_request, "approve")).status_code == 404


def test_the_coordinator_assigns_with_a_handler(client_as, make_request, user_for, department):
    support_request = make_request("submitted", department=None)
    official = user_for("official")
    client = client_as("coordinator")
    page = client.get(transition_url(support_request, "assign")).content.decode()
    assert str(official) in page
    client.post(transition_url(support_request, "assign"),
                {"department": department.pk, "handler": official.pk, "comment": ""})
    support_request.refresh_from_db()
    assert (support_request.state, support_request.handler) == (RequestState.ASSIGNED, official)


def test_the_handler_sets_a_decision_due_date(client_as, make_request):
    support_request = make_request("in_progress")
    url = reverse("support:request_decision_due", kwargs={"pk": support_request.pk})
    due = timezone.localdate() + timedelta(days=20)
    client_as("official").post(url, {"decision_due": due.isoformat()})
    support_request.refresh_from_db()
    assert support_request.decision_due == due
    response = client_as("official").post(url, {"decision_due": "2001-01-01"})
    assert "decision_due" in response.context["form"].errors
    support_request.refresh_from_db()
    assert support_request.decision_due == due
    assert client_as("representative").post(url, {"decision_due": ""}).status_code == 403


def test_the_detail_shows_the_applicant_only_their_own_moves(client_as, make_request):
    support_request = make_request("in_progress")
    applicant_moves = [m.name for m in client_as("representative").get(
        support_request.get_absolute_url()).context["moves"]]
    official_moves = [m.name for m in client_as("official").get(support_request.get_absolute_url()).context["moves"]]
    assert applicant_moves == ["withdraw"]
    assert set(official_moves) == {"assign_handler", "request_info", "forward", "decide"}


def test_submitting_an_incomplete_draft_from_its_page_names_what_is_missing(client_as, applicant):
    from django.utils.translation import gettext

    draft = SupportRequestFactory(applicant=applicant, description="", hoped_outcome="")
    response = client_as("representative").post(transition_url(draft, "submit"), {"comment": ""})
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert f"{gettext('description').capitalize()}: {gettext('This field is required.')}" in errors
    draft.refresh_from_db()
    assert draft.state == RequestState.DRAFT and draft.reference == ""


@pytest.mark.parametrize("role,target", [("representative", "support:my_requests"), ("official", "support:worklist"),
                                         ("coordinator", "support:worklist")])
def test_the_support_address_leads_each_role_to_their_list(role, target, client_as):
    response = client_as(role).get(reverse("support:home"))
    assert response.status_code == 302 and response["Location"] == reverse(target)
