"""The OpenAPI schema's filter values that are managed data. Service
categories and target groups are added and retired by officials, so the
schema lists the values the API accepts when the schema is asked for: a
client (or schemathesis) that keeps to the schema is never refused.

Without a database (``manage.py check`` on a build server, before
``migrate``) the schema is still generated, without these lists."""

from django.db import DatabaseError

from .models import ServiceCategory, TargetGroup

LIST_PATH = "/api/v1/enterprises/"


def vocabularies() -> dict[str, list[str]]:
    return {
        "kategori": list(ServiceCategory.objects.filter(is_active=True).order_by("name").values_list("slug", flat=True)),
        "malgrupp": list(TargetGroup.objects.order_by("position").values_list("slug", flat=True)),
    }


def current_vocabularies(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS)."""
    operation = result.get("paths", {}).get(LIST_PATH, {}).get("get")
    if not operation:
        return result
    try:
        values = vocabularies()
    except DatabaseError:
        return result
    for parameter in operation.get("parameters", []):
        if parameter.get("name") in values:
            # "" too: an empty value means no filter (enterprises.apis.without_blanks).
            parameter["schema"]["items"]["enum"] = ["", *values[parameter["name"]]]
    return result
