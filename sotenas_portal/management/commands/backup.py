"""Back up the database and the private uploads into a folder (see sotenas_portal/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sotenas_portal.backup import BackupError, create_backup, read_manifest


class Command(BaseCommand):
    help = ("Write a backup of the configured database (pg_dump, or a consistent SQLite copy) and of the private "
            "uploads (MEDIA_ROOT), with a manifest of row counts and file checksums, to a new folder "
            "backup-<timestamp> under DIRECTORY. Prints the folder's path.")

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to create the backup folder (created if missing).")

    def handle(self, *args, directory: str, **options):
        try:
            folder = create_backup(Path(directory))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        manifest = read_manifest(folder)
        rows = sum(manifest["tables"].values())
        self.stderr.write(f"Backed up {len(manifest['tables'])} tables ({rows} rows) and "
                          f"{len(manifest['files'])} uploaded files.")
        self.stdout.write(str(folder))
