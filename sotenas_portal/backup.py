"""Backing up and restoring the portal: the database and the private uploads.

A backup is a folder ``backup-<UTC timestamp>/`` holding

* ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite, a consistent copy made with SQLite's online
  backup API, safe while the portal runs);
* ``media.tar.gz``, the private uploads (``MEDIA_ROOT``);
* ``manifest.json``: the row count of every table and the SHA-256 of every
  uploaded file and of the database file, taken from the same snapshot as
  the dump, so a restore can prove it got everything back.

A restore goes into an empty database and an empty upload folder (``force``
empties them first), then counts the rows and hashes the files again and
fails unless everything matches the manifest.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore that could not be made or did not verify."""


@dataclass
class RestoreReport:
    tables: int
    rows: int
    files: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def engine_of(database: dict) -> str:
    engine = database["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


# Backup ---------------------------------------------------------------------------

def create_backup(destination: Path, *, database: dict | None = None, media_root: Path | None = None) -> Path:
    """Write a backup folder under ``destination`` and return its path."""
    database = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    engine = engine_of(database)
    folder = Path(destination) / f"backup-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}"
    folder.mkdir(parents=True)
    if engine == "postgresql":
        database_file, tables = folder / POSTGRES_DUMP, dump_postgres(database, folder / POSTGRES_DUMP)
    else:
        database_file, tables = folder / SQLITE_COPY, copy_sqlite(Path(database["NAME"]), folder / SQLITE_COPY)
    files = archive_media(media_root, folder / MEDIA_ARCHIVE)
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "engine": engine,
        "database_file": database_file.name,
        "database_sha256": sha256_of(database_file),
        "media_archive_sha256": sha256_of(folder / MEDIA_ARCHIVE),
        "tables": tables,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True), "utf-8")
    return folder


def archive_media(media_root: Path, archive: Path) -> dict[str, dict]:
    """Pack every file under ``media_root``; return their sizes and hashes."""
    files = {}
    with tarfile.open(archive, "w:gz") as tar:
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                name = path.relative_to(media_root).as_posix()
                files[name] = {"sha256": sha256_of(path), "size": path.stat().st_size}
                tar.add(path, arcname=name, recursive=False)
    return files


# PostgreSQL -------------------------------------------------------------------------

