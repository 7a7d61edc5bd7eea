"""Root fixtures: one user per role, and a client signed in as any of them."""

import pytest
from django.test import Client

from tests.factories import DepartmentFactory, UserFactory
from tests.harness.browser import browser, page_as  # noqa: F401 - one browser for the whole session

ROLES = ("anonymous", "representative", "official", "coordinator", "administrator")


@pytest.fixture
def department(db):
    return DepartmentFactory(name="Sektor arbetsmarknad och integration")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(name="Sektor samhällsbyggnad")


def make_user(role: str, department=None):
    """A fresh user holding exactly ``role`` (None for the anonymous visitor)."""
    if role == "anonymous":
        return None
    if role == "representative":
        return UserFactory(username="rep")
    if role == "official":
        return UserFactory(username="official", departments=[department or DepartmentFactory()])
    if role == "coordinator":
        return UserFactory(username="coordinator", coordinator=True)
    if role == "administrator":
        return UserFactory(username="sysadmin", administrator=True)
    raise ValueError(role)


@pytest.fixture
def user_for(db, department):
    cache = {}

    def _user_for(role: str):
        if role not in cache:
            cache[role] = make_user(role, department)
        return cache[role]

    return _user_for


@pytest.fixture
def client_as(user_for):
    def _client_as(role: str) -> Client:
        client = Client()
        user = user_for(role)
        if user is not None:
            client.force_login(user)
        return client

    return _client_as


@pytest.fixture
def representative(user_for):
    return user_for("representative")


@pytest.fixture
def official(user_for):
    return user_for("official")


@pytest.fixture
def coordinator(user_for):
    return user_for("coordinator")


@pytest.fixture
def administrator(user_for):
    return user_for("administrator")


def sv(text: str) -> str:
    """``text`` as the Swedish site shows it (Django's and the apps' catalogues)."""
    from django.utils import translation

    with translation.override("sv"):
        return translation.gettext(text)
