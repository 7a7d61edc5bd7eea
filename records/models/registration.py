"""Registration (diarieföring): series of registration numbers, the locked
counter per series and year, the registration of a case and its list of
documents."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import CaseKind, Direction, DocumentKind

DEFAULT_FORMAT = "{prefix} {year}/{number:04d}"
DEFAULT_MANUAL_PATTERN = r"^[A-ZÅÄÖ]{1,10} \d{4}/\d{1,6}$"


class Series(models.Model):
    """A series of registration numbers (diarieserie), for example ``KS``
    for Kommunstyrelsen. Numbered by the portal, or typed in by an official
    from the municipality's own diarium (``manual``)."""

    prefix = models.CharField(_("prefix"), max_length=10, unique=True,
                              help_text=_("For example KS for Kommunstyrelsen."))
    name = models.CharField(_("name"), max_length=150)
    number_format = models.CharField(
        _("number format"), max_length=60, default=DEFAULT_FORMAT,
        help_text=_("Python format with {prefix}, {year} and {number}, for example {prefix} {year}/{number:04d}."),
    )
    manual = models.BooleanField(
        _("numbers from the municipality's diarium"), default=False,
        help_text=_("An official types the number given by the municipality's own registry system."),
    )
    manual_pattern = models.CharField(
        _("pattern for typed numbers"), max_length=120, default=DEFAULT_MANUAL_PATTERN,
        help_text=_("A regular expression a typed number must match."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration series")
        verbose_name_plural = _("registration series")
        ordering = ["prefix"]

    def __str__(self) -> str:
        return f"{self.prefix}: {self.name}"


class SeriesUse(models.Model):
    """Which series each kind of case is registered in."""

    case_kind = models.CharField(_("kind of case"), max_length=30, choices=CaseKind, primary_key=True)
    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="uses", verbose_name=_("series"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("series for a kind of case")
        verbose_name_plural = _("series for kinds of case")
        ordering = ["case_kind"]

    def __str__(self) -> str:
        return f"{self.get_case_kind_display()}: {self.series.prefix}"


class RegistrationCounter(models.Model):
    """The last number handed out in a series and year; locked while a case
    is registered, so numbers are gap-free."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="records_counter_series_year")]

    def __str__(self) -> str:
        return f"{self.series_id} {self.year}: {self.last_number}"


class Registration(models.Model):
    """A registered case: its registration number (diarienummer) and the
    case it belongs to (a support request, an agreement, an annual report
    round or an ASF check)."""

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="registrations",
                               verbose_name=_("series"))
    year = models.PositiveSmallIntegerField(_("year"))
    # Null for a number typed in from the municipality's diarium.
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True)
    number = models.CharField(_("registration number"), max_length=40, unique=True)
    case_kind = models.CharField(_("kind of case"), max_length=30, choices=CaseKind)
    case_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("case_type", "case_id")
    # What the public list (postlista) shows: never a private person's name.
    title = models.CharField(_("description"), max_length=200)
    registered_at = models.DateTimeField(_("registered"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name=_("registered by"))
    # The event the records plan counts from: the case was closed.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The records plan removed the case's content (the registration stays).
    disposed_at = models.DateTimeField(_("disposed of"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-registered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "case_id"], name="records_registration_one_per_case"),
            models.UniqueConstraint(fields=["series", "year", "sequence"], condition=Q(sequence__isnull=False),
                                    name="records_registration_sequence_unique"),
        ]
        indexes = [models.Index(fields=["registered_at"]), models.Index(fields=["case_kind", "closed_at"])]

    def __str__(self) -> str:
        return self.number


class CaseDocument(models.Model):
    """One entry of a registered case's list of documents, added as the
    case moves: the application is incoming, a decision outgoing, an
    internal note internal. ``record`` points at the stored item (a message,
    an attachment, ...) where there is one."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="documents",
                                     verbose_name=_("registration"))
    position = models.PositiveIntegerField(_("document number"))
    date = models.DateField(_("date"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction)
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind)
    # An organisation or a role, never a private person's name.
    party = models.CharField(_("sender or recipient"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=200)
    record_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        ordering = ["registration", "position"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "position"], name="records_document_position_unique"),
        ]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.registration_id}:{self.position} {self.description}"
