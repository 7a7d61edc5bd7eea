"""Sign-in for municipal staff through OpenID Connect, against a real
provider on loopback (tests/harness/oidc_provider.py): the portal redirects,
the test follows the redirect to the provider over HTTP, comes back with a
code, and the portal's backend exchanges it, checks the signed ID token
against the provider's JWKS and reads userinfo, all over HTTP."""

from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import Department, Membership, User
from accounts.oidc.provider import clear_discovery_cache
from accounts.roles import Role, roles_of
from tests.conftest import sv
from tests.factories import TEST_PASSWORD, DepartmentFactory, UserFactory
from tests.harness.oidc_provider import OIDCProvider

pytestmark = pytest.mark.django_db

START = reverse("oidc:start")
CALLBACK = reverse("oidc:callback")
LOGIN = reverse("accounts:login")
OVERVIEW = reverse("accounts:overview")
# Signing in lands on the user's start page (issue 14).
MY_WORK = reverse("workspace:start")

AMI = "Sektor arbetsmarknad och integration"
KS = "Kommunstyrelsens förvaltning"
OMSORG = "Sektor omsorg"  # not in the map: its memberships are the administrator's
GROUP_MAP = (
    f"grp-ami=department:{AMI};"
    f"grp-ks=department:{KS};"
    "grp-policy=role:coordinator;"
    "grp-archive=role:records_manager;"
    "grp-it-admin=role:administrator"
)
BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "accounts.oidc.OIDCBackend",
    "accounts.backends.PasswordBackend",
]

NO_ACCESS = ("Your municipal account gives no access to the portal. Ask the system administrator to add you "
             "to the group for your department.")
CLOSED = "Your account in the portal has been closed. Contact the system administrator."
CONFLICT = "Another account in the portal already uses your email address. Contact the system administrator."
FAILED = ("Signing in with the municipality's account did not work. Try again, and contact the system "
          "administrator if it keeps failing.")


def oidc_settings(provider: OIDCProvider, **extra) -> dict:
    return {
        "OIDC_ENABLED": True,
        "OIDC_RP_CLIENT_ID": provider.client_id,
        "OIDC_RP_CLIENT_SECRET": provider.client_secret,
        "OIDC_OP_ISSUER": provider.issuer,
        "OIDC_GROUP_MAP": GROUP_MAP,
        "AUTHENTICATION_BACKENDS": BACKENDS,
        **extra,
    }


@pytest.fixture(scope="module")
def running_provider():
    provider = OIDCProvider().start()
    yield provider
    provider.stop()


@pytest.fixture
def provider(running_provider):
    running_provider.reset()
    clear_discovery_cache()
    with override_settings(**oidc_settings(running_provider)):
        yield running_provider
    clear_discovery_cache()


@pytest.fixture
def departments(db):
    return {
        AMI: DepartmentFactory(name=AMI),
        KS: DepartmentFactory(name=KS, kind=Department.Kind.KOMMUNSTYRELSEN),
        OMSORG: DepartmentFactory(name=OMSORG),
    }


def anna(provider, *groups, **claims):
    provider.sign_in_as(
        "f3c1a9e0-anna",
        groups=groups,
        email=claims.pop("email", "anna.andersson@sotenas.se"),
        email_verified=True,
        given_name=claims.pop("given_name", "Anna"),
        family_name=claims.pop("family_name", "Andersson"),
        preferred_username="anna.andersson",
        **claims,
    )


def start(client, next_url=None):
    response = client.get(START, {"next": next_url} if next_url else None)
    assert response.status_code == 302
    return response


