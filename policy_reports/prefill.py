"""The one door to support requests and agreements (the support app).

The annual report pre-fills its figures from the portal's own data and the
two-year review summarises support requests. Both ask the support app
through the functions here, which import it lazily: where the support app
does not (yet) offer a function, the figures are zeros or empty and the
official fills them in by hand.
"""

from datetime import date
from decimal import Decimal
from importlib import import_module

from django.db.models import QuerySet


def _support_function(name: str):
    try:
        return getattr(import_module("support.selectors"), name)
    except (ImportError, AttributeError):
        return None


def empty_year_figures() -> dict:
    return {
        "agreements_in_force": 0,
        "agreements_total_value": Decimal("0"),
        "placement_agreements": 0,
        "requests_handled": 0,
        "requests_decided": 0,
    }


def department_year_figures(*, department, year: int) -> dict:
    """The support app's figures for one department and year (zeros without it)."""
    figures = empty_year_figures()
    function = _support_function("department_year_figures")
    if function is not None:
        found = function(department=department, year=year)
        figures.update({key: found[key] for key in figures if key in found})
    return figures


# Report field ← support figure, for the fields the portal pre-fills.
PREFILLED_FIELDS = {
    "agreements_in_force": "agreements_in_force",
    "agreements_value": "agreements_total_value",
    "requests_handled": "requests_handled",
    "requests_decided": "requests_decided",
}


def report_prefill(*, department, year: int) -> dict:
    """What the portal says for a report's fields, plus hints it cannot
    decide for the official (placement agreements are a hint for the
    placements arranged with ASF)."""
    figures = department_year_figures(department=department, year=year)
    values = {field: figures[source] for field, source in PREFILLED_FIELDS.items()}
    values["placement_agreements"] = figures["placement_agreements"]
    return values


def agreements_in_force_count(*, on_date: date) -> int | None:
    """How many agreements the support app has in force on a day (None without it)."""
    function = _support_function("agreements_in_force")
    if function is None:
        return None
    found = function(on_date=on_date)
    return found.count() if isinstance(found, QuerySet) else len(found)


def empty_request_summary() -> dict:
    return {"available": False, "volume": 0, "by_kind": [], "by_outcome": [], "median_days_to_decision": None}


def request_summary(*, start: date, end: date) -> dict:
    """Support requests submitted in [start, end]: volume, kinds, outcomes and
    the median days to a decision, from ``support.selectors.request_summary``
    where the support app offers it."""
    summary = empty_request_summary()
    function = _support_function("request_summary")
    if function is not None:
        found = function(start=start, end=end)
        summary.update({key: found[key] for key in summary if key in found})
        summary["available"] = True
    return summary
