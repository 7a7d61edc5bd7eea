from .navigation import navigation_for
from .roles import roles_of


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "main_navigation": navigation_for(user, request.path),
        "current_roles": roles_of(user),
    }
