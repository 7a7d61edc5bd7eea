"""The records plan (dokumenthanteringsplan): one rule per record type."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import Action, RecordType, Trigger


class RetentionRule(models.Model):
    """Keep (bevaras: delivered to the e-archive) or dispose of (gallras)
    one record type, on the decision named in ``decision``.

    A disposal rule counts ``period_months`` from ``trigger``; with
    ``deliver_first`` nothing goes before the case has been delivered. A
    keep rule with ``remove_after_receipt`` lets the disposal job remove the
    records from the portal once the e-archive's receipt is recorded."""

    record_type = models.CharField(_("record type"), max_length=30, choices=RecordType, unique=True)
    action = models.CharField(_("action"), max_length=10, choices=Action)
    period_months = models.PositiveSmallIntegerField(_("period in months"), null=True, blank=True)
    trigger = models.CharField(_("counted from"), max_length=20, choices=Trigger, blank=True)
    deliver_first = models.BooleanField(_("deliver to the e-archive first"), default=False)
    remove_after_receipt = models.BooleanField(
        _("remove from the portal after the e-archive's receipt"), default=False,
    )
    decision = models.CharField(_("decision"), max_length=120,
                                help_text=_("The decision the rule rests on, for example KS 2025/117 § 4."))
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("updated by"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("records plan rule")
        verbose_name_plural = _("records plan rules")
        ordering = ["record_type"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action=Action.KEEP) | (Q(period_months__isnull=False) & ~Q(trigger="")),
                name="records_rule_disposal_has_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_record_type_display()}: {self.get_action_display()}"
