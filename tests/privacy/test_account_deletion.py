"""Delete my account: the person goes, the municipality's records stay."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from core.models import OutboundEmail
from enterprises.models import Representation
from sotenas_portal.privacy.erasure import account_delete
from support.constants import RequestState
from support.models import Message, RequestAttachment, SupportRequest
from tests.conftest import sv
from tests.factories import TEST_PASSWORD, UserFactory
from tests.privacy.conftest import person_with_data
from tests.support.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def official(department):
    return UserFactory(username="handlaggare", departments=[department])


@pytest.fixture
def person(official, department):
    return person_with_data("RADERA", official=official, department=department)


def delete_through_the_page(client, password=TEST_PASSWORD, confirm=True):
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("privacy:delete"), data)


def test_deleting_removes_the_person_and_keeps_the_records(client, person, official):
    user, support_request = person["user"], person["request"]
    other = person_with_data("KVAR", official=official)
    client.force_login(user)
    response = delete_through_the_page(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:deleted")

    user.refresh_from_db()
    assert user.username.startswith("raderad-") and user.username != "raderad-anvandare"
    assert (user.first_name, user.last_name, user.email) == ("", "", "")
    assert not user.is_active and not user.has_usable_password() and user.erased_at is not None
    assert str(user) == sv("Deleted user")
    assert not Representation.objects.filter(user=user).exists()
    assert not OutboundEmail.objects.filter(recipient__iexact="RADERA@example.org").exists()
    assert not AccessAttempt.objects.filter(username="person-RADERA").exists()
    # The account's own change history forgets the old name and address.
    assert not user.history.filter(first_name="FörnamnRADERA").exists()
    assert not user.history.filter(email="RADERA@example.org").exists()
    # The municipality's records are untouched and still point at the row.
    support_request.refresh_from_db()
    assert support_request.applicant_id == user.pk
    assert support_request.description == "Beskrivning RADERA"
    assert Message.objects.filter(request=support_request).count() == 3
    assert RequestAttachment.objects.filter(request=support_request).exists()
    # Nobody else is affected.
    other_user = other["user"]
    other_user.refresh_from_db()
    assert other_user.is_active and other_user.email == "KVAR@example.org"
    assert Representation.objects.filter(user=other_user).exists()
    assert OutboundEmail.objects.filter(recipient="KVAR@example.org").exists()
    assert AccessAttempt.objects.filter(username="person-KVAR").exists()


def test_the_deleted_person_is_signed_out_everywhere_and_cannot_sign_in(client, person):
    user = person["user"]
    elsewhere = Client()
    elsewhere.force_login(user)
    client.force_login(user)
    delete_through_the_page(client)
    for session in (client, elsewhere):
        response = session.get(reverse("accounts:overview"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    stranger = Client()
    response = stranger.post(reverse("accounts:login"), {"username": "person-RADERA", "password": TEST_PASSWORD})
    assert response.status_code == 200  # the sign-in form again, with an error
    assert "_auth_user_id" not in stranger.session


def test_pages_show_deleted_user_instead_of_the_name(client, person, official):
    client.force_login(person["user"])
    delete_through_the_page(client)
    client.force_login(official)
    content = client.get(reverse("support:request_detail", kwargs={"pk": person["request"].pk})).content.decode()
    assert "FörnamnRADERA" not in content
    assert sv("Deleted user") in content


def test_a_wrong_password_changes_nothing(client, person):
    user = person["user"]
    client.force_login(user)
    response = delete_through_the_page(client, password="fel-lösenord")
    assert response.status_code == 200
    assert sv("The password is not correct.") in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.username == "person-RADERA"


def test_the_confirmation_box_is_required(client, person):
    client.force_login(person["user"])
    response = delete_through_the_page(client, confirm=False)
    assert response.status_code == 200
    person["user"].refresh_from_db()
    assert person["user"].is_active


def test_an_account_without_a_password_confirms_with_the_box_only(client):
    user = UserFactory(username="oidc-person")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    assert b'name="password"' not in client.get(reverse("privacy:delete")).content
    response = client.post(reverse("privacy:delete"), {"confirm": "on"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.erased_at is not None


def test_erasure_unlinks_the_identity_provider_account(client):
    user = UserFactory(username="oidc-tjansteperson")
    user.oidc_subject = "sub-4711"
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    client.post(reverse("privacy:delete"), {"confirm": "on"})
    user.refresh_from_db()
    assert user.oidc_subject is None
    assert not user.history.filter(oidc_subject="sub-4711").exists()


def test_the_last_administrator_cannot_delete_their_account(client):
    admin = UserFactory(username="enda-admin", administrator=True)
    client.force_login(admin)
    page = client.get(reverse("privacy:delete")).content.decode()
    assert sv(
        "You are the only system administrator. Make someone else an administrator before you delete your account."
    ) in page
    response = delete_through_the_page(client)
    assert response.status_code == 200
    admin.refresh_from_db()
    assert admin.is_active and admin.is_superuser
    with pytest.raises(ValidationError):
        account_delete(user=admin)


def test_an_administrator_with_a_colleague_can_delete(client):
    UserFactory(username="kollega", administrator=True)
    admin = UserFactory(username="admin-som-slutar", administrator=True)
    client.force_login(admin)
    assert delete_through_the_page(client).status_code == 302
    admin.refresh_from_db()
    assert not admin.is_superuser and admin.erased_at is not None


def test_open_requests_block_the_deletion_with_their_references(client):
    user = UserFactory(username="pagaende")
    open_request = SupportRequestFactory(applicant=user, in_progress=True)
    client.force_login(user)
    response = delete_through_the_page(client)
    assert response.status_code == 200
    assert open_request.reference in response.content.decode()
    user.refresh_from_db()
    assert user.is_active


def test_drafts_go_and_open_requests_handled_by_the_person_return_to_the_queue(client, official, department):
    draft = SupportRequestFactory(applicant=official)
    handled = SupportRequestFactory(in_progress=True, department=department, handler=official)
    closed = SupportRequestFactory(closed=True, department=department, handler=official)
    account_delete(user=official)
    assert not SupportRequest.objects.filter(pk=draft.pk).exists()
    handled.refresh_from_db()
    closed.refresh_from_db()
    assert handled.handler is None and handled.state == RequestState.IN_PROGRESS
    assert closed.handler_id == official.pk
    official.refresh_from_db()
    assert not official.memberships.exists()


def test_deleting_twice_changes_nothing_more(person):
    user = account_delete(user=person["user"])
    username = user.username
    assert account_delete(user=user).username == username


def test_the_done_page_is_public(client):
    response = client.get(reverse("privacy:deleted"))
    assert response.status_code == 200
