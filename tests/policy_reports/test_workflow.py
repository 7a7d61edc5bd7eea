"""The report workflow, driven by its table: every allowed move passes for
the right person, every other move fails with the same message and changes
nothing; submitted reports are locked and every submission is kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.models import OutboundEmail
from policy_reports import services
from policy_reports.constants import ReportStatus
from policy_reports.models import ReportStatusChange, ReportVersion
from policy_reports.workflow import MOVES, REVIEW, report_transition
from tests.factories import UserFactory
from tests.policy_reports.factories import COMPLETE, DepartmentReportFactory

pytestmark = pytest.mark.django_db

PAIRS = [(state, move) for state in ReportStatus.values for move in MOVES]
ALLOWED = [(state, move) for state, move in PAIRS if state in MOVES[move].sources]
FORBIDDEN = [(state, move) for state, move in PAIRS if state not in MOVES[move].sources]


def test_the_table_has_the_documented_moves():
    assert {(state, MOVES[move].target) for state, move in ALLOWED} == {
        (ReportStatus.NOT_STARTED, ReportStatus.DRAFT),
        (ReportStatus.DRAFT, ReportStatus.SUBMITTED),
        (ReportStatus.SUBMITTED, ReportStatus.RETURNED),
        (ReportStatus.RETURNED, ReportStatus.SUBMITTED),
        (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED),
    }
    assert ALLOWED == [
        (ReportStatus.NOT_STARTED, "start"), (ReportStatus.DRAFT, "submit"), (ReportStatus.SUBMITTED, "return"),
        (ReportStatus.SUBMITTED, "accept"), (ReportStatus.RETURNED, "submit"),
    ]
    assert len(ALLOWED) + len(FORBIDDEN) == len(ReportStatus.values) * len(MOVES)


@pytest.mark.parametrize("state", ReportStatus.values)
def test_available_lists_exactly_the_moves_allowed_from_each_state(state):
    assert [move.name for move in MOVES.available(state)] == [move for s, move in ALLOWED if s == state]


def report_in(status, department):
    traits = {
        ReportStatus.NOT_STARTED: {},
        ReportStatus.DRAFT: {"draft": True, "complete": True},
        ReportStatus.SUBMITTED: {"submitted": True},
        ReportStatus.RETURNED: {"returned": True},
        ReportStatus.ACCEPTED: {"accepted": True},
    }[status]
    return DepartmentReportFactory(department=department, **traits)


@pytest.mark.parametrize("frm,name", ALLOWED)
def test_allowed_moves_pass_and_leave_a_history_row(frm, name, department, official, coordinator):
    report = report_in(frm, department)
    move = MOVES[name]
    to = move.target
    actor = coordinator if move.permission == REVIEW else official
    versions_before = report.versions.count()
    moved = report_transition(report=report, move=name, actor=actor, comment="Fyll i antal deltagare.")
    assert moved.status == to
    change = ReportStatusChange.objects.filter(report=report).latest("created_at", "pk")
    assert (change.from_status, change.to_status, change.actor) == (frm, to, actor)
    assert report.versions.count() == versions_before + (1 if move.keeps_version else 0)
    emails = OutboundEmail.objects.filter(kind="policy_reports.returned").count()
    assert emails == (2 if to == ReportStatus.RETURNED else 0)  # the official and the department


@pytest.mark.parametrize("frm,name", FORBIDDEN)
def test_forbidden_moves_fail_with_the_same_message_and_change_nothing(frm, name, department, official,
                                                                       coordinator):
    report = report_in(frm, department)
    # The actor who may make the move, so only the table refuses it.
    actor = coordinator if MOVES[name].permission == REVIEW else official
    changes_before = ReportStatusChange.objects.count()
    versions_before = ReportVersion.objects.count()
    with pytest.raises(ValidationError) as caught:
        report_transition(report=report, move=name, actor=actor, comment="x")
    assert caught.value.code == "move_not_allowed"
    assert caught.value.messages == [MOVES.refusal_message(MOVES[name], frm)]
    report.refresh_from_db()
    assert report.status == frm
    assert ReportStatusChange.objects.count() == changes_before
    assert ReportVersion.objects.count() == versions_before
    assert not OutboundEmail.objects.exists()


def test_the_refusal_names_the_move_and_the_status():
    from django.utils import translation

    with translation.override("en"):
        assert MOVES.refusal_message(MOVES["accept"], ReportStatus.DRAFT) == (
            f"“Accept” is not possible while the status is “{ReportStatus.DRAFT.label}”."
        )


def test_an_unknown_move_is_refused(department, coordinator):
    report = report_in(ReportStatus.SUBMITTED, department)
    with pytest.raises(ValidationError) as caught:
        report_transition(report=report, move=ReportStatus.ACCEPTED, actor=coordinator)
    assert caught.value.code == "unknown_move"
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize("frm,name", ALLOWED)
def test_people_without_the_moves_permission_are_refused(frm, name, department, other_department):
    report = report_in(frm, department)
    outsider = UserFactory(username="outsider", departments=[other_department])
    with pytest.raises(PermissionDenied):
        report_transition(report=report, move=name, actor=outsider, comment="x")
    report.refresh_from_db()
    assert report.status == frm


def test_the_department_cannot_accept_its_own_report(department, official):
    report = report_in(ReportStatus.SUBMITTED, department)
    with pytest.raises(PermissionDenied):
        report_transition(report=report, move="accept", actor=official)


def test_the_coordinator_cannot_submit_for_a_department(department, coordinator):
    report = report_in(ReportStatus.DRAFT, department)
    with pytest.raises(PermissionDenied):
        report_transition(report=report, move="submit", actor=coordinator)


def test_returning_needs_a_comment(department, coordinator):
    report = report_in(ReportStatus.SUBMITTED, department)
    with pytest.raises(ValidationError) as caught:
        report_transition(report=report, move="return", actor=coordinator, comment="   ")
    assert caught.value.code == "comment_required"
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_an_incomplete_report_cannot_be_submitted(department, official):
    report = DepartmentReportFactory(department=department, draft=True, description="Bara text.")
    with pytest.raises(ValidationError) as caught:
        report_transition(report=report, move="submit", actor=official)
    assert caught.value.code == "incomplete"
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert not report.versions.exists()


def data(**changes):
    return {**COMPLETE, **changes}


def test_the_first_save_starts_a_draft(department, official):
    report = DepartmentReportFactory(department=department)
    saved = services.report_save(report=report, data=data(description="Utkast."), portal_figures={"x": 1},
                                 actor=official)
    assert saved.status == ReportStatus.DRAFT
    assert saved.description == "Utkast."
    assert saved.portal_figures == {"x": 1}
    assert list(saved.status_changes.values_list("from_status", "to_status")) == [
        (ReportStatus.NOT_STARTED, ReportStatus.DRAFT)
    ]


@pytest.mark.parametrize("status", [ReportStatus.SUBMITTED, ReportStatus.ACCEPTED])
def test_a_submitted_report_is_locked(status, department, official):
    report = report_in(status, department)
    with pytest.raises(ValidationError) as caught:
        services.report_save(report=report, data=data(description="Ändrat i efterhand."), portal_figures={},
                             actor=official)
    assert caught.value.code == "locked"
    report.refresh_from_db()
    assert report.description == COMPLETE["description"]


def test_every_submitted_version_is_kept(department, official, coordinator):
    report = DepartmentReportFactory(department=department)
    first = services.report_save_and_submit(report=report, data=data(description="Version ett."), portal_figures={},
                                            actor=official)
    assert first.status == ReportStatus.SUBMITTED
    report_transition(report=first, move="return", actor=coordinator, comment="Komplettera.")
    returned = services.report_save(report=first, data=data(description="Version två.", joint_projects=7),
                                    portal_figures={}, actor=official)
    assert returned.status == ReportStatus.RETURNED  # editable again, still returned until submitted
    again = report_transition(report=returned, move="submit", actor=official)
    versions = list(ReportVersion.objects.filter(report=report).order_by("number"))
    assert [(v.number, v.content["description"], v.content["joint_projects"]) for v in versions] == [
        (1, "Version ett.", 1), (2, "Version två.", 7)
    ]
    assert again.return_comment == ""
    assert [c.to_status for c in again.status_changes.order_by("created_at", "pk")] == [
        ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.SUBMITTED
    ]


def test_a_refused_save_and_submit_saves_nothing(department, official):
    report = DepartmentReportFactory(department=department)
    with pytest.raises(ValidationError):
        services.report_save_and_submit(report=report, data=data(plans_next_year=""), portal_figures={},
                                        actor=official)
    report.refresh_from_db()
    assert report.status == ReportStatus.NOT_STARTED
    assert report.description == ""


def test_returning_tells_the_department_once_the_change_commits(department, official, coordinator,
                                                                 django_capture_on_commit_callbacks):
    report = report_in(ReportStatus.SUBMITTED, department)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report_transition(report=report, move="return", actor=coordinator,
                          comment="Ange antal möten.")
    emails = OutboundEmail.objects.filter(kind="policy_reports.returned")
    assert sorted(emails.values_list("recipient", flat=True)) == sorted([department.contact_email, official.email])
    assert all("Ange antal möten." in email.body for email in emails)
    assert emails.get(recipient=official.email).user == official
    assert len(callbacks) == 2  # each handed to the mail worker after commit


def test_a_refused_return_writes_no_email(department, coordinator):
    report = report_in(ReportStatus.SUBMITTED, department)
    with pytest.raises(ValidationError):
        report_transition(report=report, move="return", actor=coordinator, comment="")
    assert not OutboundEmail.objects.exists()


@pytest.mark.parametrize("service", ["transition", "save"])
def test_the_report_row_is_locked_while_it_changes(service, department, official):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = report_in(ReportStatus.DRAFT, department)
    with CaptureQueriesContext(connection) as captured:
        if service == "transition":
            report_transition(report=report, move="submit", actor=official)
        else:
            services.report_save(report=report, data=data(), portal_figures={}, actor=official)
    locking = [q["sql"] for q in captured.captured_queries if "FOR UPDATE" in q["sql"]]
    if connection.features.has_select_for_update:
        assert locking and "policy_reports_departmentreport" in locking[0]
    else:  # SQLite locks the whole database for a write transaction instead
        assert locking == []
