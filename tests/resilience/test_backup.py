"""Backup and restore: data in every app, uploaded files included, backed up
with `manage.py backup` and restored with `manage.py restore` into a fresh
empty database and upload folder; every table's row count and every file's
content must come back. Runs on the suite's own engine: SQLite in the
default run, PostgreSQL (pg_dump/pg_restore) in the PostgreSQL run."""

import hashlib
import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from sotenas_portal.backup import MANIFEST, MEDIA_ARCHIVE
from core.models import OutboundEmail
from tests.enterprises.factories import registry_context
from tests.harness import worker
from tests.policy_reports.factories import policy_reports_context
from tests.resilience.conftest import row_counts
from tests.support.factories import support_context

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def portal_data(media_root, user_for, department):
    """Rows in every app, and uploads of every kind: ASF evidence, request
    and agreement attachments, the policy document."""
    registry_context(user_for=user_for, department=department)
    support_context(user_for=user_for, department=department)
    policy_reports_context(user_for=user_for, department=department)
    OutboundEmail.objects.create(recipient="eva@example.org", subject="Påminnelse", body="Hej", kind="test")
    (media_root / "övrigt").mkdir()
    (media_root / "övrigt" / "ÅÄÖ underlag.txt").write_text("ett filnamn med svenska tecken", "utf-8")
    files = file_hashes(media_root)
    assert len(files) >= 5
    return {"tables": row_counts(exclude=()), "files": files}


def file_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


class EmptyTarget:
    """A fresh empty database of the suite's engine and a fresh upload folder."""

    def __init__(self, tmp_path: Path):
        self.media_root = tmp_path / "restored-media"
        if connection.vendor == "postgresql":
            self.name = f"{connection.settings_dict['NAME']}_restored"[:63]
            self.admin_sql(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
            self.url = worker.test_database_url().rsplit("/", 1)[0] + f"/{self.name}"
        else:
            self.name = str(tmp_path / "restored.sqlite3")
            self.url = f"sqlite:///{self.name}"

    def admin_sql(self, *statements: str) -> None:
        import psycopg2

        db = connection.settings_dict
        admin = psycopg2.connect(dbname="postgres", user=db["USER"], password=db["PASSWORD"] or None,
                                 host=db["HOST"] or None, port=db["PORT"] or None)
        admin.autocommit = True
        try:
            with admin.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
        finally:
            admin.close()

    def drop(self) -> None:
        if connection.vendor == "postgresql":
            self.admin_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def row_counts(self) -> dict[str, int]:
        """Counted independently of the restore code, on a connection of our own."""
        if connection.vendor == "postgresql":
            import psycopg2

            db = connection.settings_dict
            restored = psycopg2.connect(dbname=self.name, user=db["USER"], password=db["PASSWORD"] or None,
                                        host=db["HOST"] or None, port=db["PORT"] or None)
            query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        else:
            restored = sqlite3.connect(self.name)
            query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        try:
            cursor = restored.cursor()
            cursor.execute(query)
            counts = {}
            for (table,) in cursor.fetchall():
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            return counts
        finally:
            restored.close()

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        """The restore command as an operator runs it, configured by the environment."""
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.local",
               "DATABASE_URL": self.url, "MEDIA_ROOT": str(self.media_root)}
        return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                              capture_output=True, text=True, timeout=300)


@pytest.fixture
def empty_target(tmp_path):
    if connection.vendor not in ("postgresql", "sqlite"):
        pytest.skip(f"no backup support for {connection.vendor}")
    target = EmptyTarget(tmp_path)
    yield target
    target.drop()


def backup(tmp_path) -> Path:
    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out, stderr=StringIO())
    folder = Path(out.getvalue().strip())
    assert folder.parent == tmp_path / "backups" and (folder / MANIFEST).exists()
    return folder


def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(portal_data, empty_target, tmp_path):
    folder = backup(tmp_path)

    restored = empty_target.manage("restore", str(folder))
    assert restored.returncode == 0, restored.stderr
    assert "Restored and verified" in restored.stdout
    assert empty_target.row_counts() == portal_data["tables"]
    assert file_hashes(empty_target.media_root) == portal_data["files"]
    # The restored portal works: Django sees every migration applied.
    check = empty_target.manage("migrate", "--check")
    assert check.returncode == 0, check.stdout + check.stderr

    # A second restore over it is refused and changes nothing...
    (empty_target.media_root / "senare.txt").write_text("added after the restore", "utf-8")
    refused = empty_target.manage("restore", str(folder))
    assert refused.returncode != 0 and "is not empty" in refused.stderr
    assert empty_target.row_counts() == portal_data["tables"]
    assert (empty_target.media_root / "senare.txt").exists()
    # ...unless forced, which replaces both.
    forced = empty_target.manage("restore", "--force", str(folder))
    assert forced.returncode == 0, forced.stderr
    assert empty_target.row_counts() == portal_data["tables"]
    assert file_hashes(empty_target.media_root) == portal_data["files"]


def test_a_damaged_backup_is_refused_before_anything_is_written(portal_data, empty_target, tmp_path):
    folder = backup(tmp_path)
    with open(folder / MEDIA_ARCHIVE, "ab") as archive:
        archive.write(b"garbage")

    refused = empty_target.manage("restore", str(folder))
    assert refused.returncode != 0 and "damaged" in refused.stderr
    assert empty_target.row_counts() == {}
    assert not empty_target.media_root.exists()
