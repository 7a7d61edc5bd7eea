"""Root fixtures: one user per role, and a client signed in as any of them."""

import importlib

import pytest
from django.apps import apps
from django.test import Client

from tests.factories import DepartmentFactory, UserFactory
from tests.harness.browser import browser, page_as  # noqa: F401 - one browser for the whole session

ROLES = ("anonymous", "representative", "official", "coordinator", "records_manager", "administrator")


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
    if role == "records_manager":
        return UserFactory(username="archivist", records_manager=True)
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


# The migrations that seed the vocabularies, in order.
VOCABULARY_SEEDS = (
    "enterprises.migrations.0002_seed_vocabularies",
    "enterprises.migrations.0009_english_names",
    "support.migrations.0002_seed_support_kinds",
    "support.migrations.0005_supportkind_name_en",
)


@pytest.fixture
def seeded_vocabularies(db):
    """The vocabularies the migrations seed, seeded again the migrations' way.
    A transactional test empties the tables when it ends, and
    serialized_rollback cannot bring them back once the browser harness has
    run (Playwright's greenlet gives the test thread fresh connection objects
    without the serialized contents)."""
    for module in VOCABULARY_SEEDS:
        importlib.import_module(module).seed(apps, None)
