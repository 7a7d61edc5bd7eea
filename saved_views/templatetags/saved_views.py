"""Saved views on the pages that show them: "Save this view" on each work
list, and the panel with live counts for "Mitt arbete"."""

from django import template
from django.http import QueryDict
from django.urls import reverse

from ..constants import UNSAVED_PARAMETERS
from ..context_processors import saved_view_links_for
from ..lists import WORK_LISTS
from ..selectors import views_with_counts

register = template.Library()


@register.inclusion_tag("saved_views/panel.html", takes_context=True)
def saved_views_panel(context):
    """The signed-in user's own and department-shared views with the count of
    rows each list would show (a fixed number of queries, see selectors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("saved_views.use"):
        return {"views": [], "may_use": False}
    return {"views": views_with_counts(user), "may_use": True}


def _current_query(request) -> str:
    params = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key not in UNSAVED_PARAMETERS:
            params.setlist(key, [value for value in values if value != ""])
    return params.urlencode()


@register.inclusion_tag("saved_views/controls.html", takes_context=True)
def saved_view_controls(context, list_key: str):
    """"Save this view" on a work list, for the list named ``list_key``, and
    links to the user's saved views of it (from ``saved_view_links``, so the
    navigation and the controls share one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or list_key not in WORK_LISTS or not user.has_perm("saved_views.save_view_of", list_key):
        return {"list_key": list_key, "may_save": False}
    links = context.get("saved_view_links")
    if links is None:
        links = saved_view_links_for(user)
    match = getattr(request, "resolver_match", None)
    object_id = match.kwargs.get("pk") if match and WORK_LISTS[list_key].object_model else None
    save_params = QueryDict(mutable=True)
    save_params["lista"] = list_key
    query = _current_query(request)
    if query:
        save_params["fragor"] = query
    if object_id:
        save_params["objekt"] = str(object_id)
    return {
        "list_key": list_key,
        "may_save": True,
        "save_url": f"{reverse('saved_views:create')}?{save_params.urlencode()}",
        "links": [link for link in links if link["list_key"] == list_key],
    }
