"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 16: the records plan (§2). The records manager's pages
under /arkiv/ (the overview, the plan, a rule, the plan's history, the
series, the disposal log and its CSV, the dry run) are for the records
manager and the system administrator only. The harness shows them with a
plan, a changed rule and a disposal log entry, and the records manager's
start page."""

from tests.harness.access import RECORDS_MANAGERS, Access


def rule_kwargs(ctx):
    return {"record_type": "message"}


def series_kwargs(ctx):
    return {"pk": ctx["records_series"].pk}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "archive:home": Access(RECORDS_MANAGERS),
    "archive:plan": Access(RECORDS_MANAGERS),
    "archive:rule_edit": Access(RECORDS_MANAGERS, kwargs=rule_kwargs),
    "archive:plan_history": Access(RECORDS_MANAGERS),
    "archive:series": Access(RECORDS_MANAGERS),
    "archive:series_create": Access(RECORDS_MANAGERS),
    "archive:series_edit": Access(RECORDS_MANAGERS, kwargs=series_kwargs),
    "archive:disposal_log": Access(RECORDS_MANAGERS),
    "archive:disposal_log_csv": Access(RECORDS_MANAGERS),
    "archive:dry_run": Access(RECORDS_MANAGERS),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("records_manager", "archive:home", None),
    ("records_manager", "archive:plan", None),
    ("records_manager", "archive:rule_edit", rule_kwargs),
    ("records_manager", "archive:plan_history", None),
    ("records_manager", "archive:series", None),
    ("records_manager", "archive:series_create", None),
    ("records_manager", "archive:series_edit", series_kwargs),
    ("records_manager", "archive:disposal_log", None),
    ("records_manager", "archive:dry_run", None),
    ("records_manager", "workspace:start", None),
    ("administrator", "archive:home", None),
]


def records_plan_context(*, user_for, department) -> dict:
    """A plan of a few rules (one of them changed), a finished disposal run
    with a log entry, and a registration series."""
    from records.models import DisposalLogEntry, DisposalRun, RetentionRule, Series

    manager = user_for("records_manager")
    RetentionRule.objects.get_or_create(record_type="support_request", defaults={
        "action": "keep", "decision": "KS 2025/117 § 4", "note": "Bevaras.", "updated_by": manager})
    message, _created = RetentionRule.objects.get_or_create(record_type="message", defaults={
        "action": "dispose", "period_months": 24, "trigger": "case_closed", "decision": "KS 2025/117 § 4",
        "updated_by": manager})
    message.period_months = 36
    message.save()
    RetentionRule.objects.get_or_create(record_type="outbox_email", defaults={
        "action": "dispose", "period_months": 3, "trigger": "created", "decision": "KS 2025/117 § 4"})
    run = DisposalRun.objects.create(as_of="2026-06-01")
    DisposalLogEntry.objects.create(run=run, record_type="message", action="dispose", decision="KS 2025/117 § 4",
                                    count=12, registration_numbers=["KS 2023/0004", "KS 2023/0011"])
    series, _created = Series.objects.get_or_create(prefix="ARK", defaults={"name": "Arkivserie"})
    return {"records_series": series}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [records_plan_context]
