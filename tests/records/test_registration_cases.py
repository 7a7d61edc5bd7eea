"""Registration of the other kinds of case (agreements, annual report rounds,
ASF checks), the backfill of existing cases, the demo data, and gap-free
numbers under concurrent registrations on PostgreSQL."""

import threading
from datetime import date, timedelta

import pytest
from django.apps import apps as live_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from enterprises import workflow as checks
from enterprises.models import DefinitionCheck
from policy_reports import services as rounds
from policy_reports.workflow import report_transition
from records.constants import CaseKind, Direction, DocumentKind
from records.migrations._backfill import register_checks, register_rounds, register_support
from records.models import Registration, RegistrationCounter, Series
from records.services import register, registration_for, series_for
from support.models import Agreement, AgreementAttachment, Message, RequestAttachment, RequestEvent
from support.registration import close_ended_agreements
from support.services import agreement_save
from support.workflow import support_request_transition
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.factories import DepartmentFactory, UserFactory
from tests.policy_reports.factories import COMPLETE, DepartmentReportFactory, ReportingRoundFactory
from tests.services import need_postgres
from tests.support.factories import AgreementFactory, SupportRequestFactory, support_kind

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def year():
    return timezone.localdate().year


def kinds_and_directions(registration):
    return [(d.kind, d.direction, d.party) for d in registration.documents.order_by("position")]


# Agreements -------------------------------------------------------------------

def new_agreement(department, enterprise, **fields):
    values = {"kind": "samarbetsavtal", "title": "Arbetsträning i caféet (Karin Berg)", "start_date": date(2026, 1, 1),
              "end_date": timezone.localdate() + timedelta(days=100), "contact_person": "Karin Berg"}
    return Agreement(department=department, enterprise=enterprise, **{**values, **fields})


@pytest.mark.django_db
def test_an_agreement_is_registered_when_recorded_with_its_attachments(user_for, department):
    official = user_for("official")
    enterprise = EnterpriseFactory(name="Smögens Återbruk ek. för.")
    upload = SimpleUploadedFile("avtal.pdf", PDF, content_type="application/pdf")
    agreement = agreement_save(agreement=new_agreement(department, enterprise), actor=official, attachments=[upload])
    registration = registration_for(agreement)
    assert registration.number == f"KS {year()}/0001"
    assert registration.case_kind == CaseKind.AGREEMENT
    assert registration.title == f"Avtal: Samarbetsavtal, {department.name}, Smögens Återbruk ek. för."
    assert "Karin" not in registration.title
    assert kinds_and_directions(registration) == [
        (DocumentKind.AGREEMENT, Direction.OUTGOING, "Smögens Återbruk ek. för."),
        (DocumentKind.AGREEMENT_ATTACHMENT, Direction.OUTGOING, "Smögens Återbruk ek. för."),
    ]
    assert registration.closed_at is None
    # A later attachment is added; saving again does not register twice.
    again = SimpleUploadedFile("bilaga.pdf", PDF, content_type="application/pdf")
    agreement_save(agreement=agreement, actor=official, attachments=[again])
    assert Registration.objects.count() == 1
    assert registration.documents.count() == 3


@pytest.mark.django_db
def test_an_agreement_case_closes_when_its_end_date_has_passed(user_for, department):
    official = user_for("official")
    agreement = agreement_save(agreement=new_agreement(department, EnterpriseFactory()), actor=official)
    registration = registration_for(agreement)
    agreement.end_date = timezone.localdate() - timedelta(days=1)
    agreement_save(agreement=agreement, actor=official)
    registration.refresh_from_db()
    assert timezone.localdate(registration.closed_at) == agreement.end_date, "counted from the end date itself"
    agreement.end_date = timezone.localdate() + timedelta(days=30)  # extended
    agreement_save(agreement=agreement, actor=official)
    registration.refresh_from_db()
    assert registration.closed_at is None


@pytest.mark.django_db
def test_the_daily_task_closes_agreements_that_ended(user_for, department):
    official = user_for("official")
    ending = agreement_save(agreement=new_agreement(department, EnterpriseFactory(),
                                                    end_date=timezone.localdate()), actor=official)
    running = agreement_save(agreement=new_agreement(department, EnterpriseFactory(), end_date=None), actor=official)
    assert close_ended_agreements(today=timezone.localdate()) == 0, "the end date is still a day of the agreement"
    assert close_ended_agreements(today=timezone.localdate() + timedelta(days=1)) == 1
    assert registration_for(ending).closed_at is not None
    assert registration_for(running).closed_at is None


