"""The agreements section of an enterprise's page, rendered by support so
that enterprises need not know about agreements:
``{% load support_agreements %}{% enterprise_agreements enterprise internal=may_see_internal %}``."""

from django import template
from django.utils import timezone

from ..selectors import agreements_in_force, public_agreements_for

register = template.Library()


@register.inclusion_tag("support/includes/enterprise_agreements.html")
def enterprise_agreements(enterprise, *, internal: bool = False):
    """The enterprise's current agreements: every one with its value for
    officials (``internal``), the public ones without a value for others."""
    if internal:
        agreements = list(
            agreements_in_force(on_date=timezone.localdate()).filter(enterprise=enterprise)
            .select_related("department").order_by("-start_date", "title")
        )
        return {"internal": True, "agreements": agreements}
    return {"internal": False, "public_agreements": public_agreements_for(enterprise)}
