"""The registry's match count is cached (bench/README.md, second round):
every change through the services shows at once, on the page and in the API."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enterprises import services
from enterprises.models import ServiceCategory
from tests.enterprises.factories import EnterpriseFactory, make_check

pytestmark = pytest.mark.django_db
LIST = reverse("enterprises:list")
API = "/api/v1/enterprises/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page_count(client, **params) -> int:
    return client.get(LIST, params).context["page_obj"].paginator.count


def api_count(client, **params) -> int:
    return client.get(API, params).json()["count"]


def test_count_is_read_from_the_cache_until_the_registry_changes(client):
    EnterpriseFactory.create_batch(3)
    assert page_count(client) == 3
    with CaptureQueriesContext(connection) as queries:
        assert page_count(client) == 3
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    EnterpriseFactory()
    assert page_count(client) == 4


def test_publishing_and_unpublishing_show_at_once(client):
    EnterpriseFactory.create_batch(2)
    draft = EnterpriseFactory(draft=True)
    assert (page_count(client), api_count(client)) == (2, 2)
    services.enterprise_publish(enterprise=draft)
    assert (page_count(client), api_count(client)) == (3, 3)
    services.enterprise_unpublish(enterprise=draft, reason="Upphört")
    assert (page_count(client), api_count(client)) == (2, 2)


def test_a_changed_category_shows_at_once_in_the_filtered_count(client, user_for):
    cleaning = ServiceCategory.objects.get(slug="stad")
    transport = ServiceCategory.objects.get(slug="transport")
    enterprise = EnterpriseFactory(categories=[transport])
    EnterpriseFactory(categories=[cleaning])
    assert (page_count(client, kategori="stad"), api_count(client, kategori="stad")) == (1, 1)
    services.enterprise_update(user=user_for("administrator"), enterprise=enterprise, categories=[cleaning],
                               target_groups=[], is_manager=True)
    assert (page_count(client, kategori="stad"), api_count(client, kategori="stad")) == (2, 2)
    assert page_count(client, kategori="transport") == 0


def test_a_new_asf_decision_shows_at_once_in_the_asf_filter(client):
    enterprise = EnterpriseFactory()
    EnterpriseFactory()
    assert page_count(client, asf="on") == 0
    make_check(enterprise, "decided", is_asf=True)
    services.enterprise_refresh_asf_status(enterprise=enterprise)
    assert (page_count(client, asf="on"), api_count(client, asf="on")) == (1, 1)
    assert page_count(client) == 2


def result_names(client, **params) -> str:
    return client.get(LIST, params).content.decode()


def test_the_cached_result_list_shows_an_edit_at_once(client, user_for):
    enterprise = EnterpriseFactory(name="Gamla namnet ek. för.")
    EnterpriseFactory(name="Grannen ek. för.")
    assert "Gamla namnet" in result_names(client)
    with CaptureQueriesContext(connection) as queries:
        assert "Gamla namnet" in result_names(client)
    assert not [q for q in queries.captured_queries if "enterprises_enterprise\".\"name\"" in q["sql"]]  # not read
    enterprise.name = "Nya namnet ek. för."
    services.enterprise_update(user=user_for("administrator"), enterprise=enterprise,
                               categories=list(enterprise.service_categories.all()), target_groups=[],
                               is_manager=True)
    html = result_names(client)
    assert "Nya namnet" in html and "Gamla namnet" not in html
    services.enterprise_unpublish(enterprise=enterprise, reason="Upphört")
    html = result_names(client)
    assert "Nya namnet" not in html and "Grannen" in html


def test_the_cached_result_list_is_not_shared_between_public_and_officials(client, client_as):
    EnterpriseFactory(name="Publicerad ek. för.")
    EnterpriseFactory(name="Utkastet ek. för.", draft=True)
    assert "Utkastet" not in result_names(client)
    official = client_as("official")
    assert "Utkastet" in official.get(LIST).content.decode()
    assert "Utkastet" not in result_names(client)


def test_the_cached_result_list_follows_the_language(client):
    from django.conf import settings

    EnterpriseFactory(name="Språket ek. för.", locality="outside")
    assert "Utanför kommunen" in client.get(LIST).content.decode()
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    english = client.get(LIST).content.decode()
    assert "Outside the municipality" in english and "Utanför kommunen" not in english


def test_the_cached_api_answer_shows_an_edit_at_once(client, user_for):
    enterprise = EnterpriseFactory(name="Gamla namnet ek. för.")
    assert [row["name"] for row in client.get(API).json()["results"]] == ["Gamla namnet ek. för."]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(API).json()["count"] == 1
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    enterprise.name = "Nya namnet ek. för."
    services.enterprise_update(user=user_for("administrator"), enterprise=enterprise,
                               categories=list(enterprise.service_categories.all()), target_groups=[],
                               is_manager=True)
    assert [row["name"] for row in client.get(API).json()["results"]] == ["Nya namnet ek. för."]
    services.enterprise_unpublish(enterprise=enterprise, reason="Upphört")
    assert client.get(API).json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_bad_input_is_refused_even_when_an_answer_is_cached(client):
    EnterpriseFactory()
    assert client.get(API, {"ort": "smogen"}).status_code == 200
    assert client.get(API, {"ort": "smogen"}).status_code == 200
    assert client.get(API, {"ort": "atlantis"}).status_code == 400
    assert client.get(API, {"page": "7"}).status_code == 404
    assert client.get(API, {"page": "7"}).status_code == 404
