from django.conf import settings

from .navigation import navigation_for, navigation_groups
from .roles import roles_of


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    links = navigation_for(user, request.path)
    return {
        "main_navigation": links,
        "navigation_groups": navigation_groups(links),
        "current_roles": roles_of(user),
    }


def sign_in_options(request) -> dict:
    """Whether the municipality's sign-in (OIDC) is offered, for the sign-in page."""
    return {"oidc_enabled": settings.OIDC_ENABLED}
