"""Saved views on the pages that show them (stub until the saved views land)."""

from django import template

register = template.Library()


@register.inclusion_tag("saved_views/panel.html", takes_context=True)
def saved_views_panel(context):
    """The signed-in user's saved views with live counts, for "Mitt arbete"."""
    return {"views": []}


@register.inclusion_tag("saved_views/controls.html", takes_context=True)
def saved_view_controls(context, list_key: str):
    """"Save this view" on a work list, for the list named ``list_key``."""
    return {"list_key": list_key}
