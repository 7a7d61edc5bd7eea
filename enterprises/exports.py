"""The registry as a table: public columns for everyone, wider ones for
officials. Rows come from ``selectors.registry_list`` with the page's
filters, read in chunks."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import DefinitionCheck, Representation
from .reserved_share import reserved_share_label, reserved_share_of

CHUNK = 500


def public_header() -> list[str]:
    return [
        _("Name"), _("Organisation number"), _("Kind of actor"), _("Legal form"), _("Locality"), _("What it sells"),
        _("Target groups"), _("Short description"), _("Visiting address"), _("Postal address"), _("Phone"),
        _("Email"), _("Website"), _("Year founded"), _("Year of the figures"), _("Employees"),
        _("Of whom from the target groups"), _("Participants"), _("Meets the share for reserved contracts"),
        _("ASF verified on"), _("ASF check valid until"), _("Registry page"),
    ]


def official_header() -> list[str]:
    return public_header() + [_("Publication status"), _("Confirmed representatives"), _("ASF check status"),
                              _("Check in progress")]


def with_official_figures(queryset):
    """Counts for officials as subqueries, one query whatever the rows."""
    representatives = (
        Representation.objects.filter(enterprise=OuterRef("pk"), status=Representation.Status.CONFIRMED)
        .order_by().values("enterprise").annotate(n=Count("pk")).values("n")
    )
    open_check = (
        DefinitionCheck.objects.filter(enterprise=OuterRef("pk")).exclude(status=DefinitionCheck.Status.DECIDED)
        .order_by().values("status")[:1]
    )
    return queryset.annotate(
        representative_count=Coalesce(Subquery(representatives, output_field=IntegerField()), 0),
        open_check_status=Subquery(open_check),
    )


def _asf_status(enterprise, today) -> str:
    if enterprise.asf_renewal_pending:
        return _("ASF, renewal in progress")
    if enterprise.asf_valid_until is None:
        return _("Not verified")
    if enterprise.asf_valid_until >= today:
        return _("Verified")
    return _("Verification expired")


def rows(queryset, *, for_officials: bool, chunk_size: int = CHUNK):
    today = timezone.localdate()
    check_labels = dict(DefinitionCheck.Status.choices)
    if for_officials:
        queryset = with_official_figures(queryset)
    for e in queryset.iterator(chunk_size=chunk_size):
        row = [
            e.name, e.organisation_number_display, e.get_kind_display(), e.get_legal_form_display(),
            e.get_locality_display(), ", ".join(c.name for c in e.service_categories.all()),
            ", ".join(g.name for g in e.target_groups.all()), e.short_description, e.visiting_address,
            e.postal_address, e.phone, e.email, e.website, e.year_founded, e.figures_year, e.employees,
            e.employees_from_target_groups, e.participants, reserved_share_label(reserved_share_of(e, today=today)),
            e.asf_verified_on.isoformat() if e.asf_verified_on else "",
            e.asf_valid_until.isoformat() if e.asf_valid_until else "",
            settings.SITE_URL + e.get_absolute_url(),
        ]
        if for_officials:
            row += [e.get_publication_status_display(), e.representative_count, _asf_status(e, today),
                    str(check_labels.get(e.open_check_status, "")) if e.open_check_status else ""]
        yield row
