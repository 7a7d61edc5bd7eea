"""Download my data: everything about the signed-in person, nothing about anyone else."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.privacy.conftest import person_with_data

pytestmark = pytest.mark.django_db


def download(client) -> zipfile.ZipFile:
    response = client.get(reverse("privacy:personal_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="mina-uppgifter-')
    assert response["Cache-Control"] == "no-store"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def everything_in(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


@pytest.fixture
def people(client, department):
    official = UserFactory(username="handlaggare", departments=[department])
    mine = person_with_data("MINA", official=official, department=department)
    theirs = person_with_data("ANDRAS", official=official, department=department)
    client.force_login(mine["user"])
    return {"mine": mine, "theirs": theirs, "official": official}


def test_the_archive_holds_the_persons_data_and_files(client, people):
    archive = download(client)
    data = json.loads(archive.read("data.json"))
    assert data["account"]["username"] == "person-MINA"
    assert data["account"]["email"] == "MINA@example.org"
    assert [e["enterprise"] for e in data["enterprises_represented"]] == ["Kooperativet MINA"]
    [request] = data["support_requests"]
    assert request["reference"] == people["mine"]["request"].reference
    assert request["description"] == "Beskrivning MINA"
    texts = [m["text"] for m in request["messages"]]
    assert "Meddelande från sökande MINA" in texts and "Svar från handläggare MINA" in texts
    assert [e["subject"] for e in data["emails"]] == ["Kvitto MINA"]
    assert [r["ip_address"] for r in data["sign_in_records"]] == ["192.0.2.10"]
    [listed] = data["uploaded_files"]
    assert listed["name"] == "bilaga-MINA.pdf"
    assert archive.read(listed["in_archive"]) == b"%PDF-1.4\nMINA\n"


def test_nothing_about_another_person_is_included(client, people):
    text = everything_in(download(client))
    assert "ANDRAS" not in text
    assert "person-ANDRAS" not in text
    # Internal notes are the municipality's working material, not the applicant's.
    assert "Intern anteckning MINA" not in text


def test_an_official_gets_their_own_messages_and_changes(client, people, department):
    official = people["official"]
    client.force_login(official)
    # A change made through the portal is recorded with its author.
    response = client.post(reverse("accounts:profile"), {
        "first_name": "Handläggar", "last_name": "Andersson", "email": "handlaggare@example.org",
        "preferred_language": "sv", "support_email_delivery": "immediate",
    })
    assert response.status_code == 302
    data = json.loads(download(client).read("data.json"))
    assert data["account"]["first_name"] == "Handläggar"
    assert [m["department"] for m in data["memberships"]] == [department.name]
    written = {m["text"] for m in data["messages_written_on_other_requests"]}
    assert written == {"Svar från handläggare MINA", "Intern anteckning MINA",
                       "Svar från handläggare ANDRAS", "Intern anteckning ANDRAS"}
    assert any(change["what"] for change in data["changes_made"])
    assert data["support_requests"] == []


def test_the_page_explains_and_links_the_download(client, people):
    response = client.get(reverse("privacy:personal_data"))
    assert response.status_code == 200
    assert reverse("privacy:personal_data_download").encode() in response.content


@pytest.mark.parametrize("name", ["privacy:personal_data", "privacy:personal_data_download"])
def test_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_account_page_links_to_the_privacy_pages(client, people):
    content = client.get(reverse("accounts:overview")).content.decode()
    for name in ("privacy:personal_data", "privacy:delete", "privacy"):
        assert f'href="{reverse(name)}"' in content
