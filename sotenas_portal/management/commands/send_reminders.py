"""Run the reminder sweep by hand: the same sweep Celery beat runs daily."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from sotenas_portal.reminders.sweep import iter_sweep


class Command(BaseCommand):
    help = "Send the reminders due today (or on --today). Prints one line per message, then a count."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be sent; send nothing.")
        parser.add_argument("--today", help="Pretend it is this date (YYYY-MM-DD).")

    def handle(self, *args, dry_run: bool = False, today: str | None = None, **options):
        day = None
        if today:
            try:
                day = date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today must be a date as YYYY-MM-DD, not {today!r}.") from error
        count = 0
        for message in iter_sweep(today=day, dry_run=dry_run):
            if not message.sent:
                continue
            count += 1
            late = " (late)" if message.late else ""
            self.stdout.write(f"{message.recipient}\t{message.kind}{late}\t{message.subject}")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{count} message(s) {verb}.")
