"""Run the retention of closed support requests by hand: the same job
Celery beat runs daily."""

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from support.retention import anonymise_closed_requests


class Command(BaseCommand):
    help = (
        "Remove the personal content of closed and withdrawn support requests that ended more than "
        "SUPPORT_REQUEST_RETENTION_DAYS ago. Prints the references, then the counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be removed; change nothing.")
        parser.add_argument("--today", help="Pretend it is this date (YYYY-MM-DD).")
        parser.add_argument("--batch-size", type=int, default=500, help="Requests per transaction.")

    def handle(self, *args, dry_run: bool = False, today: str | None = None, batch_size: int = 500, **options):
        now = None
        if today:
            try:
                day = date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today must be a date as YYYY-MM-DD, not {today!r}.") from error
            now = timezone.make_aware(datetime.combine(day, time(12, 0)))
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        result = anonymise_closed_requests(now=now, dry_run=dry_run, batch_size=batch_size, keep_references=1000)
        for reference in result.references:
            self.stdout.write(reference)
        if result.requests > len(result.references):
            self.stdout.write(f"… and {result.requests - len(result.references)} more.")
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(
            f"{result.requests} request(s) {verb} (ended before {result.cutoff:%Y-%m-%d}), "
            f"{result.messages} message(s), {result.attachments} attachment(s)."
        )
