"""The public statistics as open data: the same figures as /statistik/."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors


def _counts(name: str, help_text):
    return serializers.ListField(
        child=inline_serializer(name=name, fields={
            "key": serializers.CharField(help_text=_("Stable identifier: a slug, a choice value or a year.")),
            "label": serializers.CharField(help_text=_("What is counted, in words.")),
            "count": serializers.IntegerField(help_text=_("Number of published enterprises.")),
        }),
        help_text=help_text,
    )


StatisticsSerializer = inline_serializer(
    name="Statistics",
    fields={
        "published_enterprises": serializers.IntegerField(help_text=_("Published enterprises in the registry.")),
        "verified_asf": serializers.IntegerField(help_text=_("Published enterprises with a current ASF verification.")),
        "by_kind": _counts("CountByKind", _("Published enterprises by kind of actor.")),
        "by_locality": _counts("CountByLocality", _("Published enterprises by locality.")),
        "by_service_category": _counts("CountByServiceCategory", _("Published enterprises by service category.")),
        "by_target_group": _counts("CountByTargetGroup", _("Published enterprises serving each target group.")),
        "asf_verified_by_year": _counts("CountByVerificationYear",
                                        _("Verified ASF by the year of their current verification.")),
        "people_by_year": serializers.ListField(
            child=inline_serializer(name="PeopleByYear", fields={
                "year": serializers.IntegerField(help_text=_("The year the figures refer to.")),
                "employees": serializers.IntegerField(help_text=_("Employees, summed over enterprises.")),
                "participants": serializers.IntegerField(help_text=_("Participants, summed over enterprises.")),
            }),
            help_text=_("Employees and participants reported by published enterprises, per year."),
        ),
    },
)


def _rows(series) -> list[dict]:
    return [{"key": key, "label": label, "count": count} for key, label, count in series.rows]


@extend_schema(tags=["statistics"], summary=_("Aggregate statistics"),
               description=_("Counts over the published registry; no figure is about a single person."),
               responses={200: StatisticsSerializer})
class StatisticsApi(APIView):
    def get(self, request):
        summary = selectors.cached_public_summary()
        kind, locality, category, groups, asf, people, *_more = summary["series"]
        return Response({
            "published_enterprises": summary["published_enterprises"],
            "verified_asf": summary["verified_asf"],
            "by_kind": _rows(kind),
            "by_locality": _rows(locality),
            "by_service_category": _rows(category),
            "by_target_group": _rows(groups),
            "asf_verified_by_year": _rows(asf),
            "people_by_year": [
                {"year": int(year), "employees": employees, "participants": participants}
                for year, _label, employees, participants in people.rows
            ],
        })
