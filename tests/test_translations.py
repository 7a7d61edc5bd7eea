"""Swedish first, English selectable: the Swedish catalogue is complete and
up to date with the source, and the English site really is English."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.services import need

LOCALE = Path(settings.BASE_DIR) / "sotenas_portal" / "locale"
pytestmark = pytest.mark.django_db


def test_swedish_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE / "sv" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [] and fuzzy == [], f"untranslated: {missing}, fuzzy: {fuzzy}"


def test_catalogues_cover_every_string_in_the_source(tmp_path):
    need("gettext", shutil.which("xgettext") is not None, "GNU gettext (xgettext) is not installed")
    # Extract in a copy of the source so the check never edits the working tree.
    tree = tmp_path / "src"
    shutil.copytree(settings.BASE_DIR, tree, ignore=shutil.ignore_patterns(".venv", "var", ".git", "*.mo"))
    catalogue = tree / "sotenas_portal" / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    before = {e.msgid for e in polib.pofile(str(catalogue))}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sv", "--no-obsolete",
         "--ignore", "static/*", "--ignore", "tests/*"],
        cwd=tree,
        env={"DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.local", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    after = {e.msgid for e in polib.pofile(str(catalogue))}
    assert after - before == set(), f"strings missing from the catalogue (run `make messages`): {after - before}"


def test_start_page_is_swedish_by_default(client):
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="sv">' in html
    assert "Hoppa till innehållet" in html
    assert "Social ekonomi i Sotenäs" in html


def test_english_is_selectable(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "The social economy in Sotenäs" in html


def test_an_english_browser_still_gets_swedish_until_english_is_chosen(client):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="sv-SE").content.decode()
    assert '<html lang="en">' in html
