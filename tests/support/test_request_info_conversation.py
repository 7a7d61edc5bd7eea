"""The municipality's question ("request_info") is a message in the
conversation, where the applicant is asked to answer, and the answer goes
under it. Questions asked before this change are copied there by the
data migration 0004."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from core.models import OutboundEmail
from support.constants import RequestState
from support.models import Message, RequestEvent
from support.workflow import support_request_transition

pytestmark = pytest.mark.django_db

QUESTION = "Kan ni skicka er senaste verksamhetsberättelse?"
ANSWER = "Här kommer den, bifogad som text: vi omsatte 1,2 miljoner kronor."
migration = importlib.import_module("support.migrations.0004_request_info_questions_in_conversation")


def ask(client, support_request, comment=QUESTION):
    return client.post(
        reverse("support:request_transition", kwargs={"pk": support_request.pk, "move": "request_info"}),
        {"reply_by": (timezone.localdate() + timedelta(days=10)).isoformat(), "comment": comment},
    )


def conversation_html(response) -> str:
    html = response.content.decode()
    start = html.index('id="h-conversation"')
    return html[start:html.index('id="h-history"')]


def test_the_question_is_in_the_conversation_and_the_answer_goes_under_it(client_as, make_request, official,
                                                                          applicant):
    support_request = make_request("in_progress", handler=official)
    assert ask(client_as("official"), support_request).status_code == 302
    support_request.refresh_from_db()
    assert support_request.state == RequestState.WAITING

    [question] = Message.objects.filter(request=support_request)
    assert (question.body, question.author, question.is_internal) == (QUESTION, official, False)
    page = client_as("representative").get(support_request.get_absolute_url())
    conversation = conversation_html(page)
    assert QUESTION in conversation
    assert "Inga meddelanden ännu." not in conversation
    assert "Kommunen har bett dig om uppgifter" in conversation  # told to answer here

    detail = support_request.get_absolute_url()
    assert client_as("representative").post(detail, {"body": ANSWER}).status_code == 302
    support_request.refresh_from_db()
    assert support_request.state == RequestState.IN_PROGRESS  # the answer resumes handling
    assert list(Message.objects.filter(request=support_request).values_list("body", "author")) == [
        (QUESTION, official.pk), (ANSWER, applicant.pk)]
    conversation = conversation_html(client_as("official").get(detail))
    assert conversation.index(QUESTION) < conversation.index(ANSWER)


def test_the_applicant_gets_one_email_with_the_question(make_request, official, applicant,
                                                        django_capture_on_commit_callbacks):
    support_request = make_request("in_progress", handler=official)
    with django_capture_on_commit_callbacks(execute=True):
        support_request_transition(request_id=support_request.pk, move="request_info", actor=official,
                                   comment=QUESTION, data={"reply_by": timezone.localdate() + timedelta(days=5)})
    [email] = OutboundEmail.objects.filter(recipient=applicant.email)
    assert QUESTION in email.body


def test_a_refused_question_leaves_no_message(client_as, make_request, official):
    support_request = make_request("in_progress", handler=official)
    response = ask(client_as("official"), support_request, comment="")
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert not Message.objects.filter(request=support_request).exists()
    support_request.refresh_from_db()
    assert support_request.state == RequestState.IN_PROGRESS


def test_other_moves_leave_their_comment_in_the_history_only(make_request, official):
    support_request = make_request("in_progress", handler=official)
    support_request_transition(request_id=support_request.pk, move="forward", actor=official,
                               comment="Skickat vidare.", data={"forwarded_to": "Arbetsförmedlingen",
                                                                "forwarded_on": timezone.localdate()})
    assert not Message.objects.filter(request=support_request).exists()


def old_question(support_request, actor, comment=QUESTION, days_ago=3):
    """A question as the workflow recorded it before: only the event."""
    event = RequestEvent.objects.create(request=support_request, move="request_info", actor=actor,
                                        from_state=RequestState.IN_PROGRESS, to_state=RequestState.WAITING,
                                        comment=comment)
    asked = timezone.now() - timedelta(days=days_ago)
    RequestEvent.objects.filter(pk=event.pk).update(created_at=asked)
    return asked


def test_the_migration_copies_earlier_questions_into_the_conversation(client_as, make_request, official):
    waiting = make_request("waiting", handler=official)
    asked = old_question(waiting, official)
    answered_later = make_request("in_progress", handler=official)
    old_question(answered_later, official, comment="Vilka dagar kan ni ta emot?", days_ago=9)
    reply = Message.objects.create(request=answered_later, author=answered_later.applicant, body="Måndagar.")
    already_there = make_request("waiting", handler=official)
    old_question(already_there, official, comment="Finns det en budget?")
    Message.objects.create(request=already_there, author=official, body="Finns det en budget?")
    anonymised = make_request("closed", handler=official, anonymised_at=timezone.now())
    old_question(anonymised, official, comment="[borttaget]")
    no_comment = make_request("waiting", handler=official)
    old_question(no_comment, official, comment="")

    migration.questions_into_conversation(apps, None)

    [question] = Message.objects.filter(request=waiting)
    assert (question.body, question.author, question.is_internal, question.created_at) == (
        QUESTION, official, False, asked)
    assert QUESTION in conversation_html(client_as("representative").get(waiting.get_absolute_url()))
    # The earlier question now stands above the answer it got.
    assert list(Message.objects.filter(request=answered_later).values_list("body", flat=True)) == [
        "Vilka dagar kan ni ta emot?", reply.body]
    assert Message.objects.filter(request=already_there).count() == 1
    assert not Message.objects.filter(request__in=[anonymised, no_comment]).exists()

    migration.questions_into_conversation(apps, None)  # running it again adds nothing
    assert Message.objects.filter(request=waiting).count() == 1
