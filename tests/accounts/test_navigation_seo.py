"""Lighthouse's SEO audits "meta-description" and "link-text" on every page
of the accessibility harness: each page has a description of its own or the
site's, and no link says only "Läs mer", "Här", "Start" or a bare address."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

import pytest
from django.urls import reverse

from tests.harness.test_accessibility import PAGES, ctx  # noqa: F401 - ctx is the harness's fixture

pytestmark = pytest.mark.django_db

# Lighthouse's list of non-descriptive link texts (core/audits/seo/link-text.js), English and
# Swedish, plus the Swedish words for the English ones that it does not list.
GENERIC_LINK_TEXTS = {
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this",
    "här", "klicka här", "läs mer", "mer", "mer info", "mer information",
    "klicka", "gå", "se mer", "visa", "visa mer", "denna", "detta", "den här länken", "länk",
}


class PageReader(HTMLParser):
    """The meta description and every link (address, rel, text) of a page."""

    def __init__(self):
        super().__init__()
        self.descriptions: list[str] = []
        self.links: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")
        if tag == "a":
            self._open.append({"href": attrs.get("href"), "rel": attrs.get("rel") or "", "text": ""})

    def handle_data(self, data):
        for link in self._open:
            link["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self.links.append(self._open.pop())


def is_full_url(text: str) -> bool:
    return text.startswith(("http://", "https://")) and " " not in text


def generic_links(reader: PageReader, page_url: str) -> list[tuple[str, str]]:
    """The links Lighthouse would report, as (href, text)."""
    found = []
    for link in reader.links:
        href = link["href"]
        if not href or "nofollow" in link["rel"] or href.lower().startswith(("javascript:", "mailto:")):
            continue
        if urldefrag(urljoin(page_url, href))[0] == urldefrag(page_url)[0] and "#" in href:
            continue  # a link within the page
        text = " ".join(link["text"].split())
        if text and (is_full_url(text) or text.lower() in GENERIC_LINK_TEXTS):
            found.append((href, text))
    return found


def read(client, url: str) -> PageReader:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    reader = PageReader()
    reader.feed(response.content.decode())
    return reader


@pytest.mark.parametrize("role,name,kwargs", PAGES, ids=[f"{r}-{n}" for r, n, _ in PAGES])
def test_page_has_a_description_and_descriptive_links(role, name, kwargs, ctx, client_as):  # noqa: F811
    url = reverse(name, kwargs=kwargs(ctx) if kwargs else None)
    reader = read(client_as(role), url)
    assert len(reader.descriptions) == 1, f"{url}: {len(reader.descriptions)} meta descriptions"
    assert len(reader.descriptions[0].strip()) >= 50, f"{url}: description {reader.descriptions[0]!r}"
    assert generic_links(reader, "http://testserver" + url) == [], f"{url}: links that do not say where they lead"


@pytest.mark.parametrize("name,words", [
    ("home", "hitta föreningar"),
    ("enterprises:list", "Sök i registret"),
    ("statistics:public", "Öppen statistik"),
    ("api_docs", "API för öppna data"),
    ("accessibility", "Hur tillgänglig"),
    ("privacy", "behandlar personuppgifter"),
])
def test_main_public_pages_have_their_own_description(name, words, client):
    assert words in read(client, reverse(name)).descriptions[0]


def test_enterprise_page_is_described_by_its_own_words(client, ctx):  # noqa: F811
    enterprise = ctx["enterprise"]
    reader = read(client, reverse("enterprises:detail", kwargs={"slug": enterprise.slug}))
    expected = (f"{enterprise.name} ({enterprise.get_kind_display()}, {enterprise.get_locality_display()}): "
                f"{enterprise.short_description} I registret över den sociala ekonomin i Sotenäs.")
    assert reader.descriptions == [expected]


def test_the_check_finds_generic_and_bare_address_links():
    reader = PageReader()
    reader.feed('<a href="/a/">Läs mer</a><a href="/b/"> Här </a><a href="https://x.se/">https://x.se/</a>'
                '<a href="/c/">Läs mer<span class="visually-hidden"> om Kafé Hamnen</span></a>'
                '<a href="mailto:a@x.se">här</a><a href="#main">Mer</a>')
    assert generic_links(reader, "http://testserver/") == [
        ("/a/", "Läs mer"), ("/b/", "Här"), ("https://x.se/", "https://x.se/")]
