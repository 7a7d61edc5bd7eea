"""Agreements between a department and an enterprise (överenskommelser,
samarbetsavtal, IOP, reserved contracts, placement agreements)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StoredFile

from ..constants import AgreementKind


class Agreement(models.Model):
    department = models.ForeignKey("accounts.Department", on_delete=models.PROTECT, related_name="agreements",
                                   verbose_name=_("department"))
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="agreements",
                                   verbose_name=_("enterprise"))
    kind = models.CharField(_("kind of agreement"), max_length=30, choices=AgreementKind)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True,
                                help_text=_("Leave empty for an agreement that runs until further notice."))
    annual_value = models.DecimalField(
        _("annual value (SEK)"), max_digits=12, decimal_places=0, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=_("In whole kronor. Shown only to municipal officials."),
    )
    contact_person = models.CharField(_("contact person"), max_length=150)
    source_request = models.ForeignKey(
        "support.SupportRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements",
        verbose_name=_("support request it came from"),
    )
    is_public = models.BooleanField(
        _("shown publicly"), default=True,
        help_text=_("Title, department and period appear on the enterprise's public page; the value never does."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                   on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-start_date", "title"]
        indexes = [
            models.Index(fields=["department", "start_date", "end_date"]),
            models.Index(fields=["enterprise", "start_date", "end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="agreement_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(annual_value__isnull=True) | Q(annual_value__gte=0),
                name="agreement_value_not_negative",
                violation_error_message=_("The annual value cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support:agreement_detail", kwargs={"pk": self.pk})


class AgreementAttachment(StoredFile):
    UPLOAD_FOLDER = "agreements"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="attachments",
                                  verbose_name=_("agreement"))

    class Meta:
        verbose_name = _("agreement attachment")
        verbose_name_plural = _("agreement attachments")
        ordering = ["uploaded_at", "pk"]
