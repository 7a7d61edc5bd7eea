"""Deliver the closed cases of a series to the e-archive as E-ARK SIPs."""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from archive.export.delivery import default_folder, run_delivery
from records.models import Series


class Command(BaseCommand):
    help = (
        "Write one E-ARK SIP (FGS Paketstruktur 2.0, ERMS metadata) per closed case of a series not yet "
        "delivered, validate each with the E-ARK validator and the ERMS schema, and record the delivery. "
        "A delivery with an invalid package is recorded as failed, not delivered."
    )

    def add_arguments(self, parser):
        parser.add_argument("--series", required=True, help="The series prefix, for example KS.")
        parser.add_argument("--closed-before", required=True, help="Cases closed before this date (YYYY-MM-DD).")
        parser.add_argument("--out", help=f"Folder for the packages (default {default_folder()}).")

    def handle(self, *args, series: str, closed_before: str, out: str | None = None, **options):
        try:
            cutoff = date.fromisoformat(closed_before)
        except ValueError as error:
            raise CommandError(f"--closed-before must be a date as YYYY-MM-DD, not {closed_before!r}.") from error
        try:
            chosen = Series.objects.get(prefix=series)
        except Series.DoesNotExist:
            known = ", ".join(Series.objects.values_list("prefix", flat=True)) or "none"
            raise CommandError(f"No series {series!r} (known: {known}).") from None
        try:
            delivery = run_delivery(chosen, cutoff, out_dir=Path(out) if out else None)
        except ValidationError as error:
            self.stdout.write(" ".join(error.messages))
            return
        packages = list(delivery.packages.order_by("name"))
        for package in packages:
            state = "valid" if package.is_valid else "INVALID"
            self.stdout.write(f"{package.name}: {state}, {package.size} bytes, sha256 {package.sha256 or '-'}")
            for error in package.errors[:10]:
                self.stdout.write(f"  {error.get('rule', '')} {error.get('message', '')} {error.get('location', '')}")
        valid = sum(package.is_valid for package in packages)
        self.stdout.write(
            f"Delivery {delivery.pk} of {chosen.prefix} (closed before {cutoff:%Y-%m-%d}): {valid} of "
            f"{len(packages)} package(s) valid, status {delivery.status}. Folder: {delivery.folder}"
        )
        if delivery.status != delivery.Status.VALID:
            raise CommandError("The delivery failed validation and is not delivered; see the errors above.")
