"""Open data API for the registry: read-only, public, published enterprises
only. The list takes the registry page's own query parameters, validated by
the page's own form, and reads through the page's own selector, so the same
query gives the same enterprises."""

from functools import partial

from django.core.cache import cache
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import BAD_REQUEST, NOT_FOUND, PortalPagination

from . import selectors
from .constants import ActorKind, LegalForm, Locality, PublicationStatus
from .forms import SORT_CHOICES, RegistryFilterForm
from .models import Enterprise, ServiceCategory, TargetGroup
from .orgnr import normalise
from .serializers import EnterpriseSerializer, LocalitySerializer, ServiceCategorySerializer, TargetGroupSerializer

TAG = "registry"
# NNNNNN-NNNN, ten digits, or the twelve-digit form with the "16" prefix.
ORGNR_PATTERN = r"^(16)?[0-9]{6}-?[0-9]{4}$"


def _multi(name: str, description, enum=None) -> OpenApiParameter:
    """A repeatable filter. An empty value means no filter (``without_blanks``),
    so the schema allows "" beside the values; managed vocabularies (kategori,
    malgrupp) get their values when the schema is made (``api_schema``)."""
    enum = ["", *enum] if enum is not None else None
    return OpenApiParameter(name, OpenApiTypes.STR, many=True, explode=True, enum=enum, description=description)


def without_blanks(params):
    """The query parameters less empty values: ``?kategori=&malgrupp=`` is
    no filter, as an unticked box is on the registry page."""
    data = params.copy()
    for key in list(data.keys()):
        values = [value for value in data.getlist(key) if value != ""]
        if values:
            data.setlist(key, values)
        else:
            del data[key]
    return data


REGISTRY_PARAMETERS = [
    OpenApiParameter("q", {"type": "string", "maxLength": 200},
                     description=_("Free-text search in names, descriptions and categories.")),
    _multi("kategori", _("Service category slug; repeat for several (any of them matches).")),
    _multi("malgrupp", _("Target group slug; repeat for several (any of them matches).")),
    _multi("ort", _("Locality; repeat for several."), enum=Locality.values),
    _multi("bolagsform", _("Legal form; repeat for several."), enum=LegalForm.values),
    _multi("typ", _("Kind of actor (as kind in the results); repeat for several."), enum=ActorKind.values),
    # Strings, as on the registry page (asf=on): any value but "", "0" or "false" turns the filter on.
    OpenApiParameter("asf", OpenApiTypes.STR,
                     description=_("Only enterprises verified as ASF (asf=on; empty, 0 or false turns it off).")),
    OpenApiParameter("reserverat", OpenApiTypes.STR,
                     description=_("Only enterprises meeting the share for reserved contracts (reserverat=on).")),
    OpenApiParameter("sortera", OpenApiTypes.STR, enum=[value for value, _label in SORT_CHOICES],
                     description=_("Sort order: name, newest or recently checked; by relevance or name if absent.")),
]


def registry_filter_form(data) -> RegistryFilterForm:
    """The registry page's filter form, for the public."""
    return RegistryFilterForm(
        data or None,
        categories=ServiceCategory.objects.filter(is_active=True).order_by("name"),
        target_groups=TargetGroup.objects.order_by("position"),
        for_officials=False,
    )


class RegistryPagination(PortalPagination):
    """The count is the registry page's cached one (``selectors.registry_count``)."""

    django_paginator_class = selectors.RegistryPaginator


@extend_schema(
    tags=[TAG],
    summary=_("Published enterprises"),
    description=_("Published enterprises in the registry, with the registry page's search and filters."),
    parameters=REGISTRY_PARAMETERS,
    responses={200: EnterpriseSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
)
class EnterpriseListApi(ListAPIView):
    serializer_class = EnterpriseSerializer
    pagination_class = RegistryPagination

    def get_queryset(self):
        data = without_blanks(self.request.query_params)
        data.pop("page", None)
        form = registry_filter_form(data)
        if form.is_bound and not form.is_valid():
            raise ValidationError(
                {field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()}
            )
        self.category_labels = form.fields["kategori"].choices
        return selectors.with_figures(selectors.registry_list(form.to_query(), include_unpublished=False))

    def list(self, request, *args, **kwargs):
        """DRF's list, its answer cached until the registry changes, as the
        registry page's result list is (``selectors.registry_results_key``):
        nothing in it depends on who asks. Bad input still gets its 400, the
        form is checked first."""
        queryset = self.filter_queryset(self.get_queryset())
        version = selectors.registry_version()
        key = "registry-api:" + selectors.registry_results_key(
            version=version, path=request.build_absolute_uri(), for_officials=False, labels=self.category_labels)
        data = cache.get(key)
        if data is None:
            self.paginator.django_paginator_class = partial(selectors.RegistryPaginator, version=version)
            page = self.paginate_queryset(queryset)
            data = self.get_paginated_response(self.get_serializer(page, many=True).data).data
            cache.set(key, data, selectors.RESULTS_CACHE_SECONDS)
        return Response(data)


@extend_schema(
    tags=[TAG],
    summary=_("One published enterprise"),
    description=_("A published enterprise found by its organisation number (NNNNNN-NNNN or ten digits)."),
    parameters=[OpenApiParameter("organisation_number", {"type": "string", "pattern": ORGNR_PATTERN},
                                 OpenApiParameter.PATH,
                                 description=_("Organisation number, NNNNNN-NNNN or ten digits."))],
    responses={200: EnterpriseSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
)
class EnterpriseDetailApi(RetrieveAPIView):
    serializer_class = EnterpriseSerializer

    def get_object(self):
        number = normalise(self.kwargs["organisation_number"])
        if len(number) != 10 or not number.isdigit():
            raise ValidationError({"organisation_number": [_("Give ten digits, written NNNNNN-NNNN.")]})
        enterprise = selectors.with_list_relations(selectors.with_figures(
            Enterprise.objects.filter(organisation_number=number,
                                                publication_status=PublicationStatus.PUBLISHED)
        )).first()
        if enterprise is None:
            raise Http404
        return enterprise


@extend_schema(tags=[TAG], summary=_("Service categories"),
               description=_("The active service categories, the values of the kategori filter."),
               responses={200: ServiceCategorySerializer(many=True)})
class ServiceCategoryListApi(ListAPIView):
    serializer_class = ServiceCategorySerializer
    pagination_class = None

    def get_queryset(self):
        return ServiceCategory.objects.filter(is_active=True).order_by("name", "pk")


@extend_schema(tags=[TAG], summary=_("Target groups"),
               description=_("The policy's target groups, the values of the malgrupp filter."),
               responses={200: TargetGroupSerializer(many=True)})
class TargetGroupListApi(ListAPIView):
    serializer_class = TargetGroupSerializer
    pagination_class = None

    def get_queryset(self):
        return TargetGroup.objects.order_by("position", "name", "pk")


@extend_schema(tags=[TAG], summary=_("Localities"),
               description=_("The localities of Sotenäs, the values of the ort filter."),
               responses={200: LocalitySerializer(many=True)})
class LocalityListApi(APIView):
    def get(self, request):
        rows = [{"value": value, "label": str(label)} for value, label in Locality.choices]
        return Response(LocalitySerializer(rows, many=True).data)
