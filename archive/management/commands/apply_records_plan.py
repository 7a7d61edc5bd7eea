"""Run the disposal job by hand: the same job Celery beat runs daily."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from archive.disposal.runner import apply_plan


class Command(BaseCommand):
    help = (
        "Dispose of (gallra) what the records plan says is due, and write the disposal log. "
        "Prints per rule what it disposed of, or with --dry-run what it would."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be disposed of; change nothing.")
        parser.add_argument("--today", help="Apply the plan as of this date (YYYY-MM-DD).")
        parser.add_argument("--batch-size", type=int, default=500, help="Records per transaction.")

    def handle(self, *args, dry_run: bool = False, today: str | None = None, batch_size: int = 500, **options):
        day = None
        if today:
            try:
                day = date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today must be a date as YYYY-MM-DD, not {today!r}.") from error
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        result = apply_plan(today=day, dry_run=dry_run, batch_size=batch_size)
        verb = "would be disposed of" if dry_run else "disposed of"
        self.stdout.write(f"Records plan applied as of {result.as_of:%Y-%m-%d}{' (dry run)' if dry_run else ''}.")
        if not result.outcomes:
            self.stdout.write("No rule of the records plan disposes of anything.")
        for outcome in result.outcomes:
            rule = outcome.rule
            self.stdout.write(
                f"{rule.record_type} ({rule.action}, {rule.decision}): {outcome.count} record(s) {verb}"
                + (f" in {outcome.cases} case(s): {', '.join(outcome.numbers)}" if outcome.numbers else "")
            )
        self.stdout.write(f"{result.total} record(s) {verb} in all.")
