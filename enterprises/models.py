"""The registry: social economy actors, their managed vocabularies, who
represents them, and checks against Tillväxtverket's ASF definition."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StoredFile
from core.uploads import private_upload_path  # noqa: F401 - migrations refer to it here

from .orgnr import formatted, validate_organisation_number

RESERVED_CONTRACT_SHARE_PERCENT = 30  # LOU 4 kap. 18 §, directive 2014/24/EU art. 20


class Locality(models.TextChoices):
    KUNGSHAMN = "kungshamn", "Kungshamn"
    SMOGEN = "smogen", "Smögen"
    HUNNEBOSTRAND = "hunnebostrand", "Hunnebostrand"
    BOVALLSTRAND = "bovallstrand", "Bovallstrand"
    VAJERN = "vajern", "Väjern"
    MALMON = "malmon", "Malmön"
    OUTSIDE = "outside", _("Outside the municipality")


class LegalForm(models.TextChoices):
    ECONOMIC_ASSOCIATION = "ekonomisk_forening", _("Economic association (ekonomisk förening)")
    LIMITED_COMPANY = "aktiebolag", _("Limited company (aktiebolag)")
    LIMITED_COMPANY_SVB = "aktiebolag_svb", _("Limited company with restricted dividends (AB, svb)")
    NON_PROFIT_ASSOCIATION = "ideell_forening", _("Non-profit association (ideell förening)")
    FOUNDATION = "stiftelse", _("Foundation (stiftelse)")
    OTHER = "other", _("Other legal form")


class ActorKind(models.TextChoices):
    ASF = "asf", _("Work-integrating social enterprise (ASF)")
    ASSOCIATION = "association", _("Association")
    COOPERATIVE = "cooperative", _("Cooperative")
    FOUNDATION = "foundation", _("Foundation")
    OTHER = "other", _("Other civil-society actor")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class ServiceCategory(models.Model):
    """What enterprises sell: a managed list officials can extend."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    """The policy's target groups; a managed list."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


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
    # Aggregate figures only: never data about a person.
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

    history = HistoricalRecords(
        excluded_fields=["meets_reserved_share", "search_document", "search_vector", "updated_at"]
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

    def get_absolute_url(self) -> str:
        return reverse("enterprises:detail", kwargs={"slug": self.slug})

    @property
    def organisation_number_display(self) -> str:
        return formatted(self.organisation_number)

    @property
    def is_published(self) -> bool:
        return self.publication_status == PublicationStatus.PUBLISHED

    @property
    def people_working(self) -> int | None:
        if self.employees is None or self.participants is None:
            return None
        return self.employees + self.participants


class Representation(models.Model):
    """A user acts for an enterprise. A claim on an existing enterprise stays
    pending until a coordinator confirms it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representations", verbose_name=_("user")
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="representations", verbose_name=_("enterprise")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.CONFIRMED)
    message = models.TextField(_("message to the coordinator"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("representation")
        verbose_name_plural = _("representations")
        constraints = [
            models.UniqueConstraint(fields=["user", "enterprise"], name="representation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.enterprise}"


class Criterion(models.IntegerChoices):
    """Tillväxtverket's four criteria, in the policy's order."""

    TRADE = 1, _("Trades with the aim of integrating people far from the labour market")
    PARTICIPATION = 2, _("Employees take part through ownership, agreements or otherwise")
    REINVESTMENT = 3, _("Profits mainly reinvested")
    INDEPENDENCE = 4, _("Organisationally independent of the public sector")


CRITERION_TEXT = {
    Criterion.TRADE: _(
        "Runs a business (produces and sells goods or services) with the overarching aim of integrating "
        "people who have great difficulty getting and/or keeping a job into working life and society."
    ),
    Criterion.PARTICIPATION: _(
        "Creates participation for the employees through ownership, agreements or in another "
        "well-documented way."
    ),
    Criterion.REINVESTMENT: _("Mainly reinvests its profits in its own or similar activities."),
    Criterion.INDEPENDENCE: _("Is organisationally independent of the public sector."),
}


class DefinitionCheck(models.Model):
    """One check of an enterprise against the ASF definition. The workflow
    lives in ``enterprises.checks``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        MORE_INFO = "more_info", _("More information requested")
        DECIDED = "decided", _("Decided")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="definition_checks", verbose_name=_("enterprise")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    info_request = models.TextField(_("what more information is needed"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    is_asf = models.BooleanField(_("meets the ASF definition"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("definition check")
        verbose_name_plural = _("definition checks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="decided")
                | Q(decided_on__isnull=False, valid_until__isnull=False, is_asf__isnull=False),
                name="definition_check_decided_has_outcome",
            ),
            # One open check per enterprise: a new one starts when the last is decided.
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=~Q(status="decided"),
                name="definition_check_one_open_per_enterprise",
                violation_error_message=_("This enterprise already has a check in progress."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} ({self.get_status_display()})"


class CriterionAssessment(models.Model):
    class Verdict(models.TextChoices):
        PENDING = "pending", _("Not yet assessed")
        MET = "met", _("Met")
        NOT_MET = "not_met", _("Not met")
        MORE_INFO = "more_info", _("More information needed")

    definition_check = models.ForeignKey(
        DefinitionCheck, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("check")
    )
    criterion = models.PositiveSmallIntegerField(_("criterion"), choices=Criterion)
    statement = models.TextField(_("the enterprise's statement"), blank=True)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict, default=Verdict.PENDING)
    reasoning = models.TextField(_("reasoning"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion assessment")
        verbose_name_plural = _("criterion assessments")
        ordering = ["criterion"]
        constraints = [
            models.UniqueConstraint(fields=["definition_check", "criterion"], name="assessment_one_per_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.definition_check_id}: {self.get_criterion_display()}"

    @property
    def criterion_text(self):
        return CRITERION_TEXT[Criterion(self.criterion)]


class Evidence(StoredFile):
    """A document supporting a statement, stored privately under a random name."""

    UPLOAD_FOLDER = "evidence"

    definition_check = models.ForeignKey(
        DefinitionCheck, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("check")
    )
    criterion = models.PositiveSmallIntegerField(_("criterion"), choices=Criterion)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["criterion", "uploaded_at"]