def pg_environment(database: dict) -> dict:
    env = {**os.environ, "PGDATABASE": database["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[variable] = str(database[key])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return env


def pg_connect(database: dict):
    import psycopg2

    options = database.get("OPTIONS", {})
    try:
        return psycopg2.connect(
            dbname=database["NAME"], user=database.get("USER") or None, password=database.get("PASSWORD") or None,
            host=database.get("HOST") or None, port=database.get("PORT") or None,
            **({"sslmode": options["sslmode"]} if options.get("sslmode") else {}),
        )
    except psycopg2.OperationalError as error:
        raise BackupError(f"Cannot connect to the database {database['NAME']}: {str(error).strip()}") from error


def check_client_version(connection, tool: str) -> None:
    """pg_dump and pg_restore must be at least the server's major version
    (an older pg_dump cannot read a newer server; its dump may not restore)."""
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (PostgreSQL client tools are needed).")
    output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", output)
    if match is None:
        raise BackupError(f"Cannot tell the version of {tool} from {output.strip()!r}.")
    client_major = int(match.group(1))
    server_major = connection.server_version // 10000
    if client_major < server_major:
        raise BackupError(f"{tool} is version {client_major} but the server runs PostgreSQL {server_major}; "
                          f"install the client tools of version {server_major} or later.")


def pg_row_counts(cursor) -> dict[str, int]:
    from psycopg2 import sql

    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def run_tool(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools are needed).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_postgres(database: dict, path: Path) -> dict[str, int]:
    """pg_dump of the database; the row counts come from the very snapshot
    pg_dump reads (an exported snapshot), so they match even while the
    portal keeps writing."""
    connection = pg_connect(database)
    try:
        check_client_version(connection, "pg_dump")
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = pg_row_counts(cursor)
            run_tool(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"],
                     pg_environment(database))
        connection.rollback()
    finally:
        connection.close()
    return counts


def pg_table_count(database: dict) -> int:
    connection = pg_connect(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")
            return cursor.fetchone()[0]
    finally:
        connection.close()


def pg_empty_schema(database: dict) -> None:
    connection = pg_connect(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        connection.commit()
    finally:
        connection.close()


def restore_postgres(database: dict, dump: Path) -> dict[str, int]:
    connection = pg_connect(database)
    try:
        check_client_version(connection, "pg_restore")
    finally:
        connection.close()
    if pg_table_count(database):
        pg_empty_schema(database)  # only reached with force: see refuse_non_empty_targets
    # No owners or grants: the restoring role owns everything it restores.
    run_tool(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              f"--dbname={database['NAME']}", str(dump)], pg_environment(database))
    connection = pg_connect(database)
    try:
        with connection.cursor() as cursor:
            return pg_row_counts(cursor)
    finally:
        connection.close()


# SQLite ---------------------------------------------------------------------------

def sqlite_row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


def sqlite_online_copy(source: Path, target: Path) -> dict[str, int]:
    """Copy ``source`` over ``target`` with SQLite's backup API (consistent
    while the portal writes, and it replaces the whole content also under
    open connections); the row counts of what arrived."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
        return sqlite_row_counts(copy)
    finally:
        origin.close()
        copy.close()


def copy_sqlite(source: Path, target: Path) -> dict[str, int]:
    if not source.exists():
        raise BackupError(f"The SQLite database {source} does not exist.")
    return sqlite_online_copy(source, target)


def restore_sqlite(database: dict, copy: Path) -> dict[str, int]:
    target = Path(database["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_online_copy(copy, target)


# Restore ----------------------------------------------------------------------------

def database_has_tables(database: dict, engine: str) -> bool:
    if engine == "postgresql":
        return pg_table_count(database) > 0
    target = Path(database["NAME"])
    if not target.exists():
        return False
    with sqlite3.connect(target) as existing:
        has_tables = bool(sqlite_row_counts(existing))
    existing.close()
    return has_tables


def refuse_non_empty_targets(database: dict, engine: str, media_root: Path) -> None:
    """Both checks before anything is written, so a refusal changes nothing."""
    if database_has_tables(database, engine):
        raise BackupError(f"The database {database['NAME']} is not empty. Restore into an empty database, "
                          "or use --force to replace its contents.")
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"The upload folder {media_root} is not empty. Restore into an empty folder, "
                          "or use --force to replace its contents.")


def read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def check_backup_files(folder: Path, manifest: dict) -> None:
    """Refuse a damaged backup before touching anything."""
    for name, key in ((manifest["database_file"], "database_sha256"), (MEDIA_ARCHIVE, "media_archive_sha256")):
        path = folder / name
        if not path.exists():
            raise BackupError(f"The backup is incomplete: {name} is missing.")
        if sha256_of(path) != manifest[key]:
            raise BackupError(f"The backup is damaged: {name} does not match its checksum.")


def restore_media(archive: Path, media_root: Path) -> None:
    if media_root.exists() and any(media_root.iterdir()):
        shutil.rmtree(media_root)  # only reached with force: see refuse_non_empty_targets
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(media_root, filter="data")


def media_hashes(media_root: Path) -> dict[str, str]:
    return {p.relative_to(media_root).as_posix(): sha256_of(p) for p in media_root.rglob("*") if p.is_file()}


def verify(manifest: dict, counts: dict[str, int], media_root: Path) -> None:
    problems = []
    for table, expected in sorted(manifest["tables"].items()):
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, the backup had {expected}")
    problems += [f"table {table} is not in the backup" for table in sorted(set(counts) - set(manifest["tables"]))]
    found = media_hashes(media_root)
    for name, entry in sorted(manifest["files"].items()):
        if found.get(name) != entry["sha256"]:
            problems.append(f"file {name}: " + ("missing" if name not in found else "content differs"))
    if problems:
        raise BackupError("The restored data does not match the backup:\n" + "\n".join(problems))


def restore_backup(folder: Path, *, database: dict | None = None, media_root: Path | None = None,
                   force: bool = False) -> RestoreReport:
    """Restore the backup in ``folder`` into the (empty) database and upload
    folder, then verify both against the manifest."""
    folder = Path(folder)
    database = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = read_manifest(folder)
    engine = engine_of(database)
    if manifest["engine"] != engine:
        raise BackupError(f"This is a {manifest['engine']} backup; the configured database is {engine}.")
    check_backup_files(folder, manifest)
    if not force:
        refuse_non_empty_targets(database, engine, media_root)
    connections.close_all()
    if engine == "postgresql":
        counts = restore_postgres(database, folder / manifest["database_file"])
    else:
        counts = restore_sqlite(database, folder / manifest["database_file"])
    restore_media(folder / MEDIA_ARCHIVE, media_root)
    verify(manifest, counts, media_root)
    return RestoreReport(tables=len(counts), rows=sum(counts.values()), files=len(manifest["files"]))