@pytest.mark.django_db
def test_the_agreement_page_and_export_show_the_number(client_as, user_for, department):
    agreement = agreement_save(agreement=new_agreement(department, EnterpriseFactory()), actor=user_for("official"))
    number = registration_for(agreement).number
    html = client_as("official").get(reverse("support:agreement_detail", kwargs={"pk": agreement.pk})).content
    assert "Diarienummer" in html.decode() and number in html.decode()
    assert "Handlingar i ärendet" in html.decode()
    csv = client_as("official").get(reverse("support:agreement_export")).content.decode("utf-8-sig")
    header, row = csv.strip().splitlines()
    assert header.endswith(";Diarienummer") and row.endswith(f";{number}")


# Annual report rounds -----------------------------------------------------------

@pytest.mark.django_db
def test_a_round_is_registered_when_opened_and_closes_when_every_report_is_accepted(user_for):
    coordinator, official = user_for("coordinator"), user_for("official")
    second = DepartmentFactory(name="Sotenäs Vatten AB")
    reporting_round, _created, added = rounds.reporting_round_open(year=2025, actor=coordinator)
    registration = registration_for(reporting_round)
    assert registration.case_kind == CaseKind.REPORTING_ROUND
    assert registration.title == "Årlig rapportering om policyn för social ekonomi 2025"
    assert kinds_and_directions(registration) == [
        (DocumentKind.ROUND_OPENED, Direction.OUTGOING, "Samtliga förvaltningar och kommunala bolag"),
    ]
    reports = list(reporting_round.reports.select_related("department").order_by("department__name"))
    assert len(reports) == added == 2
    for report in reports:
        for name, value in COMPLETE.items():
            setattr(report, name, value)
        report.save()
        report = report_transition(report=report, move="start", actor=None)
        report = report_transition(report=report, move="submit", actor=None)
        report_transition(report=report, move="accept", actor=coordinator)
        registration.refresh_from_db()
        if report.department == reports[0].department:
            assert registration.closed_at is None, "one report is still not accepted"
    registration.refresh_from_db()
    assert registration.closed_at is not None
    assert kinds_and_directions(registration)[1:] == [
        (DocumentKind.ANNUAL_REPORT, Direction.INCOMING, reports[0].department.name),
        (DocumentKind.ANNUAL_REPORT, Direction.INCOMING, second.name),
        (DocumentKind.COMPILED_REPORT, Direction.OUTGOING, "Kommunstyrelsen"),
    ]
    assert official is not None
    DepartmentFactory(name="Sektor omsorg")  # a new department gets its report: the round opens again
    assert rounds.reporting_round_sync(reporting_round=reporting_round) == 1
    registration.refresh_from_db()
    assert registration.closed_at is None


@pytest.mark.django_db
def test_the_round_page_shows_the_number(client_as, user_for):
    reporting_round, _created, _added = rounds.reporting_round_open(year=2025, actor=user_for("coordinator"))
    url = reverse("policy_reports:round_overview", kwargs={"pk": reporting_round.pk})
    html = client_as("coordinator").get(url).content.decode()
    assert "Diarienummer" in html and registration_for(reporting_round).number in html


# ASF checks ---------------------------------------------------------------------

@pytest.fixture
def open_check(user_for):
    enterprise = EnterpriseFactory(name="Hunnebostrands Arbetskooperativ ek. för.")
    RepresentationFactory(user=user_for("representative"), enterprise=enterprise)
    check = make_check(enterprise)
    checks.check_add_evidence(check=check, criterion=1, user=user_for("representative"),
                              upload=SimpleUploadedFile("stadgar.pdf", PDF, content_type="application/pdf"))
    return check


