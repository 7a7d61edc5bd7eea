"""The records manager's delivery pages: a new delivery through the form,
its packages, the download, the e-archive's receipt, refusals that change
nothing, and a list whose query count does not grow."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from records.models import Delivery, DeliveryPackage, Series
from tests.archive.export_cases import closed_support_case
from tests.conftest import sv
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def export_folder(settings, tmp_path):
    settings.ARCHIVE_EXPORT_DIR = str(tmp_path / "leveranser")
    return tmp_path / "leveranser"


def new_delivery(client, closed_before="2026-01-01"):
    series = Series.objects.get(prefix="KS")
    return client.post(reverse("archive:delivery_new"), {"series": series.pk, "closed_before": closed_before})


def test_a_delivery_made_on_the_page_lists_its_validated_packages(client_as, department, export_folder):
    registration, _ = closed_support_case(department=department)
    client = client_as("records_manager")

    response = new_delivery(client)

    delivery = Delivery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:delivery_detail", kwargs={"pk": delivery.pk})
    assert delivery.status == Delivery.Status.VALID
    assert Path(delivery.folder).parent == export_folder
    page = client.get(response["Location"]).content.decode()
    package = delivery.packages.get()
    assert registration.number in page and package.sha256 in page
    assert sv("The packages are written and every one passed validation.") in page
    assert sv("Every package passed validation. Send the packages to the e-archive; when its receipt arrives, "
              "record it here.") in page
    assert reverse("archive:delivery_receipt", kwargs={"pk": delivery.pk}) in page

    download = client.get(reverse("archive:delivery_package", kwargs={"pk": delivery.pk, "package_pk": package.pk}))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == (Path(delivery.folder) / package.name).read_bytes()


def test_nothing_to_deliver_is_said_on_the_form_and_records_nothing(client_as):
    response = new_delivery(client_as("records_manager"))
    assert response.status_code == 200
    assert sv("No closed case in %(prefix)s closed before %(date)s is waiting for delivery.") % {
        "prefix": "KS", "date": "2026-01-01"} in response.content.decode()
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("closed_before", ["", "2026-02-31", "1999-12-31", "kalle"])
def test_a_bad_date_is_refused_in_swedish(client_as, department, closed_before):
    closed_support_case(department=department)
    response = new_delivery(client_as("records_manager"), closed_before)
    assert response.status_code == 200
    page = response.content.decode()
    assert sv("Enter a date as YYYY-MM-DD.") in page or sv(
        "Enter a date between 2000-01-01 and a year from today.") in page
    assert not Delivery.objects.exists()


def test_a_failed_delivery_says_so_and_cannot_be_received(client_as, department):
    _, objects = closed_support_case(department=department)
    Path(objects["attachment"].file.path).unlink()
    client = client_as("records_manager")
    new_delivery(client)
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED
    page = client.get(reverse("archive:delivery_detail", kwargs={"pk": delivery.pk})).content.decode()
    assert "FILE" in page and reverse("archive:delivery_receipt", kwargs={"pk": delivery.pk}) not in page

    receipt_url = reverse("archive:delivery_receipt", kwargs={"pk": delivery.pk})
    assert client.get(receipt_url).status_code == 403
    assert client.post(receipt_url, {"reference": "EA-1", "received_on": "2026-01-02"}).status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED and delivery.receipt_reference == ""


def test_the_receipt_makes_a_valid_delivery_received(client_as, user_for, department):
    closed_support_case(department=department)
    client = client_as("records_manager")
    new_delivery(client)
    delivery = Delivery.objects.get()
    url = reverse("archive:delivery_receipt", kwargs={"pk": delivery.pk})

    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    refused = client.post(url, {"reference": "EA 2026/17", "received_on": future})
    assert refused.status_code == 200
    assert sv("The receipt date must lie between the delivery and today.") in refused.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.VALID

    response = client.post(url, {"reference": "  EA 2026/17 ", "received_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.RECEIVED
    assert delivery.receipt_reference == "EA 2026/17"
    assert delivery.received_by == user_for("records_manager")
    assert timezone.localdate(delivery.received_at) == timezone.localdate()
    # received once: the form is gone and a second receipt is refused
    assert client.get(url).status_code == 403


def test_a_received_case_is_not_delivered_again(client_as, department):
    closed_support_case(department=department)
    client = client_as("records_manager")
    new_delivery(client)
    Delivery.objects.update(status=Delivery.Status.RECEIVED)
    new_delivery(client)
    assert Delivery.objects.count() == 1


@pytest.mark.parametrize("role", ["official", "coordinator", "representative"])
def test_nobody_else_can_deliver_or_download(client_as, department, role):
    closed_support_case(department=department)
    new_delivery(client_as("records_manager"))
    delivery = Delivery.objects.get()
    package = delivery.packages.get()
    client = client_as(role)
    assert new_delivery(client).status_code == 403
    assert client.get(reverse("archive:delivery_package",
                              kwargs={"pk": delivery.pk, "package_pk": package.pk})).status_code == 403
    assert Delivery.objects.count() == 1


def test_a_package_of_another_delivery_is_not_found(client_as, department):
    closed_support_case(department=department)
    client = client_as("records_manager")
    new_delivery(client)
    package = DeliveryPackage.objects.get()
    other = Delivery.objects.create(series=package.delivery.series, closed_before=date(2026, 1, 1),
                                    status=Delivery.Status.FAILED, folder="")
    url = reverse("archive:delivery_package", kwargs={"pk": other.pk, "package_pk": package.pk})
    assert client.get(url).status_code == 404


def test_the_delivery_list_has_a_fixed_query_count(client_as, department):
    client = client_as("records_manager")
    registration, _ = closed_support_case(department=department, with_attachment=False)
    series = registration.series

    def add_deliveries(count: int) -> None:
        for _ in range(count):
            delivery = Delivery.objects.create(series=series, closed_before=date(2026, 1, 1),
                                               status=Delivery.Status.VALID, folder="")
            DeliveryPackage.objects.create(delivery=delivery, registration=registration, name="KS.zip",
                                           sha256="0" * 64, size=10, is_valid=True)

    assert_fixed_query_count(lambda: client.get(reverse("archive:deliveries")), add_deliveries, sizes=(3, 30))
    page = client.get(reverse("archive:deliveries")).content.decode()
    assert sv("1 of 1 valid") in page or "1 av 1" in page


@pytest.mark.parametrize("huge", ["2147483648", "9223372036854775808", "99999999999999999999999999"])
def test_ids_past_the_database_range_are_not_found(client_as, huge):
    client = client_as("records_manager")
    for url in (f"/arkiv/leveranser/{huge}/", f"/arkiv/leveranser/{huge}/kvitto/",
                f"/arkiv/leveranser/{huge}/paket/1/", f"/arkiv/leveranser/1/paket/{huge}/"):
        assert client.get(url).status_code == 404, url
