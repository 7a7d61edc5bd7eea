"""A social economy actor in the registry."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import private_upload_path  # noqa: F401 - migrations refer to it here

from ..constants import (
    RESERVED_CONTRACT_SHARE_PERCENT,
    ActorKind,
    ConfirmedBy,
    LegalForm,
    Locality,
    PublicationStatus,
)
from ..orgnr import formatted, validate_organisation_number
from ..reserved_share import ReservedShare, reserved_share_of
from .figures import FIGURE_FIELDS, keep_figures_of
from .vocabularies import ServiceCategory, TargetGroup


def meets_reserved_share_expression():
    """(target-group employees + participants) >= 30 % of (employees +
    participants), in integer arithmetic so the edge is exact. Missing
    figures never meet the share."""
    people = F("employees") + F("participants")
    from_groups = F("employees_from_target_groups") + F("participants")
    return Case(
        When(LessThanOrEqual(people, 0), then=Value(False)),
        When(GreaterThanOrEqual(from_groups * 100, people * RESERVED_CONTRACT_SHARE_PERCENT), then=Value(True)),
        default=Value(False),
    )


def asf_current_q(today) -> Q:
    """Enterprises that count as ASF on ``today``: a verification still
    valid, or a renewal sent in on time that waits for its decision."""
    return Q(asf_valid_until__gte=today) | Q(asf_renewal_submitted_on__isnull=False)


class Enterprise(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=10,
        unique=True,
        validators=[validate_organisation_number],
        help_text=_("Ten digits, written NNNNNN-NNNN."),
    )
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm)
    kind = models.CharField(_("kind of actor"), max_length=20, choices=ActorKind)
    short_description = models.CharField(_("short description"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    service_categories = models.ManyToManyField(
        ServiceCategory, blank=True, related_name="enterprises", verbose_name=_("what it sells")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="enterprises", verbose_name=_("target groups it serves")
    )
    locality = models.CharField(_("locality"), max_length=20, choices=Locality)
    visiting_address = models.CharField(_("visiting address"), max_length=200, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^[0-9 +()-]{5,30}$", _("Enter a phone number with digits, spaces, + or -."))],
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    # Aggregate figures only: never data about a person. A copy of the
    # latest EnterpriseFigures row (enterprises/figures.py keeps it so), for
    # the lists' filters; every year's figures are in ``figures``.
    figures_year = models.PositiveSmallIntegerField(
        _("year of the figures"), null=True, blank=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    employees_from_target_groups = models.PositiveIntegerField(
        _("of whom from the target groups"), null=True, blank=True
    )
    participants = models.PositiveIntegerField(
        _("participants in work training or rehabilitation"), null=True, blank=True
    )
    meets_reserved_share = models.GeneratedField(
        expression=meets_reserved_share_expression(),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("meets the share for reserved contracts"),
    )
    publication_status = models.CharField(
        _("publication status"), max_length=20, choices=PublicationStatus, default=PublicationStatus.DRAFT
    )
    unpublished_reason = models.TextField(_("reason for unpublishing"), blank=True)
    # Kept current by the definition-check services, so lists can filter and
    # sort on the ASF status without a subquery per row.
    asf_verified_on = models.DateField(_("ASF verified on"), null=True, blank=True, editable=False)
    asf_valid_until = models.DateField(_("ASF check valid until"), null=True, blank=True, editable=False)
    # Set while a renewal check sent in before the verification expired waits
    # for its decision: the entry stays ASF ("renewal in progress") meanwhile.
    asf_renewal_submitted_on = models.DateField(
        _("ASF renewal submitted on"), null=True, blank=True, editable=False
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_duplicates",
        verbose_name=_("merged into"),
    )
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Representation", related_name="represented_enterprises",
        verbose_name=_("representatives"),
    )
    # Name, descriptions and service categories in one text, kept current by
    # the services, so search needs no join per row.
    search_document = models.TextField(editable=False, blank=True)
    # Its Swedish text-search vector, kept by a PostgreSQL trigger (migration
    # 0004) and indexed with GIN; always empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Yearly confirmation (enterprises/confirmation.py): when the details were
    # last confirmed and by whom, as a role (blank: carried over from the last
    # update when confirmation began); an official's note of how; the day the
    # latest yearly request went out; and, while the entry is unpublished for
    # not being confirmed, the day that happened (a confirmation republishes it).
    last_confirmed_on = models.DateField(_("last confirmed"), default=timezone.localdate, editable=False)
    last_confirmed_by = models.CharField(
        _("last confirmed by"), max_length=20, choices=ConfirmedBy, blank=True, editable=False
    )
    confirmation_note = models.CharField(_("note on the confirmation"), max_length=200, blank=True, editable=False)
    confirmation_requested_on = models.DateField(_("confirmation requested"), null=True, blank=True, editable=False)
    unpublished_unconfirmed_on = models.DateField(
        _("unpublished for not being confirmed"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords(
        excluded_fields=["meets_reserved_share", "search_document", "search_vector", "updated_at"],
        m2m_fields=[service_categories, target_groups],
    )

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["publication_status", "name"]),
            models.Index(fields=["publication_status", "-created_at"]),
            models.Index(fields=["publication_status", "-asf_verified_on"]),
            # The cached statistics key on the latest change (an indexed max).
            models.Index(fields=["updated_at"], name="enterprise_updated_at_idx"),
            # The yearly confirmation's sweep: published entries by when last confirmed.
            models.Index(fields=["publication_status", "last_confirmed_on"], name="enterprise_confirmed_idx"),
            # PostgreSQL also has a GIN index on search_vector and a partial
            # index of the published rows (migration 0004, in SQL: SQLite
            # has neither).
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation_number__regex=r"^[0-9]{10}$"),
                name="enterprise_orgnr_ten_digits",
            ),
            models.CheckConstraint(
                condition=Q(employees_from_target_groups__isnull=True)
                | Q(employees__isnull=False, employees_from_target_groups__lte=F("employees")),
                name="enterprise_target_group_employees_within_employees",
                violation_error_message=_("Employees from the target groups cannot exceed the number of employees."),
            ),
            models.CheckConstraint(
                condition=Q(employees__isnull=True, participants__isnull=True, employees_from_target_groups__isnull=True)
                | Q(figures_year__isnull=False),
                name="enterprise_figures_have_a_year",
                violation_error_message=_("Give the year the figures refer to."),
            ),
            models.CheckConstraint(
                condition=~Q(publication_status="unpublished") | ~Q(unpublished_reason=""),
                name="enterprise_unpublished_has_reason",
                violation_error_message=_("Give a reason for unpublishing."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"figures_year", *FIGURE_FIELDS} & set(update_fields):
            keep_figures_of(self)  # the figures' own row per year, and this copy of the latest

    def get_absolute_url(self) -> str:
        return reverse("enterprises:detail", kwargs={"slug": self.slug})

    @property
    def organisation_number_display(self) -> str:
        return formatted(self.organisation_number)

    @property
    def is_published(self) -> bool:
        return self.publication_status == PublicationStatus.PUBLISHED

    @property
    def reserved_share(self) -> ReservedShare:
        """The reserved-contract indicator from the latest year's figures."""
        return reserved_share_of(self)

    @property
    def asf_renewal_pending(self) -> bool:
        return self.asf_renewal_submitted_on is not None

    def is_asf_on(self, today) -> bool:
        """Counts as ASF on ``today`` (see ``asf_current_q``)."""
        return self.asf_renewal_pending or bool(self.asf_valid_until and self.asf_valid_until >= today)

    @property
    def people_working(self) -> int | None:
        if self.employees is None or self.participants is None:
            return None
        return self.employees + self.participants
