"""``saved_view_links``: the signed-in staff user's saved views for the
navigation's work area, read in one query and only if a template uses them."""

from django.utils.functional import SimpleLazyObject

from accounts.roles import is_municipal_staff

from .selectors import views_of_visible_lists


def saved_view_links_for(user) -> list[dict]:
    if not (user.is_authenticated and is_municipal_staff(user)):
        return []
    return [
        {"label": view.name, "url": view.get_absolute_url(), "list_key": view.list_key,
         "is_shared": view.is_shared, "is_own": view.owner_id == user.pk}
        for view in views_of_visible_lists(user)
    ]


def saved_views(request) -> dict:
    user = getattr(request, "user", None)
    if user is None:
        return {"saved_view_links": []}
    return {"saved_view_links": SimpleLazyObject(lambda: saved_view_links_for(user))}
