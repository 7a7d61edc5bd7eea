"""Full-text search with the Swedish configuration on PostgreSQL."""

import pytest
from django.urls import reverse

from enterprises.models import ServiceCategory
from tests.enterprises.factories import EnterpriseFactory
from tests.services import need_postgres

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def postgres_only():
    need_postgres()


def names(client, q):
    return [e.name for e in client.get(reverse("enterprises:list"), {"q": q}).context["enterprises"]]


def test_swedish_stemming_and_word_roots(client):
    cleaning = ServiceCategory.objects.get(slug="stad")
    EnterpriseFactory(name="Rena Hem ek. för.", short_description="Hushållsnära tjänster.", categories=[cleaning])
    EnterpriseFactory(name="Städningen i Väst AB", short_description="Kontor och trapphus.")
    EnterpriseFactory(name="Båtvården", short_description="Vi tvättar och vårdar båtar.")
    assert set(names(client, "städning")) == {"Rena Hem ek. för.", "Städningen i Väst AB"}
    assert set(names(client, "städ")) == {"Rena Hem ek. för.", "Städningen i Väst AB"}
    assert names(client, "båtar") == ["Båtvården"]  # inflection: båtar → båt
    assert names(client, "vårdar båtar") == ["Båtvården"]


def test_name_matches_rank_first(client):
    EnterpriseFactory(name="Café Bryggan", short_description="Fika.")
    EnterpriseFactory(name="Hamnbodarna", short_description="Butik med ett litet café i hörnet.")
    assert names(client, "café") == ["Café Bryggan", "Hamnbodarna"]


@pytest.mark.parametrize("q", ["städ & | ! :* ()", "'; drop table enterprises_enterprise; --", "<script>", "a" * 500])
def test_hostile_search_text_is_harmless(client, q):
    EnterpriseFactory(name="Finns kvar")
    response = client.get(reverse("enterprises:list"), {"q": q})
    assert response.status_code == 200
    assert names(client, "finns") == ["Finns kvar"]
