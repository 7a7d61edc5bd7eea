"""Open data API: agreements that are shown publicly, of published
enterprises. The query lives here rather than in support/selectors.py only
because this issue may not touch that module; move it there when convenient."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from core.api import BAD_REQUEST, NOT_FOUND
from enterprises.constants import PublicationStatus

from .models import Agreement
from .serializers import PublicAgreementSerializer


def public_agreement_list():
    return (
        Agreement.objects.filter(is_public=True, enterprise__publication_status=PublicationStatus.PUBLISHED)
        .select_related("department", "enterprise")
        .order_by("-start_date", "title", "pk")
    )


@extend_schema(
    tags=["agreements"],
    summary=_("Public agreements"),
    description=_("Agreements between the municipality and published enterprises that are shown publicly: "
                  "title, kind, department, enterprise and period. Values are never published."),
    responses={200: PublicAgreementSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
)
class PublicAgreementListApi(ListAPIView):
    serializer_class = PublicAgreementSerializer

    def get_queryset(self):
        return public_agreement_list()
