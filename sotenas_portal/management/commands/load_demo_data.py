"""Load believable Sotenäs demo content. Safe to run again: nothing changes."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

# Each app adds its loader here, in dependency order.
DEMO_LOADERS = [
    "accounts.demo.load",
    "enterprises.demo.load",
    "support.demo.load",
    "policy_reports.demo.load",
    # Issue 16: the records plan (dokumenthanteringsplan).
    "archive.demo.load",
]


class Command(BaseCommand):
    help = "Create demo departments, one account per role (password 'sotenas-demo') and demo content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load demo accounts even though DEBUG is off. Never do this in production.",
        )

    def handle(self, *args, allow_without_debug: bool = False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "Refusing to create demo accounts with DEBUG off: demo accounts must never exist in production."
            )
        for dotted_path in DEMO_LOADERS:
            created = import_string(dotted_path)()
            summary = ", ".join(f"{count} {what}" for what, count in created.items())
            self.stdout.write(f"{dotted_path}: created {summary}")
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
