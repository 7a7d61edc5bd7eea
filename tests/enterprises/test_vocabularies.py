"""The registry's vocabularies in English, Swedish-only text marked
lang="sv" on English pages, the kind-of-actor filter (typ) on the page and
in the API, and categories and target groups in the entry's history."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from enterprises import services
from enterprises.models import ServiceCategory, TargetGroup
from tests.enterprises.factories import EnterpriseFactory, ServiceCategoryFactory
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db
LIST = "/api/v1/enterprises/"


def english() -> Client:
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def page(client, name, **kwargs) -> str:
    params = kwargs.pop("params", None)
    return client.get(reverse(name, kwargs=kwargs or None), params).content.decode()


@pytest.fixture
def cleaning():
    category = ServiceCategory.objects.get(slug="stad")  # seeded, with its English name (0009)
    assert category.name_en == "Cleaning"
    return category


def test_the_english_registry_shows_english_category_names(cleaning):
    unnamed = ServiceCategoryFactory(name="Sjötransporter", slug="sjotransporter")
    EnterpriseFactory(name="Kungshamns Städkooperativ", categories=[cleaning, unnamed])
    html = page(english(), "enterprises:list")
    results = html[html.index('class="list-unstyled registry-results"'):]
    assert "Cleaning" in results and "Städ<" not in results
    # No English name: the Swedish one, marked as Swedish.
    assert '<span lang="sv">Sjötransporter</span>' in results
    assert re.search(r'<label[^>]*>Cleaning</label>', html)  # the filter too
    swedish = page(Client(), "enterprises:list")
    assert "Städ" in swedish and "Cleaning" not in swedish and '<span lang="sv">' not in swedish


def test_the_english_enterprise_page_shows_english_names_and_marks_swedish_text(cleaning):
    group = TargetGroup.objects.get(slug="unga")
    enterprise = EnterpriseFactory(name="Smögens Kafé", short_description="Kafé och catering på Smögen.",
                                   description="Vi driver kaféet vid hamnen.", categories=[cleaning])
    enterprise.target_groups.set([group])
    html = page(english(), "enterprises:detail", slug=enterprise.slug)
    assert "<li>Cleaning</li>" in html and f"<li>{group.name_en}</li>" in html
    assert '<p class="lead" lang="sv">Kafé och catering på Smögen.</p>' in html
    assert re.search(r'<div lang="sv"><p>Vi driver kaféet vid hamnen.</p>', html)
    swedish = page(Client(), "enterprises:detail", slug=enterprise.slug)
    assert '<p class="lead">Kafé och catering på Smögen.</p>' in swedish and f"<li>{group.name}</li>" in swedish


def test_the_english_registry_list_marks_descriptions_swedish():
    EnterpriseFactory(short_description="Snickeri och båtvård i Väjern.")
    html = page(english(), "enterprises:list")
    assert '<p class="card-text" lang="sv">Snickeri och båtvård i Väjern.</p>' in html


def test_the_typ_filter_on_the_page_and_in_the_api_gives_the_same_enterprises():
    EnterpriseFactory(name="Bovallstrands Idrottsförening", kind="association")
    EnterpriseFactory(name="Malmöns Kooperativ", kind="cooperative")
    EnterpriseFactory(name="Sotenäs Stiftelse", kind="foundation")
    html = page(Client(), "enterprises:list", params={"typ": ["association", "foundation"]})
    assert "Bovallstrands Idrottsförening" in html and "Sotenäs Stiftelse" in html
    assert "Malmöns Kooperativ" not in html
    assert 'name="typ" value="association"' in html  # the form offers it
    body = Client().get(LIST, {"typ": ["association", "foundation"]}).json()
    assert sorted(row["name"] for row in body["results"]) == ["Bovallstrands Idrottsförening", "Sotenäs Stiftelse"]
    assert {row["kind"] for row in body["results"]} == {"association", "foundation"}


def test_a_bad_typ_is_refused_by_the_api_and_ignored_by_the_page():
    EnterpriseFactory(name="Malmöns Kooperativ", kind="cooperative")
    response = Client().get(LIST, {"typ": "bolag"})
    assert response.status_code == 400 and "typ" in response.json()
    assert Client().get(LIST, {"typ": ""}).json()["count"] == 1  # empty: no filter
    html = page(Client(), "enterprises:list", params={"typ": "bolag"})
    assert "Malmöns Kooperativ" in html and "var ogiltiga" in html


def test_the_api_gives_english_names_beside_the_swedish(cleaning):
    EnterpriseFactory(categories=[cleaning])
    row = Client().get(LIST).json()["results"][0]
    assert row["service_categories"] == [{"slug": "stad", "name": "Städ", "name_en": "Cleaning"}]
    categories = Client().get("/api/v1/service-categories/").json()
    assert {"slug": "stad", "name": "Städ", "name_en": "Cleaning"} in categories


def test_category_and_target_group_changes_are_in_the_history(cleaning, coordinator, client_as):
    laundry = ServiceCategory.objects.get(slug="tvatt")
    group = TargetGroup.objects.get(slug="nyanlanda")
    enterprise = EnterpriseFactory(categories=[cleaning])
    services.enterprise_update(user=coordinator, enterprise=enterprise, categories=[cleaning, laundry],
                               target_groups=[group], is_manager=True)
    html = page(client_as("coordinator"), "enterprises:history", slug=enterprise.slug)
    assert "Städ → Städ, Tvätt" in html
    assert f"– → {group.name}" in html
    services.enterprise_update(user=coordinator, enterprise=enterprise, categories=[laundry],
                               target_groups=[], is_manager=True)
    html = page(client_as("coordinator"), "enterprises:history", slug=enterprise.slug)
    assert "Städ, Tvätt → Tvätt" in html and f"{group.name} → –" in html


def test_the_history_page_keeps_its_query_count(coordinator, client_as, cleaning):
    enterprise = EnterpriseFactory(categories=[cleaning])
    categories = list(ServiceCategory.objects.all())
    client = client_as("coordinator")
    url = reverse("enterprises:history", kwargs={"slug": enterprise.slug})

    def add_rows(n):
        for i in range(n):
            services.enterprise_update(user=coordinator, enterprise=enterprise,
                                       categories=categories[: 1 + i % len(categories)],
                                       target_groups=[], is_manager=True)

    assert_fixed_query_count(lambda: client.get(url), add_rows, sizes=(3, 9))


def test_the_english_filtered_registry_keeps_its_query_count(cleaning):
    client = english()

    def add_rows(n):
        for _ in range(n):
            EnterpriseFactory(kind="cooperative", categories=[cleaning])

    assert_fixed_query_count(lambda: client.get(reverse("enterprises:list"), {"typ": "cooperative"}),
                             add_rows, sizes=(3, 12))


def test_agreements_on_the_english_enterprise_page_name_the_department_in_english():
    from tests.factories import DepartmentFactory
    from tests.support.factories import AgreementFactory

    enterprise = EnterpriseFactory()
    named = DepartmentFactory(name="Sektor arbetsmarknad", name_en="Labour market department")
    unnamed = DepartmentFactory(name="Sektor hamn")
    AgreementFactory(enterprise=enterprise, department=named, title="Samarbetsavtal om städning", is_public=True)
    AgreementFactory(enterprise=enterprise, department=unnamed, title="Avtal om båtvård", is_public=True)
    html = page(english(), "enterprises:detail", slug=enterprise.slug)
    assert "Labour market department" in html and "Sektor arbetsmarknad" not in html
    assert '<span lang="sv">Sektor hamn</span>' in html
    assert '<span lang="sv">Samarbetsavtal om städning</span>' in html
    assert "Sektor arbetsmarknad" in page(Client(), "enterprises:detail", slug=enterprise.slug)


def test_support_kinds_have_english_names():
    from django.utils import translation

    from support.models import SupportKind

    kind = SupportKind.objects.get(slug="lokaler")
    with translation.override("en"):
        assert str(kind) == "Premises"
    with translation.override("sv"):
        assert str(kind) == "Lokaler"


def test_officials_give_english_names_in_the_category_and_department_forms(client_as):
    from accounts.models import Department

    response = client_as("official").post(reverse("enterprises:categories"),
                                          {"name": "Fiskberedning", "name_en": "Fish processing"})
    assert response.status_code == 302
    assert ServiceCategory.objects.get(name="Fiskberedning").name_en == "Fish processing"
    response = client_as("administrator").post(reverse("accounts:department_create"), {
        "name": "Sektor kultur och fritid", "name_en": "Culture and leisure department", "kind": "sector",
        "contact_email": "kultur@sotenas.example", "is_active": "on"})
    assert response.status_code == 302
    assert Department.objects.get(name="Sektor kultur och fritid").name_en == "Culture and leisure department"


def test_the_english_statistics_name_categories_and_target_groups_in_english(cleaning):
    group = TargetGroup.objects.exclude(name_en="").order_by("position").first()
    enterprise = EnterpriseFactory(categories=[cleaning])
    enterprise.target_groups.add(group)
    english_page = page(english(), "statistics:public")
    assert "Cleaning" in english_page and group.name_en in english_page
    swedish_page = page(Client(), "statistics:public")
    assert "Cleaning" not in swedish_page and group.name in swedish_page