@pytest.mark.django_db
def test_an_asf_check_is_registered_on_submission_and_closed_by_the_decision(open_check, user_for):
    representative, coordinator = user_for("representative"), user_for("coordinator")
    assert registration_for(open_check) is None, "a draft is the enterprise's own"
    checks.check_move(check=open_check, action="submit", user=representative)
    registration = registration_for(open_check)
    assert registration.case_kind == CaseKind.ASF_CHECK
    assert registration.title == "Prövning mot ASF-definitionen: Hunnebostrands Arbetskooperativ ek. för."
    checks.check_move(check=open_check, action="request_info", user=coordinator, comment="Bifoga stadgarna.")
    checks.check_add_evidence(check=open_check, criterion=3, user=representative,
                              upload=SimpleUploadedFile("arsredovisning.pdf", PDF, content_type="application/pdf"))
    checks.check_move(check=open_check, action="submit", user=representative)
    verdicts = {criterion: ("met", "Styrks av stadgarna.") for criterion in range(1, 5)}
    checks.check_move(check=open_check, action="decide", user=coordinator, verdicts=verdicts)
    registration.refresh_from_db()
    party = "Hunnebostrands Arbetskooperativ ek. för."
    assert kinds_and_directions(registration) == [
        (DocumentKind.ASF_CHECK, Direction.INCOMING, party),
        (DocumentKind.EVIDENCE, Direction.INCOMING, party),
        (DocumentKind.REQUEST_FOR_INFORMATION, Direction.OUTGOING, party),
        (DocumentKind.EVIDENCE, Direction.INCOMING, party),
        (DocumentKind.ASF_CHECK, Direction.INCOMING, party),
        (DocumentKind.DECISION, Direction.OUTGOING, party),
    ]
    assert "Bifoga" not in " ".join(registration.documents.values_list("description", flat=True))
    assert registration.closed_at is not None


@pytest.mark.django_db
def test_the_check_pages_show_the_number(client_as, open_check, user_for):
    checks.check_move(check=open_check, action="submit", user=user_for("representative"))
    number = registration_for(open_check).number
    slug = open_check.enterprise.slug
    review = client_as("coordinator").get(reverse("enterprises:check_review", kwargs={"slug": slug,
                                                                                      "pk": open_check.pk}))
    assert "Diarienummer" in review.content.decode() and number in review.content.decode()
    fill = client_as("representative").get(reverse("enterprises:check_fill", kwargs={"slug": slug}))
    assert number in fill.content.decode()


# Existing cases: the data migrations' backfill --------------------------------

@pytest.mark.django_db
def test_the_backfill_registers_existing_cases_oldest_first_with_their_documents(user_for, department):
    official = user_for("official")
    newer = SupportRequestFactory(closed=True, department=department, submitted_at=timezone.now() - timedelta(days=2),
                                  subject="Anna Svenssons ansökan")
    older = SupportRequestFactory(in_progress=True, department=department,
                                  submitted_at=timezone.now() - timedelta(days=9))
    SupportRequestFactory(subject="Ett utkast")
    Message.objects.create(request=older, author=older.applicant, body="Hej")
    Message.objects.create(request=older, author=official, body="Notering", is_internal=True)
    RequestAttachment.objects.create(request=older, original_name="budget.pdf", content_type="application/pdf",
                                     size=9, file=ContentFile(PDF, name="budget.pdf"), uploaded_by=older.applicant)
    RequestEvent.objects.create(request=newer, move="decide", from_state="in_progress", to_state="decided",
                                actor=official)
    agreement = AgreementFactory(department=department, end_date=timezone.localdate() - timedelta(days=5),
                                 start_date=timezone.localdate() - timedelta(days=400))
    AgreementAttachment.objects.create(agreement=agreement, original_name="avtal.pdf", content_type="application/pdf",
                                       size=9, file=ContentFile(PDF, name="avtal.pdf"))
    with transaction.atomic():
        register_support(live_apps)
        register_support(live_apps)  # run twice: nothing registered twice

    assert Registration.objects.count() == 3
    numbers = {case: registration_for(case) for case in (older, newer, agreement)}
    assert [numbers[older].sequence, numbers[newer].sequence] == [1, 2]
    assert numbers[agreement].sequence == 3, "created today, after both requests were submitted"
    assert kinds_and_directions(numbers[older]) == [
        (DocumentKind.APPLICATION, Direction.INCOMING, "Sökande"),
        (DocumentKind.MESSAGE, Direction.INCOMING, "Sökande"),
        (DocumentKind.INTERNAL_NOTE, Direction.INTERNAL, department.name),
        (DocumentKind.ATTACHMENT, Direction.INCOMING, "Sökande"),
    ]
    assert [d.kind for d in numbers[newer].documents.all()] == [DocumentKind.APPLICATION, DocumentKind.DECISION]
    assert numbers[newer].closed_at == newer.ended_at and numbers[older].closed_at is None
    assert "Anna" not in numbers[newer].title
    assert numbers[agreement].closed_at is not None
    assert RegistrationCounter.objects.get(series__prefix="KS", year=year()).last_number == 3
    # A case registered afterwards takes the next number.
    live = SupportRequestFactory(applicant=UserFactory(), kind=support_kind())
    support_request_transition(request_id=live.pk, move="submit", actor=live.applicant)
    assert registration_for(live).sequence == 4


