"""Issue 14, section 6: a list offers only what its viewer may do. As each
role, every link inside <main> on "Mitt arbete" and on each work list the
role can reach leads somewhere it may go: none answers 403."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.workspace.data import busy_portal

pytestmark = pytest.mark.django_db

STAFF_LISTS = ["support:worklist", "enterprises:work_list", "support:agreement_list"]
OWN_LISTS = ["support:my_requests", "enterprises:mine"]
LISTS = {
    "representative": ["workspace:start", *OWN_LISTS],
    "official": ["workspace:start", *STAFF_LISTS, "policy_reports:my_reports", *OWN_LISTS],
    "coordinator": ["workspace:start", *STAFF_LISTS, "policy_reports:round_list", *OWN_LISTS],
    "administrator": ["workspace:start", *STAFF_LISTS, "policy_reports:round_list", *OWN_LISTS],
}


class MainLinks(HTMLParser):
    """The href of every <a> inside <main>."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth and (href := dict(attrs).get("href")):
            self.hrefs.append(href)

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1


def links_in_main(html: str, page_url: str) -> list[str]:
    parser = MainLinks()
    parser.feed(html)
    assert parser.depth == 0, f"{page_url}: <main> is not closed"
    urls = []
    for href in parser.hrefs:
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.scheme in ("mailto", "tel") or (parts.netloc and parts.netloc != "testserver"):
            continue
        if not parts.path or (href.startswith("#")):
            continue
        urls.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return urls


def pages_for(role: str, ctx: dict) -> list[str]:
    pages = [reverse(name) for name in LISTS[role]]
    if role in ("coordinator", "administrator"):
        pages += [reverse("policy_reports:round_overview", kwargs={"pk": ctx[key].pk})
                  for key in ("reporting_round", "previous_round")]
    return pages


@pytest.mark.parametrize("role", list(LISTS))
def test_no_link_on_a_work_list_or_start_page_answers_403(role, client_as, user_for, department):
    ctx = busy_portal(user_for=user_for, department=department)
    client = client_as(role)
    refused, followed, seen = [], 0, set()
    for page in pages_for(role, ctx):
        response = client.get(page)
        assert response.status_code == 200, f"{role} cannot open {page}: {response.status_code}"
        for url in links_in_main(response.content.decode(), "http://testserver" + page):
            if url in seen:
                continue
            seen.add(url)
            followed += 1
            status = client.get(url).status_code
            if status == 403:
                refused.append(f"{page} → {url}")
    assert followed > 10, f"{role}: only {followed} links; the lists should not be empty"
    assert refused == [], f"{role} is offered links that refuse them:\n" + "\n".join(refused)
