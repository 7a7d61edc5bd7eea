"""The open data API through HTTP, as an anonymous client."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from enterprises.models import TargetGroup
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, ServiceCategoryFactory
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import AgreementFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/enterprises/"


@pytest.fixture
def api():
    return Client()


def names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


def test_lists_only_published_enterprises(api):
    EnterpriseFactory(name="Publicerad")
    EnterpriseFactory(name="Utkast", draft=True)
    EnterpriseFactory(name="Väntar", awaiting=True)
    EnterpriseFactory(name="Avpublicerad", unpublished=True)
    response = api.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Publicerad"]
    assert response.json()["count"] == 1


def test_public_endpoints_need_no_sign_in(api):
    for name in ("enterprise_list", "service_category_list", "target_group_list", "locality_list",
                 "agreement_list", "statistics"):
        response = api.get(reverse(f"api:{name}"))
        assert response.status_code == 200, name
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("query", [
    "q=café", "ort=smogen", "ort=kungshamn&ort=smogen", "kategori=stad", "malgrupp=nyanlanda",
    "bolagsform=aktiebolag", "asf=on", "reserverat=on", "sortera=newest", "q=kooperativ&sortera=name",
])
def test_filters_give_the_same_enterprises_as_the_registry_page(api, query):
    cleaning = ServiceCategoryFactory(name="Städ", slug="stad")
    group = TargetGroup.objects.get_or_create(slug="nyanlanda", defaults={"name": "Nyanlända", "position": 2})[0]
    smogen = EnterpriseFactory(name="Smögens kooperativ", locality="smogen", legal_form="aktiebolag",
                               categories=[cleaning], with_figures=True)
    smogen.target_groups.add(group)
    EnterpriseFactory(name="Café Kungshamn", asf_verified_on=timezone.localdate(),
                      asf_valid_until=timezone.localdate() + timedelta(days=300))
    EnterpriseFactory(name="Dold smögenfirma", locality="smogen", draft=True)
    page = api.get(reverse("enterprises:list") + "?" + query)
    page_names = [e.name for e in page.context["enterprises"]]
    assert names(api.get(f"{LIST}?{query}")) == page_names


@pytest.mark.parametrize("query,field", [
    ("ort=atlantis", "ort"), ("sortera=random", "sortera"), ("kategori=finns-inte", "kategori"),
    ("q=" + "x" * 201, "q"), ("page=0", "page"), ("page=abc", "page"),
])
def test_bad_filters_answer_400_with_the_message(api, query, field):
    response = api.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert field in response.json()
    assert all(isinstance(message, str) for message in response.json()[field])


def test_page_past_the_end_is_404(api):
    EnterpriseFactory()
    assert api.get(f"{LIST}?page=5").status_code == 404


def test_detail_by_organisation_number_in_either_form(api):
    enterprise = EnterpriseFactory(organisation_number="5560360793")
    for number in ("556036-0793", "5560360793"):
        response = api.get(reverse("api:enterprise_detail", args=[number]))
        assert response.status_code == 200
        assert response.json()["organisation_number"] == "556036-0793"
        assert response.json()["slug"] == enterprise.slug


def test_detail_hides_unpublished_and_rejects_malformed_numbers(api):
    EnterpriseFactory(organisation_number="5560360793", draft=True)
    assert api.get(reverse("api:enterprise_detail", args=["556036-0793"])).status_code == 404
    response = api.get(reverse("api:enterprise_detail", args=["12-ab"]))
    assert response.status_code == 400
    assert "organisation_number" in response.json()


def test_pagination_is_stable(api, settings):
    for n in range(60):
        EnterpriseFactory(name="Samma namn")
    first = api.get(LIST).json()
    second = api.get(f"{LIST}?page=2").json()
    slugs = [r["slug"] for r in first["results"]] + [r["slug"] for r in second["results"]]
    assert len(slugs) == len(set(slugs)) == 60
    assert first["next"].endswith("page=2")


def test_etag_gives_304(api):
    EnterpriseFactory()
    first = api.get(LIST)
    etag = first["ETag"]
    assert etag
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304
    EnterpriseFactory()
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_cors_is_open_for_the_api_only(api):
    response = api.get(LIST, HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(LIST, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = api.get(reverse("enterprises:list"), HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_api_is_read_only(api):
    assert api.post(LIST, {}, content_type="application/json").status_code in (403, 405)


def test_agreements_show_public_fields_of_public_agreements_of_published_enterprises(api):
    shown = AgreementFactory(title="Synligt avtal", annual_value=123456, description="Intern beskrivning",
                             contact_person="Karin Hemlig")
    AgreementFactory(title="Dolt avtal", is_public=False)
    AgreementFactory(title="Avtal med utkast", enterprise=EnterpriseFactory(draft=True))
    response = api.get(reverse("api:agreement_list"))
    rows = response.json()["results"]
    assert [r["title"] for r in rows] == ["Synligt avtal"]
    assert rows[0]["department"] == shown.department.name
    assert set(rows[0]) == {"title", "kind", "kind_label", "department", "enterprise_name", "enterprise_slug",
                            "start_date", "end_date"}
    body = response.content.decode()
    for secret in ("123456", "Intern beskrivning", "Karin Hemlig"):
        assert secret not in body


def test_no_endpoint_leaks_non_public_data(api):
    """Walk every endpoint as an anonymous client with non-public data present."""
    public = EnterpriseFactory(name="Öppna kooperativet", organisation_number="5560360793")
    rep = RepresentationFactory(enterprise=public)
    rep.user.first_name, rep.user.email = "Hemliga Hanna", "hanna.privat@example.org"
    rep.user.save()
    EnterpriseFactory(name="Utkastet AB", draft=True, organisation_number="2120000142")
    EnterpriseFactory(name="Avpubliceringen", unpublished=True, unpublished_reason="Internt skäl XYZ")
    AgreementFactory(enterprise=public, annual_value=987654, contact_person="Kontakt Person")
    bodies = []
    for name in ("enterprise_list", "service_category_list", "target_group_list", "locality_list",
                 "agreement_list", "statistics"):
        bodies.append(api.get(reverse(f"api:{name}")).content.decode())
    bodies.append(api.get(reverse("api:enterprise_detail", args=["556036-0793"])).content.decode())
    everything = "\n".join(bodies)
    assert "Öppna kooperativet" in everything
    for secret in ("Utkastet AB", "212000-0142", "Avpubliceringen", "Internt skäl XYZ", "987654",
                   "Kontakt Person", "Hemliga Hanna", "hanna.privat@example.org", rep.user.username,
                   "unpublished_reason", "representatives", "publication_status"):
        assert secret not in everything, secret


def test_statistics_match_independent_counts(api):
    EnterpriseFactory.create_batch(3, kind="asf", locality="smogen")
    EnterpriseFactory(kind="association", locality="kungshamn", figures_year=2024, employees=4,
                      employees_from_target_groups=1, participants=2)
    EnterpriseFactory(kind="association", locality="kungshamn", figures_year=2024, employees=6, participants=1)
    EnterpriseFactory(kind="asf", draft=True, locality="smogen", figures_year=2024, employees=100, participants=0)
    data = api.get(reverse("api:statistics")).json()
    assert data["published_enterprises"] == 5
    by_kind = {row["key"]: row["count"] for row in data["by_kind"]}
    assert by_kind["asf"] == 3
    assert by_kind["association"] == 2
    by_locality = {row["key"]: row["count"] for row in data["by_locality"]}
    assert by_locality["smogen"] == 3 and by_locality["kungshamn"] == 2
    assert data["people_by_year"] == [{"year": 2024, "employees": 10, "participants": 3}]


@pytest.mark.parametrize("url", [LIST, "/api/v1/agreements/"])
def test_list_query_count_is_fixed(api, url):
    category = ServiceCategoryFactory()

    def add(n):
        for _ in range(n):
            enterprise = EnterpriseFactory(categories=[category])
            AgreementFactory(enterprise=enterprise)

    assert_fixed_query_count(lambda: api.get(url), add, sizes=(5, 30))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_schema_is_valid_in_both_languages(api, lang):
    from drf_spectacular.validation import validate_schema as validate

    response = api.get(f"/api/schema/?format=json&lang={lang}")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert operation.get("description"), path


def test_reference_lists_every_endpoint(api):
    html = api.get(reverse("api_docs")).content.decode()
    for path in ("/api/v1/enterprises/", "/api/v1/enterprises/{organisation_number}/", "/api/v1/agreements/",
                 "/api/v1/statistics/", "/api/v1/localities/"):
        assert path in html


def test_explorer_uses_vendored_assets_only(api):
    response = api.get(reverse("api_explorer"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "https://" not in html.replace("https://example", "")
    assert "<script>" not in html


def test_hand_written_enterprise_rows_equal_the_generic_serializer(api):
    """The list's rows are written out by hand for speed (bench/README.md,
    second round); they must be what DRF's generic path makes of the
    declared fields, key order included, with and without optional values."""
    from enterprises.models import Enterprise
    from enterprises.selectors import with_list_relations
    from enterprises.serializers import EnterpriseSerializer

    group = TargetGroup.objects.get_or_create(slug="unga", defaults={"name": "Unga", "position": 3})[0]
    full = EnterpriseFactory(name="Fullt ifyllt", with_figures=True, year_founded=1999, description="Lång text.",
                             website="https://exempel.se", email="info@exempel.se", phone="0523-123 45",
                             visiting_address="Hamngatan 1", postal_address="Box 1", meets_reserved_share=True,
                             asf_verified_on=timezone.localdate() - timedelta(days=10),
                             asf_valid_until=timezone.localdate() + timedelta(days=300),
                             categories=[ServiceCategoryFactory(name="Städ", slug="stad"),
                                         ServiceCategoryFactory(name="Café", slug="cafe")])
    full.target_groups.add(group)
    EnterpriseFactory(name="Tomt", asf_verified_on=timezone.localdate() - timedelta(days=800),
                      asf_valid_until=timezone.localdate() - timedelta(days=1))
    serializer = EnterpriseSerializer()
    rows = 0
    for enterprise in with_list_relations(Enterprise.objects.order_by("name")):
        fast, generic = serializer.to_representation(enterprise), serializer.generic_representation(enterprise)
        assert list(fast) == list(generic)
        assert json.dumps(fast) == json.dumps(generic)
        rows += 1
    assert rows == 2
    body = api.get(LIST).json()["results"]
    assert [row["name"] for row in body] == ["Fullt ifyllt", "Tomt"]
    assert [row["asf_verified"] for row in body] == [True, False]
    assert body[0]["target_groups"] == [{"slug": "unga", "name": group.name, "name_en": group.name_en,
                                         "position": group.position}]