@pytest.mark.django_db
def test_the_backfill_leaves_a_manual_series_alone():
    Series.objects.filter(prefix="KS").update(manual=True)
    SupportRequestFactory(submitted=True)
    with transaction.atomic():
        register_support(live_apps)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_the_backfill_of_checks_and_rounds(user_for):
    enterprise = EnterpriseFactory()
    decided = make_check(enterprise, "decided", is_asf=True, decided_on=date(2025, 5, 2))
    DefinitionCheck.objects.filter(pk=decided.pk).update(submitted_at=timezone.now() - timedelta(days=400))
    make_check(EnterpriseFactory())  # a draft
    reporting_round = ReportingRoundFactory(year=2024)
    DepartmentReportFactory(reporting_round=reporting_round, accepted=True)
    with transaction.atomic():
        register_checks(live_apps)
        register_rounds(live_apps)
    check_registration = registration_for(decided)
    assert [d.kind for d in check_registration.documents.all()] == [DocumentKind.ASF_CHECK, DocumentKind.DECISION]
    assert timezone.localdate(check_registration.closed_at) == date(2025, 5, 2)
    round_registration = registration_for(reporting_round)
    assert [d.kind for d in round_registration.documents.all()] == [
        DocumentKind.ROUND_OPENED, DocumentKind.ANNUAL_REPORT, DocumentKind.COMPILED_REPORT,
    ]
    assert round_registration.closed_at is not None
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_the_demo_data_has_registered_cases_with_document_lists():
    call_command("load_demo_data", "--allow-without-debug")
    from support.models import SupportRequest

    submitted = SupportRequest.objects.exclude(submitted_at=None)
    assert submitted.exists()
    for support_request in submitted:
        registration = registration_for(support_request)
        assert registration is not None and registration.documents.filter(kind=DocumentKind.APPLICATION).exists()
    for kind in CaseKind.values:
        assert Registration.objects.filter(case_kind=kind).exists(), kind
    assert Registration.objects.filter(closed_at__isnull=False).exists()
    assert Agreement.objects.count() == Registration.objects.filter(case_kind=CaseKind.AGREEMENT).count()
    numbers = list(Registration.objects.filter(series__prefix="KS", year=year()).values_list("sequence", flat=True))
    assert sorted(numbers) == list(range(1, len(numbers) + 1)), "gap-free"


# Concurrency ----------------------------------------------------------------

REGISTRARS = 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_in_one_series_get_unique_gap_free_numbers():
    need_postgres()
    series = series_for(CaseKind.SUPPORT_REQUEST)  # KS (made again if an earlier test emptied the tables)
    series_for(CaseKind.AGREEMENT)
    drafts = [SupportRequestFactory(applicant=UserFactory(), kind=support_kind()) for _ in range(REGISTRARS // 2)]
    agreements = [AgreementFactory() for _ in range(REGISTRARS // 2)]
    barrier = threading.Barrier(REGISTRARS)
    errors = []

    def submit(draft):
        try:
            barrier.wait(timeout=30)
            support_request_transition(request_id=draft.pk, move="submit", actor=draft.applicant)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    def register_agreement(agreement):
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                register(agreement, case_kind=CaseKind.AGREEMENT, title="Avtal")
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(d,)) for d in drafts]
    threads += [threading.Thread(target=register_agreement, args=(a,)) for a in agreements]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    registrations = Registration.objects.filter(series=series, year=year())
    assert sorted(registrations.values_list("sequence", flat=True)) == list(range(1, REGISTRARS + 1))
    assert sorted(registrations.values_list("number", flat=True)) == [
        f"KS {year()}/{n:04d}" for n in range(1, REGISTRARS + 1)
    ]
    assert RegistrationCounter.objects.get(series=series, year=year()).last_number == REGISTRARS
