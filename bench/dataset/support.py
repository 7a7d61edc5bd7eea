"""Support requests with their workflow history and reference counters,
and the agreements between departments and enterprises."""

from datetime import date, timedelta
from decimal import Decimal

from support.models import Agreement, ReferenceCounter, RequestEvent, SupportKind, SupportRequest

from .context import Build
from .pools import ACTIVITIES, AGREEMENT_KINDS, FIRST_NAMES, OUTCOMES, SENTENCES, SURNAMES, at


def add_support(b: Build) -> None:
    """Support requests with their workflow history and the per-year reference counters."""
    rng, today, sizes, copier, close, log, rows = b.rng, b.today, b.sizes, b.copier, b.close, b.log, b.rows
    officials_of, representative_ids = b.officials_of, b.representative_ids
    n_departments, n_enterprises = sizes["departments"], sizes["enterprises"]
    support_kinds = list(SupportKind.objects.order_by("position", "pk").values_list("pk", flat=True))

    n_requests = sizes["support_requests"]
    requests = copier("support_requests", SupportRequest, [
        "id", "applicant", "enterprise", "kind", "subject", "description", "hoped_outcome", "reference",
        "reference_year", "reference_number", "state", "department", "handler", "submitted_at",
        "first_response_due", "first_response_at", "decision_due", "reply_by", "forwarded_to", "forwarded_on",
        "forward_answer", "forward_answered_on", "outcome", "outcome_reason", "decided_at", "ended_at",
        "created_at", "updated_at"])
    events = copier("request_events", RequestEvent,
                    ["request", "move", "from_state", "to_state", "actor", "comment", "created_at"])
    counters = copier("reference_counters", ReferenceCounter, ["year", "last_number"])
    # Older years hold fewer requests: the portal grows.
    ages = sorted((int(3650 * rng.random() ** 1.6) for _ in range(n_requests)), reverse=True)
    last_number: dict[int, int] = {}
    for r, age in enumerate(ages, start=1):
        day = today - timedelta(days=age)
        submitted = at(day, rng)
        applicant = rng.choice(representative_ids)
        enterprise = rng.randint(1, n_enterprises) if rng.random() < 0.85 else None
        if age < 5 and rng.random() < 0.3:
            state = "draft"
        elif age < 90:
            state = rng.choice(["submitted", "assigned", "in_progress", "in_progress", "waiting", "forwarded",
                                "decided", "closed"])
        else:
            roll = rng.random()
            state = "closed" if roll < 0.7 else "decided" if roll < 0.9 else "withdrawn"
        department = handler = None
        if state not in ("draft", "submitted"):
            department = rng.randint(1, n_departments)
            handler = rng.choice(officials_of[department]) if state != "withdrawn" else None
        reference = ""
        year = number = None
        if state != "draft":
            year = submitted.year
            number = last_number.get(year, 0) + 1
            last_number[year] = number
            reference = f"STOD-{year}-{number:04d}"
        responded = state in ("in_progress", "waiting", "forwarded", "decided", "closed")
        first_response_at = submitted + timedelta(days=rng.randint(1, 12)) if responded else None
        decision_due = (first_response_at.date() + timedelta(days=30)) if responded else None
        decided = state in ("decided", "closed")
        decided_at = first_response_at + timedelta(days=rng.randint(1, 40)) if decided else None
        ended_at = (decided_at + timedelta(days=rng.randint(1, 30)) if state == "closed"
                    else submitted + timedelta(days=rng.randint(1, 20)) if state == "withdrawn" else None)
        last_change = ended_at or decided_at or first_response_at or submitted
        requests.add(
            r, applicant, enterprise, rng.choice(support_kinds), f"Stöd till {rng.choice(ACTIVITIES)[0].lower()}",
            rng.choice(SENTENCES), "Råd om finansiering och samverkan.", reference, year, number, state,
            department, handler, None if state == "draft" else submitted,
            None if state == "draft" else day + timedelta(days=14), first_response_at, decision_due,
            day + timedelta(days=40) if state == "waiting" else None,
            "Arbetsförmedlingen" if state == "forwarded" else "",
            first_response_at.date() if state == "forwarded" else None, "", None,
            rng.choice(OUTCOMES) if decided else "", "Beslut enligt riktlinjerna." if decided else "",
            decided_at, ended_at, submitted - timedelta(hours=1), last_change,
        )
        if state == "draft":
            continue
        chain = [("submit", "draft", "submitted", applicant, submitted)]
        if department is not None and state != "withdrawn":
            chain.append(("assign", "submitted", "assigned", 1, submitted + timedelta(hours=2)))
        if responded:
            chain.append(("start", "assigned", "in_progress", handler, first_response_at))
        if state == "waiting":
            chain.append(("request_info", "in_progress", "waiting", handler,
                          first_response_at + timedelta(hours=1)))
        if state == "forwarded":
            chain.append(("forward", "in_progress", "forwarded", handler, first_response_at + timedelta(hours=1)))
        if decided:
            chain.append(("decide", "in_progress", "decided", handler, decided_at))
        if state == "closed":
            chain.append(("close", "decided", "closed", handler, ended_at))
        if state == "withdrawn":
            chain.append(("withdraw", "submitted", "withdrawn", applicant, ended_at))
        for move, source, target, actor, when in chain:
            events.add(r, move, source, target, actor, "", when)
    for year in sorted(last_number):
        counters.add(year, last_number[year])
    close(requests, events, counters)
    log(f"{rows['support_requests']} support requests, {rows['request_events']} events")


def add_agreements(b: Build) -> None:
    """Agreements between departments and published enterprises; the ended ones are kept for the outbox."""
    rng, today, sizes, copier, close = b.rng, b.today, b.sizes, b.copier, b.close
    officials_of, published_ids, n_departments = b.officials_of, b.published_ids, b.sizes["departments"]
    agreements = copier("agreements", Agreement, [
        "id", "department", "enterprise", "kind", "title", "description", "start_date", "end_date",
        "annual_value", "contact_person", "is_public", "created_by", "created_at", "updated_at"])
    ended_agreements: list[tuple[int, int, date]] = []
    for a in range(1, sizes["agreements"] + 1):
        department = rng.randint(1, n_departments)
        start = today - timedelta(days=rng.randrange(2200))
        end = None if rng.random() < 0.2 else start + timedelta(days=rng.randint(180, 1460))
        created = at(start - timedelta(days=10), rng)
        agreements.add(
            a, department, rng.choice(published_ids), rng.choice(AGREEMENT_KINDS),
            f"{rng.choice(['Avtal om', 'Överenskommelse om', 'IOP om'])} {rng.choice(ACTIVITIES)[0].lower()}",
            rng.choice(SENTENCES), start, end, Decimal(rng.randint(10, 2000) * 1000),
            f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.random() < 0.8,
            rng.choice(officials_of[department]), created, created,
        )
        if end is not None and end < today:
            ended_agreements.append((a, department, end))
    close(agreements)
    b.ended_agreements = ended_agreements
