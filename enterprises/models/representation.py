"""Who represents an enterprise: a claim an official confirms or rejects."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import private_upload_path  # noqa: F401 - migrations refer to it here

from .enterprise import Enterprise


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
