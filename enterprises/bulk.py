"""The whole published registry in one download, CSV or JSON, for those who
do not want to page through the API (/api/v1/enterprises.csv and .json).

Both stream: the rows are read with ``QuerySet.iterator(chunk_size=…)``, so
each chunk costs the same few queries (the enterprises, then their
categories, target groups and figures, prefetched per chunk) and memory
does not grow with the registry. The JSON items are the API's enterprise
objects, made by the API's own serializer. The CSV has the registry
export's public columns. An ETag from the registry's latest change (and the
day and language, which the labels and the ASF flag depend on) lets a
harvester ask again cheaply."""

import hashlib
import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import etag
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.views import APIView

from core import licence
from core.exports import csv_lines

from . import exports, selectors
from .serializers import EnterpriseSerializer

DEFAULT_CHUNK_SIZE = 500
TAG = "registry"


def chunk_size() -> int:
    return getattr(settings, "OPEN_DATA_CHUNK_SIZE", DEFAULT_CHUNK_SIZE)


def published_registry():
    """Every published enterprise, by name, with what the serializer reads."""
    return selectors.with_figures(selectors.registry_list(selectors.RegistryQuery(), include_unpublished=False))


def json_chunks(queryset, *, size: int):
    """A JSON array, one enterprise object at a time."""
    serializer = EnterpriseSerializer()
    yield "["
    separator = "\n"
    for enterprise in queryset.iterator(chunk_size=size):
        yield separator + json.dumps(serializer.to_representation(enterprise), ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def _bulk_etag(request, *args, **kwargs) -> str:
    parts = [selectors.registry_version(), timezone.localdate().isoformat(), translation.get_language() or ""]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _stream(body, *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = licence.link_header(settings.SITE_URL + licence.DCAT_PATH)
    response["Cache-Control"] = "public, max-age=600"
    # The labels follow the reader's language (header or cookie).
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


class CSVRenderer(BaseRenderer):
    """Lets content negotiation accept ``Accept: text/csv``; the view
    streams its own body, so this renders only an error's message."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        detail = data.get("detail", data) if isinstance(data, dict) else data
        return str(detail).encode(self.charset)


class _FileDownload(APIView):
    """A file in one format whatever the client's Accept header or
    ``?format=`` says (no 406, no 404 for the format): the address names
    the format."""

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)


@extend_schema(
    tags=[TAG], summary=_("The whole published registry as CSV"),
    description=_("Every published enterprise in one streamed CSV file (UTF-8 with BOM, semicolons), with the "
                  "registry export's public columns. Open data under CC0 1.0."),
    parameters=[], responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description=_("The CSV file."))},
)
class EnterpriseBulkCsvApi(_FileDownload):
    renderer_classes = (CSVRenderer,)

    def get(self, request):
        rows = exports.rows(published_registry(), for_officials=False, chunk_size=chunk_size())
        return _stream(csv_lines(exports.public_header(), rows), content_type="text/csv; charset=utf-8",
                       filename="foretagsregistret.csv")


@extend_schema(
    tags=[TAG], summary=_("The whole published registry as JSON"),
    description=_("Every published enterprise in one streamed JSON array, each item the same object as in the "
                  "enterprise list. Open data under CC0 1.0."),
    parameters=[], responses={200: EnterpriseSerializer(many=True)},
)
class EnterpriseBulkJsonApi(_FileDownload):
    renderer_classes = (JSONRenderer,)

    def get(self, request):
        return _stream(json_chunks(published_registry(), size=chunk_size()),
                       content_type="application/json", filename="foretagsregistret.json")


def bulk_endpoint(view_class):
    """Public, with a cheap ETag (no body to hash: it streams)."""
    return login_not_required(etag(_bulk_etag)(view_class.as_view()))
