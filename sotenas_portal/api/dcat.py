"""The DCAT-AP-SE description of the portal's open datasets at /api/dcat/,
as JSON-LD, for Sweden's data portal (dataportal.se) to harvest: one
dcat:Catalog with three dcat:Dataset entries (the registry, the public
agreements, the statistics), each with titles and descriptions in Swedish
and English, the publisher, the licence (CC0 1.0), the update frequency
and the distributions' formats and absolute addresses.

Vocabularies: EU Publications Office authority tables for frequency,
language, data theme and file type; IANA media types; ADMS publisher type.
"""

from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Max
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from core import licence
from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise
from sotenas_portal.statistics.selectors import PUBLIC_SERIES
from support.apis import public_agreement_list

CONTENT_TYPE = "application/ld+json"
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
FORMATS = {  # media type -> EU file type
    "application/json": "JSON",
    "text/csv": "CSV",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}


def _texts(sv: str, en: str) -> list[dict]:
    return [{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


def _ref(iri: str) -> dict:
    return {"@id": iri}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _distribution(key: str, path: str, media_type: str, title: tuple[str, str], *, download: bool) -> dict:
    url = _absolute(path)
    found = {
        "@id": _absolute(licence.DCAT_PATH) + f"#{key}",
        "@type": "dcat:Distribution",
        "dct:title": _texts(*title),
        "dcat:accessURL": _ref(url),
        "dcat:mediaType": _ref(IANA + media_type),
        "dct:format": _ref(EU + "file-type/" + FORMATS[media_type]),
        "dct:license": _ref(licence.CC0_URL),
    }
    if download:
        found["dcat:downloadURL"] = _ref(url)
    else:  # an API: its OpenAPI schema describes it
        found["dct:conformsTo"] = _ref(_absolute(reverse("api_schema")))
    return found


def _dataset(key: str, *, title, description, keywords, theme: str, frequency: str, modified, distributions) -> dict:
    dataset = {
        "@id": _absolute(licence.DCAT_PATH) + f"#{key}",
        "@type": "dcat:Dataset",
        "dct:identifier": _absolute(licence.DCAT_PATH) + f"#{key}",
        "dct:title": _texts(*title),
        "dct:description": _texts(*description),
        "dcat:keyword": [{"@value": word, "@language": "sv"} for word in keywords],
        "dcat:theme": _ref(EU + "data-theme/" + theme),
        "dct:accrualPeriodicity": _ref(EU + "frequency/" + frequency),
        "dct:language": _ref(EU + "language/SWE"),
        "dct:publisher": _ref(_absolute(licence.DCAT_PATH) + "#publisher"),
        "dcat:contactPoint": _contact_point(),
        "dct:license": _ref(licence.CC0_URL),
        "dcat:landingPage": _ref(_absolute(reverse("api_docs"))),
        "dcat:distribution": distributions,
    }
    if modified:
        dataset["dct:modified"] = {"@value": modified.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}
    return dataset


def _contact_point() -> dict:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return {"@type": "vcard:Organization", "vcard:fn": "Sotenäs kommun, social ekonomi",
            "vcard:hasEmail": _ref(f"mailto:{address}")}


def _publisher() -> dict:
    return {
        "@id": _absolute(licence.DCAT_PATH) + "#publisher",
        "@type": "foaf:Agent",
        "foaf:name": {"@value": licence.PUBLISHER, "@language": "sv"},
        "dct:type": _ref("http://purl.org/adms/publishertype/LocalAuthority"),
        "foaf:homepage": _ref(_absolute("/")),
    }


def _registry(modified) -> dict:
    return _dataset(
        "registry",
        title=("Sotenäs kommuns register över den sociala ekonomin",
               "Sotenäs municipality's registry of the social economy"),
        description=(("Publicerade aktörer i den sociala ekonomin och arbetsintegrerande sociala företag (ASF) i "
                     "Sotenäs: vad de säljer, vilka målgrupper de arbetar med, kontaktuppgifter och "
                     "sammanräknade antal anställda och deltagare per år. Inga uppgifter om enskilda personer."),
                     ("Published social economy actors and work-integrating social enterprises (WISE) in Sotenäs: "
                     "what they sell, the target groups they serve, contact details and aggregate numbers of "
                     "employees and participants per year. No data about individual persons.")),
        keywords=["social ekonomi", "arbetsintegrerande sociala företag", "ASF", "föreningar", "Sotenäs"],
        theme="SOCI", frequency="CONT", modified=modified,
        distributions=[
            _distribution("registry-api", reverse("api:enterprise_list"), "application/json",
                          ("Registret via API (JSON, sidindelat)", "The registry through the API (JSON, paged)"),
                          download=False),
            _distribution("registry-csv", reverse("api:enterprise_bulk_csv"), "text/csv",
                          ("Hela registret som CSV", "The whole registry as CSV"), download=True),
            _distribution("registry-json", reverse("api:enterprise_bulk_json"), "application/json",
                          ("Hela registret som JSON", "The whole registry as JSON"), download=True),
            _distribution("registry-xlsx", reverse("enterprises:registry_export_xlsx"),
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          ("Registret som Excel-fil (XLSX)", "The registry as an Excel file (XLSX)"), download=True),
        ],
    )


def _agreements(modified) -> dict:
    return _dataset(
        "agreements",
        title=("Sotenäs kommuns offentliga avtal med sociala företag",
               "Sotenäs municipality's public agreements with social enterprises"),
        description=(("Överenskommelser mellan kommunens förvaltningar och publicerade företag som visas "
                     "offentligt: rubrik, typ, förvaltning, företag och period. Avtalsvärden publiceras inte."),
                     ("Agreements between the municipality's departments and published enterprises that are shown "
                     "publicly: title, kind, department, enterprise and period. Values are never published.")),
        keywords=["avtal", "idéburet offentligt partnerskap", "social ekonomi", "Sotenäs"],
        theme="GOVE", frequency="IRREG", modified=modified,
        distributions=[
            _distribution("agreements-api", reverse("api:agreement_list"), "application/json",
                          ("Avtalen via API (JSON, sidindelat)", "The agreements through the API (JSON, paged)"),
                          download=False),
        ],
    )


def _series_titles(build) -> tuple[str, str]:
    """The CSV's title as the statistics page names it, in Swedish and English."""
    title = build().title
    with translation.override("sv"):
        swedish = f"Statistik som CSV: {title}"
    with translation.override("en"):
        english = f"Statistics as CSV: {title}"
    return swedish, english


def _statistics(modified) -> dict:
    return _dataset(
        "statistics",
        title=("Statistik över den sociala ekonomin i Sotenäs", "Statistics on the social economy in Sotenäs"),
        description=(("Sammanräknade siffror över det publicerade registret: företag per typ, ort, tjänst och "
                     "målgrupp, kontrollerade ASF per år samt anställda och deltagare per år."),
                     ("Aggregate figures over the published registry: enterprises by kind, locality, service and "
                     "target group, verified WISE per year, and employees and participants per year.")),
        keywords=["statistik", "social ekonomi", "ASF", "Sotenäs"],
        theme="SOCI", frequency="CONT", modified=modified,
        distributions=[
            _distribution("statistics-api", reverse("api:statistics"), "application/json",
                          ("Statistiken via API (JSON)", "The statistics through the API (JSON)"), download=False),
            *[_distribution(f"statistics-{key}-csv", reverse("statistics:public_csv", args=[key]), "text/csv",
                            _series_titles(build), download=True)
              for key, build in PUBLIC_SERIES.items()],
        ],
    )


def catalog_document() -> dict:
    registry_modified = (Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED)
                         .aggregate(latest=Max("updated_at"))["latest"])
    agreements_modified = public_agreement_list().aggregate(latest=Max("updated_at"))["latest"]
    return {
        "@context": CONTEXT,
        "@id": _absolute(licence.DCAT_PATH),
        "@type": "dcat:Catalog",
        "dct:title": _texts("Sotenäs kommuns öppna data om den sociala ekonomin",
                            "Sotenäs municipality's open data on the social economy"),
        "dct:description": _texts(
            "Öppna data från portalen för social ekonomi i Sotenäs kommun, fria att återanvända (CC0 1.0).",
            "Open data from Sotenäs municipality's social economy portal, free to reuse (CC0 1.0)."),
        "dct:publisher": _publisher(),
        "dct:license": _ref(licence.CC0_URL),
        "dct:language": [_ref(EU + "language/SWE"), _ref(EU + "language/ENG")],
        "foaf:homepage": _ref(_absolute(reverse("api_docs"))),
        "dcat:dataset": [_registry(registry_modified), _agreements(agreements_modified),
                         _statistics(registry_modified)],
    }


@login_not_required
@require_safe
@cache_control(public=True, max_age=3600)
@conditional_page
def catalog(request):
    """Public; an ETag from the body, and an hour in shared caches (the
    description changes with the registry's latest change only)."""
    return JsonResponse(catalog_document(), content_type=CONTENT_TYPE, json_dumps_params={"ensure_ascii": False})
