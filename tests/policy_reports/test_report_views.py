"""The report pages: a department official sees and edits only their own
department's reports, the coordinator sees all and reviews; bad input
gets a clear message and changes nothing."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from policy_reports.constants import ReportStatus
from policy_reports.models import DepartmentReport
from tests.factories import UserFactory
from tests.policy_reports.factories import COMPLETE, DepartmentReportFactory, ReportingRoundFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporting_round():
    return ReportingRoundFactory(year=2025, due_date=date(2026, 2, 28))


@pytest.fixture
def own_report(reporting_round, department):
    return DepartmentReportFactory(reporting_round=reporting_round, department=department)


@pytest.fixture
def other_report(reporting_round, other_department):
    return DepartmentReportFactory(reporting_round=reporting_round, department=other_department, submitted=True)


def url(name, report, **extra):
    return reverse(f"policy_reports:{name}", kwargs={"pk": report.pk, **extra})


def form_data(action="save", **changes):
    data = {key: ("" if value is None else str(value)) for key, value in {**COMPLETE, **changes}.items()}
    return {**data, "action": action}


@pytest.mark.parametrize("name", ["report_detail", "report_edit"])
def test_an_official_cannot_open_another_departments_report(name, client_as, other_report):
    assert client_as("official").get(url(name, other_report)).status_code == 403


def test_an_official_cannot_change_another_departments_report(client_as, reporting_round, other_department):
    report = DepartmentReportFactory(reporting_round=reporting_round, department=other_department)
    response = client_as("official").post(url("report_edit", report), form_data())
    assert response.status_code == 403
    report.refresh_from_db()
    assert (report.status, report.description) == (ReportStatus.NOT_STARTED, "")


@pytest.mark.parametrize("name", ["report_return", "report_accept"])
def test_an_official_cannot_review_even_their_own_report(name, client_as, reporting_round, department):
    report = DepartmentReportFactory(reporting_round=reporting_round, department=department, submitted=True)
    client = client_as("official")
    assert client.get(url(name, report)).status_code == 403
    assert client.post(url(name, report), {"comment": "Själv"}).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_an_official_of_an_inactive_department_loses_access(client_as, own_report, department):
    client = client_as("official")
    department.is_active = False
    department.save()
    assert client.get(url("report_detail", own_report)).status_code == 403


def test_my_reports_lists_only_the_officials_departments(client_as, own_report, other_report):
    response = client_as("official").get(reverse("policy_reports:my_reports"))
    assert list(response.context["reports"]) == [own_report]


def test_the_coordinator_sees_every_report_but_edits_none(client_as, own_report, other_report):
    client = client_as("coordinator")
    for report in (own_report, other_report):
        assert client.get(url("report_detail", report)).status_code == 200
    assert client.get(url("report_edit", own_report)).status_code == 403


def test_the_form_is_prefilled_from_the_portal(client_as, own_report):
    department = own_report.department
    for placement in (False, True):
        AgreementFactory(department=department, start_date=date(2025, 1, 1), end_date=None, placement=placement)
    SupportRequestFactory(decided=True, department=department, submitted_at=datetime(2025, 3, 1, 10, tzinfo=UTC),
                          decided_at=datetime(2025, 4, 1, 10, tzinfo=UTC))
    response = client_as("official").get(url("report_edit", own_report))
    form = response.context["form"]
    assert form.initial["agreements_in_force"] == 2
    assert form.initial["requests_handled"] == 1
    assert form.initial["placements_with_asf"] is None  # the official enters it
    assert "finns 1 gällande avtal om arbetsträningsplatser" in str(form.fields["placements_with_asf"].help_text)


def test_the_official_saves_a_draft_with_gaps(client_as, own_report):
    response = client_as("official").post(url("report_edit", own_report),
                                          form_data(plans_next_year="", joint_projects=None))
    assert response.status_code == 302
    own_report.refresh_from_db()
    assert own_report.status == ReportStatus.DRAFT
    assert own_report.joint_projects is None
    assert own_report.portal_figures["agreements_in_force"] == 0


def test_the_official_submits_and_the_report_locks(client_as, own_report):
    client = client_as("official")
    assert client.post(url("report_edit", own_report), form_data("submit")).status_code == 302
    own_report.refresh_from_db()
    assert own_report.status == ReportStatus.SUBMITTED
    assert own_report.versions.count() == 1
    response = client.get(url("report_edit", own_report))
    assert response.status_code == 302 and response["Location"] == url("report_detail", own_report)
    response = client.post(url("report_edit", own_report), form_data("save", description="Ändrat."))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    own_report.refresh_from_db()
    assert own_report.description == COMPLETE["description"]


def test_submitting_an_incomplete_report_marks_the_gaps_and_saves_nothing(client_as, own_report):
    response = client_as("official").post(url("report_edit", own_report),
                                          form_data("submit", description="", dialogue_meetings=None))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"description", "dialogue_meetings"}
    own_report.refresh_from_db()
    assert own_report.status == ReportStatus.NOT_STARTED
    assert own_report.description == ""


@pytest.mark.parametrize(
    "changes,field",
    [({"requests_handled": 2, "requests_decided": 3}, "requests_decided"),
     ({"agreements_value": "-5"}, "agreements_value"),
     ({"dialogue_meetings": "många"}, "dialogue_meetings")],
)
def test_bad_figures_are_refused_with_a_message(changes, field, client_as, own_report):
    response = client_as("official").post(url("report_edit", own_report), form_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    own_report.refresh_from_db()
    assert own_report.status == ReportStatus.NOT_STARTED


def test_the_coordinator_returns_with_a_comment_and_the_department_edits_again(client_as, own_report, user_for):
    official = client_as("official")
    official.post(url("report_edit", own_report), form_data("submit"))
    coordinator = client_as("coordinator")
    response = coordinator.post(url("report_return", own_report), {"comment": ""})
    assert response.status_code == 200 and "comment" in response.context["form"].errors
    response = coordinator.post(url("report_return", own_report), {"comment": "Ange antal deltagare."})
    assert response.status_code == 302
    own_report.refresh_from_db()
    assert (own_report.status, own_report.return_comment) == (ReportStatus.RETURNED, "Ange antal deltagare.")
    page = official.get(url("report_edit", own_report))
    assert "Ange antal deltagare." in page.content.decode()
    official.post(url("report_edit", own_report), form_data("submit", placements_with_asf=6))
    own_report.refresh_from_db()
    assert own_report.status == ReportStatus.SUBMITTED
    assert list(own_report.versions.values_list("number", flat=True)) == [1, 2]
    version_page = official.get(url("report_version", own_report, number=1))
    assert version_page.status_code == 200
    assert official.get(url("report_version", own_report, number=9)).status_code == 404


def test_the_coordinator_accepts(client_as, other_report):
    client = client_as("coordinator")
    assert client.get(url("report_accept", other_report)).status_code == 200
    response = client.post(url("report_accept", other_report), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    other_report.refresh_from_db()
    assert other_report.status == ReportStatus.ACCEPTED
    # Accepting twice is refused with a message, nothing changes.
    response = client.post(url("report_accept", other_report), follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_return_and_accept_pages_send_back_a_report_not_submitted(client_as, own_report):
    client = client_as("coordinator")
    for name in ("report_return", "report_accept"):
        response = client.get(url(name, own_report))
        assert response.status_code == 302 and response["Location"] == url("report_detail", own_report)


def test_an_official_in_two_departments_sees_both(reporting_round, department, other_department, client):
    user = UserFactory(username="both", departments=[department, other_department])
    client.force_login(user)
    DepartmentReportFactory(reporting_round=reporting_round, department=department)
    DepartmentReportFactory(reporting_round=reporting_round, department=other_department)
    response = client.get(reverse("policy_reports:my_reports"))
    assert len(response.context["reports"]) == 2
    assert DepartmentReport.objects.count() == 2
