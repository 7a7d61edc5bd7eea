"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 16: delivery to the e-archive (§4). The records
manager and the system administrator see the deliveries, start one,
download a package and record the e-archive's receipt (of a valid
delivery only); nobody else reaches any of it. The harness shows the list,
the new-delivery form, a valid and a failed delivery and the receipt form."""

from tests.harness.access import RECORDS_MANAGERS, Access


def valid_kwargs(ctx):
    return {"pk": ctx["valid_delivery"].pk}


def failed_kwargs(ctx):
    return {"pk": ctx["failed_delivery"].pk}


def package_kwargs(ctx):
    return {"pk": ctx["valid_delivery"].pk, "package_pk": ctx["valid_package"].pk}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "archive:deliveries": Access(RECORDS_MANAGERS),
    "archive:delivery_new": Access(RECORDS_MANAGERS),
    "archive:delivery_detail": Access(RECORDS_MANAGERS, kwargs=valid_kwargs),
    "archive:delivery_receipt": Access(RECORDS_MANAGERS, kwargs=valid_kwargs),
    "archive:delivery_package": Access(RECORDS_MANAGERS, kwargs=package_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("records_manager", "archive:deliveries", None),
    ("records_manager", "archive:delivery_new", None),
    ("records_manager", "archive:delivery_detail", valid_kwargs),
    ("records_manager", "archive:delivery_detail", failed_kwargs),
    ("records_manager", "archive:delivery_receipt", valid_kwargs),
]


def deliveries_context(*, user_for, department) -> dict:
    """A valid delivery of one closed case (its ZIP on disk) and a failed
    one with a validation error, written as rows (no export runs here)."""
    import zipfile
    from datetime import date

    from django.conf import settings

    from records.constants import CaseKind
    from records.models import Delivery, DeliveryPackage, Series
    from records.services import close, register
    from tests.support.factories import SupportRequestFactory

    series = Series.objects.get(prefix="KS")
    registration = register(SupportRequestFactory(closed=True, department=department),
                            case_kind=CaseKind.SUPPORT_REQUEST, title="Stöd till arbetsträning")
    close(registration)
    folder = settings.VAR_DIR / "harness-deliveries"
    folder.mkdir(parents=True, exist_ok=True)
    zip_path = folder / "KS-2025-0001.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("KS-2025-0001/METS.xml", "<mets/>")
    valid = Delivery.objects.create(series=series, closed_before=date(2026, 1, 1), status=Delivery.Status.VALID,
                                    folder=str(folder))
    package = DeliveryPackage.objects.create(delivery=valid, registration=registration, name=zip_path.name,
                                             sha256="0" * 64, size=zip_path.stat().st_size, is_valid=True)
    failed = Delivery.objects.create(series=series, closed_before=date(2026, 1, 1), status=Delivery.Status.FAILED,
                                     folder=str(folder))
    DeliveryPackage.objects.create(
        delivery=failed, registration=registration, name="KS-2025-0001.zip", sha256="", size=0, is_valid=False,
        errors=[{"rule": "FILE", "message": "The package could not be written: the stored file is missing.",
                 "location": "KS-2025-0001"}],
    )
    return {"valid_delivery": valid, "valid_package": package, "failed_delivery": failed}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [deliveries_context]