def visit_provider(provider, start_response) -> str:
    """Follow the portal's redirect to the real provider; returns the
    callback URL (path and query) the provider sends the browser back to."""
    location = start_response["Location"]
    assert location.startswith(provider.url("/authorize?"))
    answer = requests.get(location, allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    assert back.path == CALLBACK
    return f"{back.path}?{back.query}"


def sign_in(client, provider, next_url=None):
    return client.get(visit_provider(provider, start(client, next_url)))


def signed_in_user(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id) if user_id else None


def assert_refused_with(client, response, message):
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    page = unescape(client.get(LOGIN).content.decode())
    assert sv(message) in page
    assert signed_in_user(client) is None
    assert client.get(OVERVIEW).status_code == 302  # still a visitor


def department_names(user):
    return set(Membership.objects.filter(user=user).values_list("department__name", flat=True))


# The whole flow ----------------------------------------------------------------------
def test_first_sign_in_creates_the_official_with_memberships_and_roles(client, provider, departments):
    anna(provider, "grp-ami", "grp-policy", "grp-someone-elses")

    response = sign_in(client, provider)

    assert response.status_code == 302
    assert response["Location"] == MY_WORK
    user = signed_in_user(client)
    assert user.oidc_subject == "f3c1a9e0-anna"
    assert (user.username, user.email) == ("anna.andersson", "anna.andersson@sotenas.se")
    assert (user.first_name, user.last_name) == ("Anna", "Andersson")
    assert not user.has_usable_password()
    assert department_names(user) == {AMI}
    assert user.is_policy_coordinator and not user.is_superuser
    assert roles_of(user) == [Role.OFFICIAL, Role.COORDINATOR]
    assert client.session["_auth_user_backend"] == "accounts.oidc.OIDCBackend"
    assert client.get(OVERVIEW).status_code == 200
    # Everything went over HTTP to the provider, state and PKCE included.
    assert {("GET", "/.well-known/openid-configuration"), ("GET", "/authorize"), ("POST", "/token"),
            ("GET", "/jwks"), ("GET", "/userinfo")} <= set(provider.requests)


def test_the_start_sends_state_nonce_and_pkce(client, provider):
    query = parse_qs(urlsplit(start(client)["Location"]).query)
    assert query["client_id"] == [provider.client_id]
    assert query["response_type"] == ["code"]
    assert query["scope"] == ["openid email profile"]
    assert query["redirect_uri"] == [f"http://testserver{CALLBACK}"]
    assert query["code_challenge_method"] == ["S256"]
    assert all(query[name][0] for name in ("state", "nonce", "code_challenge"))


def test_the_next_sign_in_follows_changed_groups(provider, departments):
    anna(provider, "grp-ami", "grp-policy", "grp-it-admin")
    sign_in(Client(), provider)
    user = User.objects.get(oidc_subject="f3c1a9e0-anna")
    assert user.is_superuser and user.is_staff and user.is_policy_coordinator
    # The administrator adds Anna to a department the map does not name.
    Membership.objects.create(user=user, department=departments[OMSORG])

    anna(provider, "grp-ks", family_name="Berg", email="anna.berg@sotenas.se")
    client = Client()
    assert sign_in(client, provider)["Location"] == MY_WORK

    user.refresh_from_db()
    assert User.objects.filter(oidc_subject__isnull=False).count() == 1
    assert department_names(user) == {KS, OMSORG}  # AMI removed, KS added, OMSORG kept
    assert not user.is_policy_coordinator
    assert not (user.is_superuser or user.is_staff)
    assert (user.last_name, user.email, user.username) == ("Berg", "anna.berg@sotenas.se", "anna.andersson")
    assert roles_of(user) == [Role.OFFICIAL]


def test_the_records_manager_role_follows_its_group(provider, departments):
    anna(provider, "grp-archive")
    assert sign_in(Client(), provider)["Location"] == MY_WORK
    user = User.objects.get(oidc_subject="f3c1a9e0-anna")
    assert user.is_records_manager and roles_of(user) == [Role.RECORDS_MANAGER]

    anna(provider, "grp-ami")
    sign_in(Client(), provider)
    user = User.objects.get(oidc_subject="f3c1a9e0-anna")
    assert not user.is_records_manager
    assert roles_of(user) == [Role.OFFICIAL]


def test_unknown_groups_only_are_refused_and_no_account_is_made(client, provider, departments):
    anna(provider, "grp-everyone", "grp-library")

    response = sign_in(client, provider)

    assert_refused_with(client, response, NO_ACCESS)
    assert not User.objects.exists()


def test_no_access_message_is_swedish(client, provider, departments):
    anna(provider)
    sign_in(client, provider)
    page = unescape(client.get(LOGIN).content.decode())
    assert sv(NO_ACCESS) != NO_ACCESS
    assert sv(NO_ACCESS) in page


def test_a_department_that_is_closed_gives_no_access(client, provider, departments):
    departments[AMI].is_active = False
    departments[AMI].save()
    anna(provider, "grp-ami")
    assert_refused_with(client, sign_in(client, provider), NO_ACCESS)
    assert not User.objects.exists()


def test_an_official_who_lost_every_group_is_refused_and_loses_what_the_groups_gave(provider, departments):
    earlier = Client()
    anna(provider, "grp-ami", "grp-policy")
    sign_in(earlier, provider)
    assert earlier.get(reverse("accounts:department_list")).status_code == 200

    anna(provider, "grp-everyone")
    client = Client()
    assert_refused_with(client, sign_in(client, provider), NO_ACCESS)

    user = User.objects.get(oidc_subject="f3c1a9e0-anna")
    assert department_names(user) == set()
    assert not user.is_policy_coordinator
    # The session from before has ended.
    assert earlier.get(OVERVIEW).status_code == 302
    assert earlier.get(reverse("accounts:department_list")).status_code == 302


def test_signing_in_on_a_second_device_keeps_the_first_signed_in(provider, departments):
    anna(provider, "grp-ami")
    first, second = Client(), Client()
    sign_in(first, provider)
    sign_in(second, provider)
    assert first.get(OVERVIEW).status_code == 200
    assert second.get(OVERVIEW).status_code == 200


# Refusals: nothing is created, nobody is signed in ------------------------------------------
@pytest.mark.parametrize("knob", [
    pytest.param({"tamper_id_token": True}, id="tampered-id-token"),
    pytest.param({"sign_with_foreign_key": True}, id="signed-with-another-key"),
    pytest.param({"id_token_claims": {"aud": "another-client"}}, id="wrong-audience"),
    pytest.param({"id_token_claims": {"aud": ["another-client", "sotenas-portal"]}}, id="shared-audience-no-azp"),
    pytest.param({"id_token_claims": {"iss": "http://127.0.0.1:1/"}}, id="wrong-issuer"),
    pytest.param({"id_token_claims": {"exp": 1_000_000_000}}, id="expired"),
    pytest.param({"id_token_claims": {"nonce": "not-the-one-we-sent"}}, id="wrong-nonce"),
])
def test_bad_id_tokens_are_refused(client, provider, departments, knob):
    anna(provider, "grp-ami")
    for name, value in knob.items():
        setattr(provider, name, value)

    response = sign_in(client, provider)

    assert_refused_with(client, response, FAILED)
    assert not User.objects.exists()
    assert ("POST", "/token") in provider.requests  # refused after a real token exchange


def test_refused_callbacks_do_not_lock_out_the_office(client, provider, departments, settings):
    from axes.models import AccessAttempt

    for number in range(settings.AXES_FAILURE_LIMIT + 1):
        provider.sign_in_as(f"sub-{number}", email=f"person{number}@sotenas.se", groups=["grp-everyone"])
        assert_refused_with(client, sign_in(client, provider), NO_ACCESS)
    anna(provider, "grp-ami")
    assert sign_in(client, provider)["Location"] == MY_WORK
    assert not AccessAttempt.objects.exists()
    # Password guesses are still counted.
    client.logout()
    client.post(LOGIN, {"username": "anna.andersson", "password": "guess"})
    assert AccessAttempt.objects.count() == 1


def test_a_wrong_state_is_refused_before_asking_the_provider(client, provider, departments):
    anna(provider, "grp-ami")
    callback = visit_provider(provider, start(client))
    path, _, query = callback.partition("?")
    params = {k: v[0] for k, v in parse_qs(query).items()}

    response = client.get(path, {**params, "state": "forged-state"})

    assert_refused_with(client, response, FAILED)
    assert ("POST", "/token") not in provider.requests
    assert not User.objects.exists()


def test_a_callback_without_a_started_sign_in_is_refused(provider, departments):
    anna(provider, "grp-ami")
    callback = visit_provider(provider, start(Client()))
    stranger = Client()  # another browser: no state in its session
    assert_refused_with(stranger, stranger.get(callback), FAILED)
    assert not User.objects.exists()


def test_a_callback_cannot_be_replayed(client, provider, departments):
    anna(provider, "grp-ami")
    callback = visit_provider(provider, start(client))
    assert client.get(callback)["Location"] == MY_WORK
    client.logout()
    assert_refused_with(client, client.get(callback), FAILED)


def test_the_provider_saying_no_is_refused(client, provider, departments):
    # Nobody chosen: the provider answers the callback with error=access_denied.
    assert_refused_with(client, sign_in(client, provider), FAILED)


def test_a_wrong_client_secret_is_refused(client, provider, departments):
    anna(provider, "grp-ami")
    with override_settings(OIDC_RP_CLIENT_SECRET="not-the-secret"):
        response = sign_in(client, provider)
    assert_refused_with(client, response, FAILED)
    assert not User.objects.exists()


def test_an_unreachable_provider_gives_a_message_not_an_error(client, provider):
    with override_settings(OIDC_OP_ISSUER="http://127.0.0.1:9"):
        response = client.get(START)
    assert_refused_with(client, response, FAILED)


def test_a_deactivated_account_is_refused(client, provider, departments):
    anna(provider, "grp-ami")
    sign_in(Client(), provider)
    User.objects.filter(oidc_subject="f3c1a9e0-anna").update(is_active=False)
    response = sign_in(client, provider)
    assert_refused_with(client, response, CLOSED)


# Accounts that existed before ---------------------------------------------------------
def test_an_account_with_the_same_email_is_linked_once_and_loses_its_password(client, provider, departments):
    existing = UserFactory(username="tjansteman", email="Anna.Andersson@sotenas.se")
    anna(provider, "grp-ami")

    assert sign_in(client, provider)["Location"] == MY_WORK

    existing.refresh_from_db()
    assert signed_in_user(client) == existing
    assert existing.oidc_subject == "f3c1a9e0-anna"
    assert not existing.has_usable_password()
    assert User.objects.count() == 1


def test_an_email_linked_to_another_subject_is_refused(client, provider, departments):
    UserFactory(username="someone", email="anna.andersson@sotenas.se", oidc_subject="another-subject")
    anna(provider, "grp-ami")
    response = sign_in(client, provider)
    assert_refused_with(client, response, CONFLICT)
    assert User.objects.count() == 1


def test_usernames_do_not_collide(client, provider, departments):
    UserFactory(username="anna.andersson", email="anna@example.org")
    anna(provider, "grp-ami")
    sign_in(client, provider)
    assert signed_in_user(client).username == "anna.andersson-2"


# Password sign-in -----------------------------------------------------------------------
def test_representatives_still_sign_in_with_a_password(client, provider):
    UserFactory(username="foretagare")
    response = client.post(LOGIN, {"username": "foretagare", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(client).username == "foretagare"


def test_an_official_from_the_provider_cannot_use_a_password(client, provider, departments):
    anna(provider, "grp-ami")
    sign_in(Client(), provider)
    user = User.objects.get(oidc_subject="f3c1a9e0-anna")
    assert client.post(LOGIN, {"username": user.username, "password": ""}).status_code == 200
    # Not even when an administrator gives the account a password.
    user.set_password(TEST_PASSWORD)
    user.save()
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()
    assert signed_in_user(client) is None


def test_the_account_page_offers_no_password_change_to_an_official_from_the_provider(client, provider, departments):
    anna(provider, "grp-ami")
    sign_in(client, provider)
    password_change = reverse("accounts:password_change")
    assert password_change not in client.get(OVERVIEW).content.decode()
    representative = Client()
    representative.force_login(UserFactory(username="foretagare"))
    assert password_change in representative.get(OVERVIEW).content.decode()


def test_the_next_page_is_kept_through_the_provider(client, provider, departments):
    anna(provider, "grp-ami")
    assert sign_in(client, provider, next_url="/foretag/")["Location"] == "/foretag/"


def test_an_outside_next_page_is_ignored(client, provider, departments):
    anna(provider, "grp-ami")
    assert sign_in(client, provider, next_url="https://evil.example/")["Location"] == MY_WORK


# Configuration ------------------------------------------------------------------------
def test_explicit_endpoints_need_no_discovery(client, provider, departments):
    endpoints = {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": provider.url("/authorize"),
        "OIDC_OP_TOKEN_ENDPOINT": provider.url("/token"),
        "OIDC_OP_USER_ENDPOINT": provider.url("/userinfo"),
        "OIDC_OP_JWKS_ENDPOINT": provider.url("/jwks"),
    }
    anna(provider, "grp-ami")
    with override_settings(**endpoints):
        assert sign_in(client, provider)["Location"] == MY_WORK
    assert ("GET", "/.well-known/openid-configuration") not in provider.requests


def test_groups_in_another_claim(client, provider, departments):
    provider.sign_in_as("sub-2", email="bo@sotenas.se", roles=["grp-ks"])
    with override_settings(OIDC_GROUPS_CLAIM="roles"):
        sign_in(client, provider)
    assert department_names(signed_in_user(client)) == {KS}


def test_switched_off_the_urls_are_404_and_the_login_page_has_no_button(client):
    for url in (START, CALLBACK, f"{CALLBACK}?code=x&state=y"):
        assert client.get(url).status_code == 404
    page = unescape(client.get(LOGIN).content.decode())
    assert sv("Sign in with the municipality's account") not in page
    assert START not in page
    assert sv("Municipal officials get their accounts from the system administrator.") in page


def test_switched_on_the_login_page_offers_the_municipal_account_first(client, provider):
    page = unescape(client.get(LOGIN, {"next": "/stod/"}).content.decode())
    button = page.index(sv("Sign in with the municipality's account"))
    assert f'href="{START}?next=/stod/"' in page.replace("%2F", "/")
    assert button < page.index(sv("For businesses and associations")) < page.index('name="password"')
    assert sv("Sign in with the municipality's account") == "Logga in med kommunens konto"


# In a real browser ----------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_official_signs_in_from_the_login_page_in_a_browser(provider, departments, page_as):
    from tests.harness.test_accessibility import assert_accessible

    anna(provider, "grp-ami")
    page = page_as(None)
    page.goto(f"{LOGIN}?next={reverse('accounts:department_list')}")
    assert_accessible(page, "sign-in page with the municipal account")

    page.get_by_role("link", name="Logga in med kommunens konto").click()
    page.wait_for_load_state()

    assert urlsplit(page.url).path == reverse("accounts:department_list")
    assert page.locator("h1").first.inner_text()
    assert User.objects.get(oidc_subject="f3c1a9e0-anna").memberships.count() == 1
    assert ("POST", "/token") in provider.requests
