"""The outbox's memory of earlier reminders, so the reminder sweep finds
what a long-running portal would have sent before."""

from datetime import date, timedelta

from core.models import OutboundEmail
from policy_reports.dates import default_round_due_date

from .context import Build
from .pools import at


def add_outbox(b: Build) -> None:
    """Sent reminders for ended agreements, expired checks, late reports and digests."""
    rng, today, copier, close, log, rows = b.rng, b.today, b.copier, b.close, b.log, b.rows
    officials_of, official_ids = b.officials_of, b.official_ids
    last_year = today.year - 1
    outbox = copier("outbox", OutboundEmail, [
        "recipient", "user", "kind", "subject", "body", "link", "dedup_key", "status", "attempts", "last_error",
        "created_at", "sent_at"])

    def sent(recipient: str, user, kind: str, key: str, day: date) -> None:
        when = at(day, rng)
        outbox.add(recipient, user, kind, "Påminnelse", "Påminnelse från portalen.", "", key, "sent", 1, "",
                   when, when)

    for a, department, end in b.ended_agreements:
        for offset in (-90, -30):
            for official in officials_of[department]:
                sent(f"bench-tjansteman-{official}@bench.example", official, "reminder.agreement",
                     f"agreement:{a}:{offset}", end + timedelta(days=offset))
    for e, until in b.expired_checks:
        sent(f"info{e}@foretag.bench.example", None, "reminder.asf_check",
             f"asf-check:{e}:{until.isoformat()}:-60", until - timedelta(days=60))
    for report, department in b.late_reports:
        for official in officials_of[department]:
            sent(f"bench-tjansteman-{official}@bench.example", official, "reminder.report",
                 f"report:{report}:-30", default_round_due_date(last_year) - timedelta(days=30))
    for back in range(1, 31):
        day = today - timedelta(days=back)
        for official in official_ids[: max(10, len(official_ids) // 3)]:
            email = f"bench-tjansteman-{official}@bench.example"
            sent(email, official, "reminder.support_digest", f"support-digest:{email}:{day.isoformat()}", day)
    close(outbox)
    log(f"{rows['outbox']} outbox rows")
