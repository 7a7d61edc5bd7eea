"""Template helpers for the policy pages, and the start page's notice of the
policy version in force."""

from django import template
from django.utils.formats import number_format

from .. import selectors

register = template.Library()


@register.inclusion_tag("policy_reports/includes/policy_in_force.html")
def policy_in_force():
    """The version in force and its validity (nothing when none is)."""
    return {"policy_version": selectors.version_in_force()}


@register.filter
def grouped(value, decimals: int = 0):
    """A number with the language's digit grouping; a dash when missing."""
    if value is None or value == "":
        return "–"
    return number_format(value, decimal_pos=decimals, force_grouping=True)
