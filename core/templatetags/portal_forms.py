"""Template filters for marking required fields (see core.forms)."""

from django import template

from core.forms import has_required_fields, shows_required

register = template.Library()

register.filter("shows_required", shows_required)
register.filter("has_required_fields", has_required_fields)
