"""The public face of an agreement: never its value, description, contact
person or attachments."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .constants import AgreementKind
from .models import Agreement


class PublicAgreementSerializer(serializers.ModelSerializer):
    title = serializers.CharField(help_text=_("The agreement's title."))
    kind = serializers.ChoiceField(choices=AgreementKind.choices, help_text=_("Kind of agreement (identifier)."))
    kind_label = serializers.CharField(source="get_kind_display", help_text=_("Kind of agreement, in words."))
    department = serializers.CharField(source="department.name",
                                       help_text=_("The municipal department or company that is party to it."))
    enterprise_name = serializers.CharField(source="enterprise.name", help_text=_("The enterprise's name."))
    enterprise_slug = serializers.SlugField(source="enterprise.slug",
                                            help_text=_("The enterprise's identifier in the registry."))
    start_date = serializers.DateField(help_text=_("The day the agreement starts."))
    end_date = serializers.DateField(allow_null=True,
                                     help_text=_("The day it ends; null if it runs until further notice."))

    class Meta:
        model = Agreement
        fields = ["title", "kind", "kind_label", "department", "enterprise_name", "enterprise_slug",
                  "start_date", "end_date"]
