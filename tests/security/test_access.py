"""Access controls outside the permission matrix: cookies in production,
sign-in throttling, password rules and the admin."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.production",
    "SECRET_KEY": "q8#Vt2!mZr6@Lw9$Xc4^Nb7&Hd1*Kf5(Pj3)Gs0-Ty8+Ue2=Ra6_Yi4~Oh7;Wl9",
    "ALLOWED_HOSTS": "socialekonomi.sotenas.se",
    "SITE_URL": "https://socialekonomi.sotenas.se",
    "DEBUG": "0",
}
COOKIE_SETTINGS = (
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_SAMESITE", "LANGUAGE_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "DEBUG",
)


def production_settings() -> dict:
    """The production settings' values, read in a fresh interpreter."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {COOKIE_SETTINGS!r}}}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env={**env, **PRODUCTION_ENV},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    return production_settings()


def test_production_cookies_are_secure_and_http_only(production):
    assert production["DEBUG"] is False
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["LANGUAGE_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365


def test_the_session_cookie_a_sign_in_sets_carries_the_production_flags(production, client, settings):
    for name in ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE"):
        setattr(settings, name, production[name])
    UserFactory(username="eva")
    response = client.post(reverse("accounts:login"), {"username": "eva", "password": TEST_PASSWORD}, secure=True)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True and cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


# Sign-in throttling -----------------------------------------------------------

LOCKED = "För många misslyckade inloggningsförsök"


def sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def lock_out(client, username):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, username, f"fel-{attempt}")
        assert response.status_code in (200, 429)


def test_after_the_limit_even_the_right_password_meets_a_swedish_lock_page(client):
    UserFactory(username="eva")
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "eva", f"fel-{attempt}").status_code == 200
    response = sign_in(client, "eva", "fel-sista")
    assert response.status_code == 429
    response = sign_in(client, "eva", TEST_PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page
    assert "Vänta en timme" in page
    assert reverse("accounts:password_reset") in page
    assert '<html lang="sv"' in page
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_after_the_cool_off_time(client):
    UserFactory(username="eva")
    lock_out(client, "eva")
    assert sign_in(client, "eva", TEST_PASSWORD).status_code == 429
    # An hour and a minute later (the configured cool-off is one hour).
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME * timedelta(hours=1)
                                 - timedelta(minutes=1))
    response = sign_in(client, "eva", TEST_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="eva").pk)


def test_an_administrator_can_lift_a_lock(client):
    UserFactory(username="eva")
    lock_out(client, "eva")
    call_command("axes_reset_username", "eva", verbosity=0)
    assert sign_in(client, "eva", TEST_PASSWORD).status_code == 302


def test_the_lock_is_per_username_and_address(client):
    UserFactory(username="eva")
    lock_out(client, "eva")
    other_address = client.post(reverse("accounts:login"), {"username": "eva", "password": TEST_PASSWORD},
                                REMOTE_ADDR="192.0.2.44")
    assert other_address.status_code == 302


# Password rules -----------------------------------------------------------------

WEAK_PASSWORDS = {
    "kort-1": "Det här lösenordet är för kort. Det måste innehålla minst 10 tecken.",
    "password123": "Detta lösenord är alldeles för vanligt",
    "1234567890123": "Detta lösenord är enbart numeriskt",
    "lina.pettersson": "Ditt lösenord är alltför likt",
}


@pytest.mark.parametrize("password,message", sorted(WEAK_PASSWORDS.items()))
def test_signup_refuses_a_weak_password_in_swedish(password, message, client):
    response = client.post(reverse("accounts:signup"), {
        "username": "lina.pettersson", "first_name": "Lina", "last_name": "Pettersson",
        "email": "lina.pettersson@example.org", "preferred_language": "sv",
        "password1": password, "password2": password,
    })
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="lina.pettersson").exists()


@pytest.mark.parametrize("password,message", sorted(WEAK_PASSWORDS.items()))
def test_password_change_refuses_a_weak_password_in_swedish(password, message, client):
    user = UserFactory(username="lina.pettersson", first_name="Lina", last_name="Pettersson",
                       email="lina.pettersson@example.org")
    client.force_login(user)
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": TEST_PASSWORD, "new_password1": password, "new_password2": password})
    assert response.status_code == 200
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)


def test_the_password_rules_are_the_configured_four():
    names = [validator["NAME"].rsplit(".", 1)[-1] for validator in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == ["UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator",
                     "NumericPasswordValidator"]


# The admin ------------------------------------------------------------------------

ADMIN_PAGES = ["/admin/", "/admin/accounts/user/", "/admin/accounts/user/add/", "/admin/axes/accessattempt/"]


@pytest.mark.parametrize("page", ADMIN_PAGES)
@pytest.mark.parametrize("who", ["staff", "staff_coordinator", "official", "coordinator", "representative"])
def test_only_administrators_enter_the_admin(who, page, client, department):
    user = {
        "staff": lambda: UserFactory(username="staff", is_staff=True),
        "staff_coordinator": lambda: UserFactory(username="staffco", is_staff=True, is_policy_coordinator=True),
        "official": lambda: UserFactory(username="tjm", departments=[department]),
        "coordinator": lambda: UserFactory(username="co", coordinator=True),
        "representative": lambda: UserFactory(username="rep"),
    }[who]()
    client.force_login(user)
    response = client.get(page, follow=True)  # no redirect loop through the sign-in page
    assert response.status_code == 403
    assert client.post(page, {"username": "x"}, follow=True).status_code == 403
    assert User.objects.filter(username="x").count() == 0


def test_anonymous_visitors_are_sent_to_the_throttled_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert response.status_code == 200


def test_administrators_enter_the_admin(client):
    client.force_login(UserFactory(username="root", administrator=True))
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("admin:login")).url == reverse("admin:index")


def test_a_superuser_without_staff_status_is_refused(client):
    client.force_login(UserFactory(username="halfroot", is_superuser=True, is_staff=False))
    assert client.get("/admin/", follow=True).status_code == 403
