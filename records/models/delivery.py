"""Deliveries to the e-archive: the packages written, their checksums and
validation, and the e-archive's receipt."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registration import Registration, Series


class Delivery(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Written and validated")
        FAILED = "failed", _("Failed validation")
        RECEIVED = "received", _("Received by the e-archive")

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("series"))
    closed_before = models.DateField(_("cases closed before"))
    status = models.CharField(_("status"), max_length=10, choices=Status)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    folder = models.CharField(_("folder"), max_length=255, help_text=_("Where the packages were written."))
    receipt_reference = models.CharField(_("the e-archive's receipt"), max_length=120, blank=True)
    received_at = models.DateTimeField(_("receipt recorded"), null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("receipt recorded by"))

    class Meta:
        verbose_name = _("delivery to the e-archive")
        verbose_name_plural = _("deliveries to the e-archive")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.series.prefix} < {self.closed_before} ({self.get_status_display()})"


class DeliveryPackage(models.Model):
    """One E-ARK SIP of a delivery: one case."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="packages",
                                 verbose_name=_("delivery"))
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="packages",
                                     verbose_name=_("case"))
    name = models.CharField(_("package"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    is_valid = models.BooleanField(_("valid"))
    errors = models.JSONField(_("validation errors"), default=list)

    class Meta:
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        ordering = ["delivery", "name"]

    def __str__(self) -> str:
        return self.name
