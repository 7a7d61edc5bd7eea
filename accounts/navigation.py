"""The site's navigation: groups of links, each link filtered by permission.

Each entry names the permission it needs, so the menu never shows a link the
user would be refused. Later issues append their pages to a group here. A
group left with no link is not shown; a group left with one link is shown as
that link (a menu of one is only an extra click).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None  # None: shown to everyone


@dataclass(frozen=True)
class NavGroup:
    key: str  # stable, used for element ids and by the template ("work" takes the saved views)
    label: str
    items: list[NavItem] = field(default_factory=list)


HOME = NavItem(_("Start page"), "home")

NAVIGATION_GROUPS: list[NavGroup] = [
    NavGroup("work", _("My work"), [
        NavItem(_("My start page"), "workspace:start", "accounts.view_own_account"),
        NavItem(_("My account"), "accounts:overview", "accounts.view_own_account"),
    ]),
    NavGroup("registry", pgettext_lazy("navigation group", "Registry"), [
        NavItem(_("Enterprise registry"), "enterprises:list"),
        NavItem(_("My enterprises"), "enterprises:mine", "enterprises.claim_enterprise"),
        NavItem(_("Registry work list"), "enterprises:work_list", "enterprises.view_internal"),
    ]),
    NavGroup("support", _("Support and agreements"), [
        NavItem(_("Support"), "support:my_requests", "support.apply"),
        NavItem(_("Support requests"), "support:worklist", "support.view_worklist"),
        NavItem(_("Agreements"), "support:agreement_list", "support.view_agreements"),
        NavItem(_("Deadline follow-up"), "support:followup", "support.view_followup"),
    ]),
    NavGroup("policy", _("Policy and reports"), [
        NavItem(_("Statistics"), "statistics:public"),
        NavItem(_("Policy"), "policy_reports:version_list", "policy_reports.view_policy"),
        NavItem(_("Our policy reports"), "policy_reports:my_reports", "policy_reports.view_own_reports"),
        NavItem(_("Reporting rounds"), "policy_reports:round_list", "policy_reports.manage_rounds"),
    ]),
    # Issue 16: the records manager's pages (part 4 adds the deliveries).
    NavGroup("records", _("Records management"), [
        NavItem(_("Records management"), "archive:home", "archive.view_records_plan"),
        NavItem(_("Records plan"), "archive:plan", "archive.view_records_plan"),
        NavItem(_("Disposal log"), "archive:disposal_log", "archive.view_disposal_log"),
    ]),
    NavGroup("administration", _("Administration"), [
        NavItem(_("Departments and companies"), "accounts:department_list", "accounts.view_departments"),
        NavItem(_("Admin site"), "admin:index", "accounts.use_admin"),
    ]),
]

# Every item in menu order, the start page first (for tests and other readers).
MAIN_NAVIGATION: list[NavItem] = [HOME, *(item for group in NAVIGATION_GROUPS for item in group.items)]


def _link(item: NavItem, group: str) -> dict:
    return {"label": item.label, "url": reverse(item.url_name), "group": group, "is_current": False}


def _mark_current(links: list[dict], current_path: str) -> None:
    """The current link is the one whose address is the longest prefix of the path."""
    matches = [i for i in links if current_path == i["url"] or (i["url"] != "/" and current_path.startswith(i["url"]))]
    current = max(matches, key=lambda i: len(i["url"]), default=None)
    if current is not None:
        current["is_current"] = True


def navigation_for(user, current_path: str) -> list[dict]:
    """The links ``user`` may follow, in menu order, each with its group's key
    and whether it is the current page."""
    links = [_link(HOME, "")]
    for group in NAVIGATION_GROUPS:
        links += [_link(item, group.key) for item in group.items if not item.permission or user.has_perm(item.permission)]
    _mark_current(links, current_path)
    return links


def navigation_groups(links: list[dict]) -> list[dict]:
    """``links`` (from navigation_for) as the menu shows them: the start page,
    then each group that has a link; a group of one link is that link."""
    entries = []
    for group in [None, *NAVIGATION_GROUPS]:
        key = group.key if group else ""
        items = [link for link in links if link["group"] == key]
        if not items:
            continue
        if group is None or len(items) == 1:
            entries += [{"link": item} for item in items]
        else:
            entries.append({
                "key": key,
                "label": group.label,
                "items": items,
                "is_current": any(item["is_current"] for item in items),
            })
    return entries
