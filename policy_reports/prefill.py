"""What the annual report and the two-year review take from the support app.

The annual report pre-fills its figures from the department's agreements
and support requests (``support.selectors.department_year_figures``); the
review summarises the period's support requests and counts the agreements
in force today.
"""

from datetime import date

from support.selectors import agreements_in_force, department_year_figures, request_summary

__all__ = ["PREFILLED_FIELDS", "agreements_in_force_count", "department_year_figures", "report_prefill",
           "request_summary"]


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


def agreements_in_force_count(*, on_date: date) -> int:
    """How many agreements are in force on a day."""
    return agreements_in_force(on_date=on_date).count()
