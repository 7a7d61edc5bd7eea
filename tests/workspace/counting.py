"""What a list the start page links to shows: how many rows, read from the
page the way a user reads it (the list's own count, or its rows)."""

import re
from urllib.parse import urlsplit

from django.urls import resolve

from policy_reports.selectors import Standing
from support.constants import RequestState


def section_rows(html: str, anchor: str) -> int:
    """The rows (list items) of the registry work list's section ``anchor``."""
    match = re.search(rf'<section aria-labelledby="{anchor}">(.*?)</section>', html, re.DOTALL)
    assert match, f"the work list has no section #{anchor}"
    return match.group(1).count("<li")


def shown_count(client, url: str, item_key: str) -> int:
    """How many rows the list at ``url`` shows for the start page's item ``item_key``."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    name = resolve(urlsplit(url).path).view_name
    context = response.context
    if name in ("support:worklist", "support:agreement_list"):
        rows = context["object_list"]
        paginator = context["paginator"]
        if paginator.count <= paginator.per_page:
            assert len(rows) == paginator.count
        return paginator.count
    if name == "enterprises:work_list":
        return section_rows(response.content.decode(), urlsplit(url).fragment)
    if name == "policy_reports:round_overview":
        return len([row for row in context["rows"] if row.standing != Standing.DELIVERED])
    if name == "support:my_requests":
        rows = list(context["support_requests"])
        assert context["paginator"].count <= context["paginator"].per_page, "the test data fits on one page"
        if item_key == "waiting_for_me":
            return len([row for row in rows if row.state == RequestState.WAITING])
        if item_key == "my_drafts":
            return len([row for row in rows if row.state == RequestState.DRAFT])
        return context["paginator"].count
    if name == "enterprises:mine":
        return len(context["representations"])
    if name.startswith("admin:") and name.endswith("_changelist"):
        return context["cl"].result_count
    raise AssertionError(f"no way to count the list at {url} ({name})")
