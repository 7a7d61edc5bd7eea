"""Saved views in "my data" and "delete my account": the person's own views
are listed in the download and go with the account; a colleague's stay."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from saved_views.models import SavedView
from sotenas_portal.privacy.erasure import account_delete
from tests.factories import UserFactory
from tests.saved_views.factories import SavedViewFactory

pytestmark = pytest.mark.django_db


def data_json(client) -> dict:
    response = client.get(reverse("privacy:personal_data_download"))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return json.loads(archive.read("data.json"))


def test_the_download_lists_my_saved_views_and_not_a_colleagues(client, department):
    official = UserFactory(username="sparar", departments=[department])
    colleague = UserFactory(username="kollega", departments=[department])
    SavedViewFactory(owner=official, name="Mina försenade", query="lista=overdue", department=department)
    SavedViewFactory(owner=colleague, name="Kollegans vy", department=department)
    client.force_login(official)
    views = data_json(client)["saved_views"]
    assert [(v["name"], v["filters"], v["shared_with"]) for v in views] == [
        ("Mina försenade", "lista=overdue", department.name)]


def test_deleting_the_account_deletes_the_persons_saved_views_only(department):
    official = UserFactory(username="lamnar", departments=[department])
    colleague = UserFactory(username="stannar", departments=[department])
    SavedViewFactory(owner=official, name="Delad vy", department=department)
    SavedViewFactory(owner=official, name="Privat vy")
    kept = SavedViewFactory(owner=colleague, name="Kollegans vy", department=department)
    account_delete(user=official)
    assert list(SavedView.objects.all()) == [kept]
