"""The DCAT-AP-SE description at /api/dcat/ read as linked data: a real
JSON-LD processor (pyld) expands it into triples, and the triples say what
Sweden's data portal harvests: a catalog, its datasets with titles and
descriptions in Swedish and English, the publisher, the licence, the update
frequency and each distribution's format and absolute address."""

import pytest
from django.conf import settings
from django.urls import reverse
from pyld import jsonld

from tests.conftest import sv
from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"


def no_remote_documents(url, options=None):
    raise AssertionError(f"the description must be self-contained, it loaded {url}")


@pytest.fixture
def triples(client):
    EnterpriseFactory(name="Smögens Städ")
    response = client.get(reverse("api_dcat"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    dataset = jsonld.to_rdf(response.json(), {"documentLoader": no_remote_documents})
    return [(t["subject"]["value"], t["predicate"]["value"], t["object"]) for t in dataset["@default"]]


def objects(triples, subject, predicate) -> list[dict]:
    return [o for s, p, o in triples if s == subject and p == predicate]


def values(triples, subject, predicate) -> set[str]:
    return {o["value"] for o in objects(triples, subject, predicate)}


def of_type(triples, rdf_class) -> list[str]:
    return [s for s, p, o in triples if p == RDF_TYPE and o["value"] == rdf_class]


def test_the_address_is_stable_and_public():
    assert reverse("api_dcat") == "/api/dcat/"


def test_one_catalog_with_the_three_datasets_under_cc0(triples):
    [catalog] = of_type(triples, DCAT + "Catalog")
    datasets = values(triples, catalog, DCAT + "dataset")
    assert datasets == set(of_type(triples, DCAT + "Dataset"))
    assert len(datasets) == 3
    assert values(triples, catalog, DCT + "license") == {CC0}
    for dataset in datasets:
        assert values(triples, dataset, DCT + "license") == {CC0}
    titles = {title for dataset in datasets for title in values(triples, dataset, DCT + "title")}
    assert "Sotenäs kommuns register över den sociala ekonomin" in titles
    assert "Sotenäs municipality's public agreements with social enterprises" in titles


def test_titles_and_descriptions_in_swedish_and_english(triples):
    for subject in of_type(triples, DCAT + "Dataset") + of_type(triples, DCAT + "Catalog"):
        for predicate in (DCT + "title", DCT + "description"):
            languages = sorted(o.get("language") for o in objects(triples, subject, predicate))
            assert languages == ["en", "sv"], (subject, predicate)
            assert all(o["datatype"].endswith("#langString") for o in objects(triples, subject, predicate))


def test_publisher_frequency_and_contact_point(triples):
    [catalog] = of_type(triples, DCAT + "Catalog")
    [publisher] = values(triples, catalog, DCT + "publisher")
    assert publisher in of_type(triples, FOAF + "Agent")
    assert values(triples, publisher, FOAF + "name") == {"Sotenäs kommun"}
    for dataset in of_type(triples, DCAT + "Dataset"):
        assert values(triples, dataset, DCT + "publisher") == {publisher}
        [frequency] = values(triples, dataset, DCT + "accrualPeriodicity")
        assert frequency.startswith(FREQUENCY)
        [contact] = values(triples, dataset, DCAT + "contactPoint")
        assert any(v.startswith("mailto:") for v in values(triples, contact, "http://www.w3.org/2006/vcard/ns#hasEmail"))


def test_every_distribution_has_a_format_and_an_absolute_address(triples, client):
    distributions = of_type(triples, DCAT + "Distribution")
    assert distributions
    for distribution in distributions:
        [access] = values(triples, distribution, DCAT + "accessURL")
        assert access.startswith(settings.SITE_URL + "/")
        [media_type] = values(triples, distribution, DCAT + "mediaType")
        [file_type] = values(triples, distribution, DCT + "format")
        assert media_type.startswith(IANA) and file_type.startswith(FILE_TYPE)
        path = access.removeprefix(settings.SITE_URL)
        assert client.get(path).status_code == 200, path  # every address answers
    downloads = {o["value"] for s, p, o in triples if p == DCAT + "downloadURL"}
    assert settings.SITE_URL + "/api/v1/enterprises.csv" in downloads
    assert settings.SITE_URL + "/api/v1/enterprises.json" in downloads


def test_it_is_cached_and_answers_304_when_unchanged(client):
    first = client.get(reverse("api_dcat"))
    assert "public" in first["Cache-Control"] and "max-age=3600" in first["Cache-Control"]
    again = client.get(reverse("api_dcat"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_each_statistics_csv_is_named_as_the_statistics_page_names_it(triples):
    titles = {(o["value"], o.get("language")) for subject in of_type(triples, DCAT + "Distribution")
              for o in objects(triples, subject, DCT + "title")}
    assert ("Statistik som CSV: " + sv("Enterprises by kind of actor"), "sv") in titles
    assert ("Statistics as CSV: Enterprises by kind of actor", "en") in titles
    assert not any(title.endswith(": by-kind") for title, _language in titles)
