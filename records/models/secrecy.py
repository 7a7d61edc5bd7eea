"""Secrecy markings (sekretess) on items of a case, and the log of copies
made for a public-records request (utlämnande av allmän handling)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .registration import Registration


class SecrecyMark(models.Model):
    """An item of a case (a message, an attachment) or one field of it
    (``field_name``; empty marks the whole item) marked secret under a
    provision of OSL. Removing a mark keeps the row, with its reason; the
    history holds every change."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="secrecy_marks",
                                     verbose_name=_("case"))
    item_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    item_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("item_type", "item_id")
    field_name = models.CharField(_("field"), max_length=50, blank=True)
    provision = models.CharField(_("provision"), max_length=120,
                                 help_text=_("The chapter and section of OSL, for example OSL 21 kap. 1 §."))
    reason = models.TextField(_("reason"))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("marked by"))
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("removed by"))
    removal_reason = models.TextField(_("reason for removal"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("secrecy marking")
        verbose_name_plural = _("secrecy markings")
        ordering = ["marked_at", "pk"]
        constraints = [
            # One standing mark per item and field; removed marks stay as history.
            models.UniqueConstraint(fields=["item_type", "item_id", "field_name"], condition=Q(removed_at__isnull=True),
                                    name="records_one_standing_mark"),
        ]
        indexes = [models.Index(fields=["item_type", "item_id"])]

    def __str__(self) -> str:
        return f"{self.provision} ({self.item_type_id}:{self.item_id} {self.field_name})"

    @property
    def is_standing(self) -> bool:
        return self.removed_at is None


class CaseCopy(models.Model):
    """Who produced a copy of a case for a public-records request, when,
    in which form and what was left out."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        ZIP = "zip", "ZIP"

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="copies",
                                     verbose_name=_("case"))
    format = models.CharField(_("format"), max_length=5, choices=Format)
    produced_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("produced by"))
    produced_at = models.DateTimeField(_("produced"), auto_now_add=True)
    masked_items = models.PositiveIntegerField(_("items left out or masked"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True,
                            help_text=_("For example who asked for the copy, as a role or an organisation."))

    class Meta:
        verbose_name = _("copy of a case")
        verbose_name_plural = _("copies of cases")
        ordering = ["-produced_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.registration_id} {self.format} {self.produced_at:%Y-%m-%d}"
