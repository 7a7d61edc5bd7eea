"""The disposal log (gallringslogg): what the records plan removed, by
which rule and decision, how many and from which cases, never the content."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import Action, RecordType


class DisposalRun(models.Model):
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The day the plan was applied for (``apply_records_plan --today``).
    as_of = models.DateField(_("applied as of"))

    class Meta:
        verbose_name = _("disposal run")
        verbose_name_plural = _("disposal runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.as_of} ({self.pk})"


class DisposalLogEntry(models.Model):
    """One rule's disposals in one batch of a run."""

    run = models.ForeignKey(DisposalRun, on_delete=models.PROTECT, related_name="entries", verbose_name=_("run"))
    disposed_at = models.DateTimeField(_("disposed of"), auto_now_add=True)
    record_type = models.CharField(_("record type"), max_length=30, choices=RecordType)
    action = models.CharField(_("rule"), max_length=10, choices=Action)
    decision = models.CharField(_("decision"), max_length=120)
    count = models.PositiveIntegerField(_("records"))
    registration_numbers = models.JSONField(_("registration numbers"), default=list)

    class Meta:
        verbose_name = _("disposal log entry")
        verbose_name_plural = _("disposal log")
        ordering = ["-disposed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.disposed_at:%Y-%m-%d} {self.record_type}: {self.count}"
