"""Restore a backup made by `manage.py backup` (see sotenas_portal/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sotenas_portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Restore a backup folder into the configured database and MEDIA_ROOT, both of which must be empty "
            "(unless --force), then verify every table's row count and every file's checksum against the "
            "backup's manifest.")

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder (backup-<timestamp>) to restore.")
        parser.add_argument("--force", action="store_true",
                            help="Replace the contents of a database and upload folder that are not empty.")

    def handle(self, *args, backup: str, force: bool = False, **options):
        try:
            report = restore_backup(Path(backup), force=force)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored and verified {report.tables} tables ({report.rows} rows) and "
                          f"{report.files} uploaded files.")
