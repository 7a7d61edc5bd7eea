"""The policy: two versions (one replaced, one in force) with their
statements, and ten years of reporting rounds with every department's
annual report, its submitted versions and status changes."""

from datetime import date, timedelta
from decimal import Decimal

from core.dates import add_years
from policy_reports.dates import default_round_due_date
from policy_reports.models import (
    DepartmentReport,
    PolicyStatement,
    PolicyVersion,
    ReportingRound,
    ReportStatusChange,
    ReportVersion,
)

from .context import Build
from .pools import SENTENCES, at
from .sizes import REPORT_YEARS


def add_reports(b: Build) -> None:
    """Two policy versions and ten years of annual reports."""
    rng, today, copier, close, log, rows, cursor = b.rng, b.today, b.copier, b.close, b.log, b.rows, b.cursor
    officials_of, n_departments = b.officials_of, b.sizes["departments"]
    versions = copier("policy_versions", PolicyVersion, [
        "id", "title", "decision_date", "decision_reference", "document", "document_name", "review_due_on",
        "review_lead_months", "status", "replaced_by", "adopted_by", "created_at"])
    decided_in_force = today - timedelta(days=540)
    decided_before = add_years(decided_in_force, -2)
    versions.add(2, "Policy för främjande av den sociala ekonomin", decided_before,
                 f"KF {decided_before.isoformat()} § 41", "policy/bench-2.pdf", "policy-2.pdf",
                 add_years(decided_before, 2), 6, "replaced", None, 1, at(decided_before, rng))
    versions.add(1, "Policy för främjande av den sociala ekonomin och ASF", decided_in_force,
                 f"KF {decided_in_force.isoformat()} § 87", "policy/bench-1.pdf", "policy-1.pdf",
                 add_years(decided_in_force, 2), 6, "in_force", None, 1, at(decided_in_force, rng))
    close(versions)
    cursor.execute(f'UPDATE "{PolicyVersion._meta.db_table}" SET replaced_by_id = 1 WHERE id = 2')
    statements = copier("policy_statements", PolicyStatement, ["version", "position", "text"])
    for version in (1, 2):
        for position, text in enumerate(SENTENCES[:8], start=1):
            statements.add(version, position, text)
    close(statements)

    rounds = copier("reporting_rounds", ReportingRound,
                    ["id", "year", "due_date", "policy_version", "opened_by", "opened_at"])
    reports = copier("annual_reports", DepartmentReport, [
        "id", "reporting_round", "department", "status", "description", "agreements_in_force",
        "agreements_value", "requests_handled", "requests_decided", "placements_with_asf",
        "purchases_from_social_enterprises", "dialogue_meetings", "joint_projects", "cooperation_description",
        "plans_next_year", "portal_figures", "return_comment", "submitted_at", "submitted_by", "accepted_at",
        "accepted_by", "created_at", "updated_at"])
    report_versions = copier("report_versions", ReportVersion,
                             ["report", "number", "content", "submitted_by", "submitted_at"])
    status_changes = copier("report_status_changes", ReportStatusChange,
                            ["report", "from_status", "to_status", "actor", "comment", "created_at"])
    report_id = 0
    late_reports: list[tuple[int, int]] = []
    last_year = today.year - 1
    for index, year in enumerate(range(last_year - REPORT_YEARS + 1, last_year + 1), start=1):
        due = default_round_due_date(year)
        opened = at(date(year, 12, 1), rng)
        rounds.add(index, year, due, 1 if year >= decided_in_force.year else 2, 1, opened)
        for d in range(1, n_departments + 1):
            report_id += 1
            official = officials_of[d][0]
            recent = year == last_year
            roll = rng.random()
            accepted_below, submitted_below = (0.6, 0.85) if recent else (0.93, 0.97)
            status = ("accepted" if roll < accepted_below else "submitted" if roll < submitted_below
                      else "draft" if roll < 0.95 else "not_started")
            handled = rng.randint(0, 60)
            figures = {
                "agreements_in_force": rng.randint(0, 20), "agreements_value": Decimal(rng.randint(0, 5000) * 1000),
                "requests_handled": handled, "requests_decided": rng.randint(0, handled),
                "placements_with_asf": rng.randint(0, 30),
                "purchases_from_social_enterprises": Decimal(rng.randint(0, 900) * 1000),
                "dialogue_meetings": rng.randint(0, 12), "joint_projects": rng.randint(0, 5),
            }
            texts = {"description": rng.choice(SENTENCES), "cooperation_description": rng.choice(SENTENCES),
                     "plans_next_year": rng.choice(SENTENCES)}
            if status == "not_started":
                figures = dict.fromkeys(figures)
                texts = dict.fromkeys(texts, "")
            delivered = status in ("submitted", "accepted")
            submitted_at = at(due - timedelta(days=rng.randint(-20, 40)), rng) if delivered else None
            accepted_at = submitted_at + timedelta(days=rng.randint(1, 30)) if status == "accepted" else None
            reports.add(
                report_id, index, d, status, texts["description"], figures["agreements_in_force"],
                figures["agreements_value"], figures["requests_handled"], figures["requests_decided"],
                figures["placements_with_asf"], figures["purchases_from_social_enterprises"],
                figures["dialogue_meetings"], figures["joint_projects"], texts["cooperation_description"],
                texts["plans_next_year"], {}, "", submitted_at, official if delivered else None, accepted_at,
                1 if accepted_at else None, opened, accepted_at or submitted_at or opened,
            )
            if delivered:
                content = {**texts, **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()},
                           "portal_figures": {}}
                report_versions.add(report_id, 1, content, official, submitted_at)
                status_changes.add(report_id, "draft", "submitted", official, "", submitted_at)
                if accepted_at:
                    status_changes.add(report_id, "submitted", "accepted", 1, "", accepted_at)
            elif recent:
                late_reports.append((report_id, d))
    close(rounds, reports, report_versions, status_changes)
    log(f"{rows['annual_reports']} annual reports")
    b.late_reports = late_reports
