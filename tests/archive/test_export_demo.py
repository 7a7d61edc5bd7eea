"""``archive_export`` on the demo data: the closed cases of every kind
become packages that pass the E-ARK validator and the ERMS schema."""

import zipfile
from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from archive.export.validation import ERMS_SCHEMA, eark_problems
from enterprises.models import DefinitionCheck
from policy_reports.models import ReportingRound
from records import services
from records.constants import CaseKind, Direction, DocumentKind
from records.models import Delivery, Registration
from support.constants import ENDED_STATES
from support.models import Agreement, SupportRequest

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(datetime(2025, 9, 30, 16, 0))


def registered(case, kind: CaseKind, title: str, document: DocumentKind) -> Registration:
    """The case's registration (the demo data's own where it has one), with
    at least one document, closed in 2025."""
    registration = services.register(case, case_kind=kind, title=title, at=CLOSED.replace(month=1))
    if not registration.documents.exists():
        services.add_document(registration, kind=document, direction=Direction.INCOMING, description=title,
                              party="Sökande organisation", record=case)
    Registration.objects.filter(pk=registration.pk).update(closed_at=CLOSED)
    return registration


def test_archive_export_on_the_demo_data_passes_the_validator_and_the_schema(tmp_path):
    call_command("load_demo_data", "--allow-without-debug", stdout=StringIO())
    closed = [
        *(registered(r, CaseKind.SUPPORT_REQUEST, f"Stödärende {r.pk}", DocumentKind.APPLICATION)
          for r in SupportRequest.objects.filter(state__in=ENDED_STATES)[:3]),
        *(registered(a, CaseKind.AGREEMENT, f"Överenskommelse {a.pk}", DocumentKind.AGREEMENT)
          for a in Agreement.objects.all()[:2]),
        *(registered(r, CaseKind.REPORTING_ROUND, f"Årsrapporter {r.year}", DocumentKind.ROUND_OPENED)
          for r in ReportingRound.objects.all()[:1]),
        *(registered(c, CaseKind.ASF_CHECK, f"ASF-prövning {c.pk}", DocumentKind.ASF_CHECK)
          for c in DefinitionCheck.objects.filter(status=DefinitionCheck.Status.DECIDED)[:2]),
    ]
    assert {r.case_kind for r in closed} == set(CaseKind.values), "the demo data has a case of every kind"
    expected = Registration.objects.filter(closed_at__lt=timezone.make_aware(datetime(2026, 1, 1)),
                                           disposed_at__isnull=True, series__prefix="KS").count()

    out = StringIO()
    call_command("archive_export", "--series", "KS", "--closed-before", "2026-01-01", "--out", str(tmp_path),
                 stdout=out)

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.VALID, out.getvalue()
    assert delivery.packages.count() == expected >= len(closed)
    schema = etree.XMLSchema(etree.parse(str(ERMS_SCHEMA)))
    for package in delivery.packages.all():
        with zipfile.ZipFile(Path(delivery.folder) / package.name) as archive:
            archive.extractall(tmp_path / "unpacked")
        folder = tmp_path / "unpacked" / package.name.removesuffix(".zip")
        errors, _warnings = eark_problems(folder)
        assert errors == [], (package.name, [(e.rule_id, e.message) for e in errors])
        erms = etree.parse(str(folder / "metadata" / "descriptive" / "erms.xml"))
        assert schema.validate(erms), (package.name, schema.error_log)
        assert erms.findtext(".//{https://DILCIS.eu/XML/ERMS}ObjectID") == package.registration.number
