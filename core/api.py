"""What every open data endpoint shares: public access, ETags, and page
numbers that answer bad input with a 400 rather than a guess (and a whole
number past the last page, however large, with a 404)."""

from django.contrib.auth.decorators import login_not_required
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import conditional_page
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from .params import whole_number


class PortalPagination(PageNumberPagination):
    page_size = 50

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        number = whole_number(raw, maximum=10**9)
        if number is None and raw.isascii() and raw.isdigit() and raw.lstrip("0"):
            # A whole number past any real page: the schema promises an
            # integer page, so this is a page past the end (404), not bad input.
            raise NotFound(_("There is no such page."))
        if not number:
            raise ValidationError({"page": [_("Give the page as a whole number from 1.")]})
        return number

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = str(_("Page number, from 1."))
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["description"] = str(_("Number of results on all pages."))
        response["properties"]["next"]["description"] = str(_("Address of the next page, or null."))
        response["properties"]["previous"]["description"] = str(_("Address of the previous page, or null."))
        return response


def public_endpoint(view_class, **initkwargs):
    """An API view anyone may read (LoginRequiredMiddleware denies by
    default), with an ETag from the body so If-None-Match gets a 304."""
    return login_not_required(conditional_page(view_class.as_view(**initkwargs)))


ERROR_RESPONSE = inline_serializer(
    name="ErrorResponse",
    fields={"detail": serializers.CharField(required=False, help_text=_("What went wrong."))},
)
BAD_REQUEST = OpenApiResponse(
    response=inline_serializer(
        name="ValidationErrorResponse",
        fields={},
    ),
    description=_("Invalid query parameters: an object mapping each parameter to its error messages."),
)
NOT_FOUND = OpenApiResponse(response=ERROR_RESPONSE, description=_("No such object, or not public."))
