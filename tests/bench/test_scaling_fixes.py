"""What the benchmark's fixes promise, on any database: page links stay
few however many pages a list has, and the cached statistics follow a
change made through the services at once."""

import re

import pytest
from django.urls import reverse

from enterprises import services
from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def page_links(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'href="\?page=(\d+)"', html)]


def test_registry_links_only_pages_near_the_current_one(client, settings):
    settings.REGISTRY_PAGE_SIZE = 2
    EnterpriseFactory.create_batch(40)  # 20 pages
    html = client.get(reverse("enterprises:list"), {"page": 10}).content.decode()
    linked = set(page_links(html))
    assert {1, 8, 9, 10, 11, 12, 20} <= linked
    assert not linked & {3, 4, 5, 15, 16, 17}
    assert "…" in html
    # The first page: its neighbours and the last, not all twenty.
    first = set(page_links(client.get(reverse("enterprises:list")).content.decode()))
    assert {2, 3, 20} <= first and 10 not in first


def test_cached_statistics_follow_a_publication(client):
    EnterpriseFactory.create_batch(2)
    waiting = EnterpriseFactory(awaiting=True)
    url = reverse("statistics:public")
    assert client.get(url).context["published_enterprises"] == 2
    assert client.get(url).context["published_enterprises"] == 2  # from the cache
    services.enterprise_publish(enterprise=waiting)
    assert client.get(url).context["published_enterprises"] == 3
    services.enterprise_unpublish(enterprise=waiting, reason="Verksamheten har upphört")
    assert client.get(url).context["published_enterprises"] == 2


def test_cached_statistics_are_per_language(client):
    EnterpriseFactory()
    swedish = client.get(reverse("statistics:public")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("statistics:public")).content.decode()
    assert "Företag per typ av aktör" in swedish
    assert "Enterprises by kind of actor" in english and "Företag per typ av aktör" not in english
