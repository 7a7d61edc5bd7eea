"""A delivery to the e-archive: the closed cases of a series not yet
delivered, one validated package each, recorded as a ``records.Delivery``.

A delivery is VALID only when every package passed the E-ARK validator,
the checksum check and the ERMS schema; one failed package makes it FAILED
and none of its cases counts as delivered (they are offered again by the
next delivery). The e-archive's receipt, recorded by the records manager,
makes it RECEIVED: only then may the disposal job remove what the plan
keeps (``remove_after_receipt``)."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from records.models import Delivery, DeliveryPackage, Registration, Series

from .content import UnwritableDocument
from .package import package_name, write_package
from .validation import Problem, sha256_file, validate_package

logger = logging.getLogger(__name__)
DELIVERED = (Delivery.Status.VALID, Delivery.Status.RECEIVED)


@dataclass(frozen=True)
class DeliveryRequest:
    series: Series
    closed_before: date


def default_folder() -> Path:
    return Path(getattr(settings, "ARCHIVE_EXPORT_DIR", "") or settings.VAR_DIR / "arkivleveranser")


def cases_due(series: Series, closed_before: date) -> QuerySet[Registration]:
    """Closed before the date (local midnight), content not disposed of,
    not in a valid or received delivery."""
    cutoff = timezone.make_aware(datetime.combine(closed_before, time.min))
    return (
        Registration.objects.filter(series=series, closed_at__isnull=False, closed_at__lt=cutoff,
                                    disposed_at__isnull=True)
        .exclude(packages__delivery__status__in=DELIVERED)
        .order_by("closed_at", "pk")
    )


def run_delivery(series: Series, closed_before: date, *, by=None, out_dir: Path | None = None) -> Delivery:
    """Write, validate and record the packages of every case due. Raises a
    ValidationError (in Swedish) when there is nothing to deliver."""
    registrations = list(cases_due(series, closed_before).select_related("series"))
    if not registrations:
        raise ValidationError(
            _("No closed case in %(prefix)s closed before %(date)s is waiting for delivery.")
            % {"prefix": series.prefix, "date": closed_before.isoformat()}, code="nothing_due",
        )
    base = Path(out_dir) if out_dir else default_folder()
    delivery = Delivery.objects.create(series=series, closed_before=closed_before, status=Delivery.Status.FAILED,
                                       created_by=by if getattr(by, "is_authenticated", False) else None,
                                       folder="")
    folder = base / f"leverans-{delivery.pk}-{series.prefix}-{closed_before:%Y%m%d}"
    folder.mkdir(parents=True, exist_ok=True)
    delivery.folder = str(folder.resolve())
    delivery.save(update_fields=["folder"])
    names: set[str] = set()
    for registration in registrations:
        name = package_name(registration)
        if name in names:
            name = f"{name}-{registration.pk}"
        names.add(name)
        _deliver_one(delivery, registration, folder, name)
    valid = not delivery.packages.filter(is_valid=False).exists()
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.VALID if valid else Delivery.Status.FAILED)
    delivery.refresh_from_db()
    logger.info("Delivery %s of %s: %s packages, %s", delivery.pk, series.prefix, len(registrations), delivery.status)
    return delivery


def _deliver_one(delivery: Delivery, registration: Registration, folder: Path, name: str) -> DeliveryPackage:
    try:
        written = write_package(registration, folder, name=name)
    except UnwritableDocument as error:
        return DeliveryPackage.objects.create(
            delivery=delivery, registration=registration, name=f"{name}.zip", sha256="", size=0, is_valid=False,
            errors=[Problem("FILE", f"The package could not be written: {error}", name).as_dict()],
        )
    result = validate_package(written.zip_path)
    return DeliveryPackage.objects.create(
        delivery=delivery, registration=registration, name=written.zip_path.name,
        sha256=sha256_file(written.zip_path), size=written.zip_path.stat().st_size, is_valid=result.is_valid,
        errors=result.error_list(),
    )


def package_path(package: DeliveryPackage) -> Path | None:
    """The package's ZIP on disk, if it is still there."""
    if not package.delivery.folder or not package.sha256:
        return None
    path = Path(package.delivery.folder) / package.name
    return path if path.is_file() else None


@transaction.atomic
def record_receipt(delivery: Delivery, *, reference: str, received_on: date, by=None) -> Delivery:
    """The e-archive has received the delivery: its receipt reference and
    date. Only a valid delivery can be received, once."""
    locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if locked.status != Delivery.Status.VALID:
        raise ValidationError(_("Only a delivery whose packages all passed validation can be received."),
                              code="not_valid")
    reference = " ".join((reference or "").split())
    if not reference:
        raise ValidationError({"reference": ValidationError(_("Enter the e-archive's receipt reference."),
                                                            code="required")})
    if received_on < timezone.localdate(locked.created_at) or received_on > timezone.localdate():
        raise ValidationError({"received_on": ValidationError(
            _("The receipt date must lie between the delivery and today."), code="date")})
    locked.status = Delivery.Status.RECEIVED
    locked.receipt_reference = reference[:120]
    locked.received_at = timezone.make_aware(datetime.combine(received_on, time(12)))
    locked.received_by = by if getattr(by, "is_authenticated", False) else None
    locked.save(update_fields=["status", "receipt_reference", "received_at", "received_by"])
    return locked
