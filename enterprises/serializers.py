"""Public representations of the registry for the open data API. Only what
the public registry page shows: never drafts, internal notes, representatives
or check details. Descriptions are English source strings, translated when
the schema is asked for with ?lang=sv."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from . import confirmation
from .constants import Locality
from .models import Enterprise, EnterpriseFigures, ServiceCategory, TargetGroup
from .reserved_share import reserved_share_of


class ServiceCategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(help_text=_("The category's name."))
    slug = serializers.SlugField(help_text=_("Identifier, used in the kategori filter."))
    name_en = serializers.CharField(help_text=_("The category's name in English; may be empty."))

    class Meta:
        model = ServiceCategory
        fields = ["slug", "name", "name_en"]


class TargetGroupSerializer(serializers.ModelSerializer):
    name = serializers.CharField(help_text=_("The target group's name."))
    slug = serializers.SlugField(help_text=_("Identifier, used in the malgrupp filter."))
    position = serializers.IntegerField(help_text=_("Position in the policy's list."))
    name_en = serializers.CharField(help_text=_("The target group's name in English; may be empty."))

    class Meta:
        model = TargetGroup
        fields = ["slug", "name", "name_en", "position"]


class LocalitySerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=Locality.choices, help_text=_("Identifier, used in the ort filter."))
    label = serializers.CharField(help_text=_("The locality's name."))


class EnterpriseFiguresSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(help_text=_("The year the figures refer to."))
    employees = serializers.IntegerField(allow_null=True, help_text=_("Number of employees."))
    employees_from_target_groups = serializers.IntegerField(
        allow_null=True, help_text=_("Of the employees, how many come from the target groups.")
    )
    participants = serializers.IntegerField(
        allow_null=True, help_text=_("Participants in work training or rehabilitation.")
    )

    class Meta:
        model = EnterpriseFigures
        fields = ["year", "employees", "employees_from_target_groups", "participants"]


class EnterpriseSerializer(serializers.ModelSerializer):
    name = serializers.CharField(help_text=_("The enterprise's name."))
    slug = serializers.SlugField(help_text=_("Identifier in the registry's web addresses."))
    organisation_number = serializers.CharField(
        source="organisation_number_display", help_text=_("Organisation number, written NNNNNN-NNNN.")
    )
    legal_form = serializers.CharField(help_text=_("Legal form (identifier, used in the bolagsform filter)."))
    legal_form_label = serializers.CharField(source="get_legal_form_display", help_text=_("Legal form, in words."))
    kind = serializers.CharField(help_text=_("Kind of actor (identifier, used in the typ filter)."))
    kind_label = serializers.CharField(source="get_kind_display", help_text=_("Kind of actor, in words."))
    short_description = serializers.CharField(help_text=_("One or two sentences about the enterprise."))
    description = serializers.CharField(help_text=_("A longer description; may be empty."))
    locality = serializers.CharField(help_text=_("Locality (identifier, used in the ort filter)."))
    locality_label = serializers.CharField(source="get_locality_display", help_text=_("Locality, in words."))
    service_categories = ServiceCategorySerializer(many=True, help_text=_("What the enterprise sells."))
    target_groups = TargetGroupSerializer(many=True, help_text=_("The target groups the enterprise serves."))
    visiting_address = serializers.CharField(help_text=_("Visiting address; may be empty."))
    postal_address = serializers.CharField(help_text=_("Postal address; may be empty."))
    phone = serializers.CharField(help_text=_("The enterprise's phone number; may be empty."))
    email = serializers.CharField(help_text=_("The enterprise's email address; may be empty."))
    website = serializers.CharField(help_text=_("The enterprise's website; may be empty."))
    year_founded = serializers.IntegerField(allow_null=True, help_text=_("Year founded, if known."))
    figures_year = serializers.IntegerField(allow_null=True, help_text=_("The year the figures refer to."))
    employees = serializers.IntegerField(allow_null=True, help_text=_("Number of employees."))
    employees_from_target_groups = serializers.IntegerField(
        allow_null=True, help_text=_("Of the employees, how many come from the target groups.")
    )
    participants = serializers.IntegerField(
        allow_null=True, help_text=_("Participants in work training or rehabilitation.")
    )
    meets_reserved_share = serializers.SerializerMethodField(
        help_text=_("Whether at least 30 percent of those working there come from the target groups (LOU 4:18), "
                    "by the latest year's figures; false when those are more than two years old.")
    )
    figures = EnterpriseFiguresSerializer(
        many=True, help_text=_("The enterprise's aggregate figures, one entry per year, latest first.")
    )
    asf_verified = serializers.SerializerMethodField(
        help_text=_("Whether a current check confirms the enterprise meets the ASF definition (also while "
                    "a renewal sent in before the expiry date waits for its decision).")
    )
    asf_verified_on = serializers.DateField(allow_null=True, help_text=_("Date of the last ASF verification."))
    asf_valid_until = serializers.DateField(allow_null=True, help_text=_("Date the ASF verification expires."))
    last_confirmed = serializers.DateField(
        source="last_confirmed_on",
        help_text=_("The date the enterprise's details were last confirmed, by a representative or the municipality."),
    )
    confirmation_notice = serializers.SerializerMethodField(
        help_text=_("\"The details were last confirmed on …\" when that is more than 13 months ago, otherwise null.")
    )
    url = serializers.SerializerMethodField(help_text=_("The enterprise's page in the registry."))

    class Meta:
        model = Enterprise
        fields = [
            "name", "slug", "organisation_number", "legal_form", "legal_form_label", "kind", "kind_label",
            "short_description", "description", "locality", "locality_label", "service_categories",
            "target_groups", "visiting_address", "postal_address", "phone", "email", "website", "year_founded",
            "figures_year", "employees", "employees_from_target_groups", "participants", "meets_reserved_share",
            "figures",
            "asf_verified", "asf_verified_on", "asf_valid_until", "last_confirmed", "confirmation_notice", "url",
        ]

    def to_representation(self, enterprise) -> dict:
        """The declared fields, written out by hand: DRF's generic path (a
        field object, ``inspect.signature`` and nested serializers per
        value) cost about 0.6 ms per enterprise, most of a 50-row API page
        (bench/README.md, second round). The declarations above still make
        the schema; tests/api/test_api.py checks this gives what the generic
        path (``generic_representation``) gives, value for value."""
        return {
            "name": _text(enterprise.name),
            "slug": _text(enterprise.slug),
            "organisation_number": _text(enterprise.organisation_number_display),
            "legal_form": _text(enterprise.legal_form),
            "legal_form_label": _label("legal_form", enterprise.legal_form),
            "kind": _text(enterprise.kind),
            "kind_label": _label("kind", enterprise.kind),
            "short_description": _text(enterprise.short_description),
            "description": _text(enterprise.description),
            "locality": _text(enterprise.locality),
            "locality_label": _label("locality", enterprise.locality),
            "service_categories": [{"slug": c.slug, "name": c.name, "name_en": c.name_en}
                                   for c in enterprise.service_categories.all()],
            "target_groups": [{"slug": g.slug, "name": g.name, "name_en": g.name_en, "position": g.position}
                              for g in enterprise.target_groups.all()],
            "visiting_address": _text(enterprise.visiting_address),
            "postal_address": _text(enterprise.postal_address),
            "phone": _text(enterprise.phone),
            "email": _text(enterprise.email),
            "website": _text(enterprise.website),
            "year_founded": _number(enterprise.year_founded),
            "figures_year": _number(enterprise.figures_year),
            "employees": _number(enterprise.employees),
            "employees_from_target_groups": _number(enterprise.employees_from_target_groups),
            "participants": _number(enterprise.participants),
            "meets_reserved_share": self.get_meets_reserved_share(enterprise),
            "figures": [
                {"year": int(row.year), "employees": _number(row.employees),
                 "employees_from_target_groups": _number(row.employees_from_target_groups),
                 "participants": _number(row.participants)}
                for row in enterprise.figures.all()
            ],
            "asf_verified": self.get_asf_verified(enterprise),
            "asf_verified_on": _date(enterprise.asf_verified_on),
            "asf_valid_until": _date(enterprise.asf_valid_until),
            "last_confirmed": _date(enterprise.last_confirmed_on),
            "confirmation_notice": self.get_confirmation_notice(enterprise),
            "url": self.get_url(enterprise),
        }

    def generic_representation(self, enterprise) -> dict:
        """What DRF's generic path makes of the declared fields; the
        reference ``to_representation`` is tested against."""
        return super().to_representation(enterprise)

    @extend_schema_field(serializers.BooleanField())
    def get_meets_reserved_share(self, enterprise) -> bool:
        return reserved_share_of(enterprise).meets

    @extend_schema_field(serializers.BooleanField())
    def get_asf_verified(self, enterprise) -> bool:
        return enterprise.is_asf_on(timezone.localdate())

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_confirmation_notice(self, enterprise) -> str | None:
        return confirmation.notice_text(enterprise) if confirmation.shows_notice(enterprise) else None

    @extend_schema_field(serializers.URLField())
    def get_url(self, enterprise) -> str:
        return settings.SITE_URL + enterprise.get_absolute_url()


def _text(value):
    return None if value is None else str(value)


def _number(value):
    return None if value is None else int(value)


def _date(value):
    return None if value is None else value.isoformat()


def _label(field: str, value) -> str:
    """``get_<field>_display()`` without its per-call ``make_hashable`` of
    every choice (a third of the list's serializing time)."""
    return str(_CHOICE_LABELS[field].get(value, value))


_CHOICE_LABELS = {name: dict(Enterprise._meta.get_field(name).flatchoices) for name in ("legal_form", "kind", "locality")}
