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
    NavItem(_("Registry"), "enterprises:list"),
    NavItem(_("My enterprises"), "enterprises:mine", "enterprises.claim_enterprise"),
    NavItem(_("Registry work list"), "enterprises:work_list", "enterprises.view_internal"),
    NavItem(_("Support"), "support:my_requests", "support.apply"),
    NavItem(_("Support requests"), "support:worklist", "support.view_worklist"),
    NavItem(_("Agreements"), "support:agreement_list", "support.view_agreements"),
    NavItem(_("Statistics"), "statistics:public"),
    NavItem(_("Policy"), "policy_reports:version_list", "policy_reports.view_policy"),
    NavItem(_("Our policy reports"), "policy_reports:my_reports", "policy_reports.view_own_reports"),
    NavItem(_("Reporting rounds"), "policy_reports:round_list", "policy_reports.manage_rounds"),
    NavItem(_("Departments and companies"), "accounts:department_list", "accounts.view_departments"),
    NavItem(_("My account"), "accounts:overview", "accounts.view_own_account"),
    NavItem(_("Administration"), "admin:index", "accounts.use_admin"),
]


def navigation_for(user, current_path: str) -> list[dict]:
    items = [
        {"label": item.label, "url": reverse(item.url_name)}
        for item in MAIN_NAVIGATION
        if not item.permission or user.has_perm(item.permission)
    ]
    # The current item is the one whose address is the longest prefix of the path.
    matches = [i for i in items if current_path == i["url"] or (i["url"] != "/" and current_path.startswith(i["url"]))]
    current = max(matches, key=lambda i: len(i["url"]), default=None)
    for item in items:
        item["is_current"] = item is current
    return items
