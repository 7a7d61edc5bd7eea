"""The site's navigation, filtered by permission.

Each entry names the permission it needs; later issues append their pages
here, so the menu never shows a link the user would be refused.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None  # None: shown to everyone


MAIN_NAVIGATION: list[NavItem] = [
    NavItem(_("Start"), "home"),
    NavItem(_("Departments and companies"), "accounts:department_list", "accounts.view_departments"),
    NavItem(_("My account"), "accounts:overview", "accounts.view_own_account"),
    NavItem(_("Administration"), "admin:index", "accounts.use_admin"),
]


def navigation_for(user, current_path: str) -> list[dict]:
    items = []
    for item in MAIN_NAVIGATION:
        if item.permission and not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        is_current = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": item.label, "url": url, "is_current": is_current})
    return items
