"""Checks of an enterprise against Tillväxtverket's four ASF criteria, with their evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StoredFile

from ..constants import (
    CRITERION_TEXT,
    Criterion,
)
from .enterprise import Enterprise


class DefinitionCheck(models.Model):
    """One check of an enterprise against the ASF definition. The workflow
    lives in ``enterprises.workflow``."""

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
