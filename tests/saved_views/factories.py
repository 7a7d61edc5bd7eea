"""Saved views for tests, and the rows of the permission and accessibility harnesses."""

import factory
from factory.django import DjangoModelFactory

from saved_views.constants import ListKey
from saved_views.models import SavedView
from tests.factories import UserFactory


class SavedViewFactory(DjangoModelFactory):
    class Meta:
        model = SavedView

    owner = factory.SubFactory(UserFactory)
    list_key = ListKey.SUPPORT_REQUESTS
    name = factory.Sequence(lambda n: f"Vy {n}")
    query = ""


def saved_views_context(*, user_for, department) -> dict:
    """The official's saved view of the support work list, shared with their department."""
    official = user_for("official")
    shared_with = official.departments.order_by("pk").first()
    saved_view = SavedViewFactory(owner=official, name="Mina försenade", query="lista=overdue&sort=-submitted",
                                  department=shared_with)
    return {"saved_view": saved_view}
