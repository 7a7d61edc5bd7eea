"""A department official hands one request to a colleague from the
request's page (the workflow's ``assign_handler``, also the bulk action's)."""

import pytest
from django.core import mail
from django.urls import reverse

from support.models import RequestEvent
from tests.conftest import sv
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def transition_url(support_request):
    return reverse("support:request_transition", kwargs={"pk": support_request.pk, "move": "assign_handler"})


@pytest.fixture
def colleague(department):
    return UserFactory(username="kollega", first_name="Karin", last_name="Berg", email="karin@example.se",
                       departments=[department])


def test_the_official_hands_the_request_to_a_colleague(client_as, user_for, make_request, applicant, colleague,
                                                       django_capture_on_commit_callbacks):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    client = client_as("official")

    detail = client.get(support_request.get_absolute_url())
    assert transition_url(support_request) in detail.content.decode()
    page = client.get(transition_url(support_request))
    choices = dict(page.context["form"].fields["handler"].choices)
    assert str(colleague.pk) in choices and str(official.pk) not in choices, "the present handler is not offered"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(transition_url(support_request), {"handler": colleague.pk, "comment": ""})
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert (support_request.handler, support_request.state) == (colleague, "assigned")
    event = RequestEvent.objects.get(request=support_request)
    assert (event.move, event.actor) == ("assign_handler", official)
    assert colleague.email in [message.to[0] for message in mail.outbox]
    assert applicant.email in [message.to[0] for message in mail.outbox]


def test_no_handler_chosen_gets_a_swedish_message_and_changes_nothing(client_as, user_for, make_request, colleague):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    response = client_as("official").post(transition_url(support_request), {"handler": ""})
    assert response.status_code == 200
    assert sv("This field is required.") in response.content.decode()
    support_request.refresh_from_db()
    assert (support_request.handler, support_request.state) == (official, "in_progress")
    assert not RequestEvent.objects.filter(request=support_request).exists()


def test_an_official_of_another_department_is_refused(client_as, user_for, make_request, other_department):
    official = user_for("official")
    outsider = UserFactory(username="utomstaende", departments=[other_department])
    support_request = make_request("in_progress", handler=official)
    response = client_as("official").post(transition_url(support_request), {"handler": outsider.pk})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ." in response.content.decode()
    support_request.refresh_from_db()
    assert support_request.handler == official


def test_without_a_colleague_the_form_says_why_nobody_can_be_chosen(client_as, user_for, make_request):
    official = user_for("official")
    support_request = make_request("in_progress", handler=official)
    page = client_as("official").get(transition_url(support_request))
    assert list(page.context["form"].fields["handler"].choices) == [("", sv("Choose an official"))]
    assert sv("No other official of the department has an account in the portal yet. The system administrator "
              "adds officials to departments.") in page.content.decode()
