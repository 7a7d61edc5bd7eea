"""Policy versions, the departments' annual implementation reports, and the
evidence gathered for the two-year review.

The report workflow (states, allowed moves, the service that moves a report)
lives in ``policy_reports.workflow``; the dates of a policy period in
``policy_reports.dates``.
"""

import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Department

from .constants import EDITABLE, ReportStatus
from core.dates import add_months


def default_review_lead_months() -> int:
    return settings.POLICY_REVIEW_LEAD_MONTHS


def policy_document_path(instance, filename: str) -> str:
    """A random name: the stored file's name reveals nothing."""
    return f"policy/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class PolicyVersion(models.Model):
    """One version of the policy as adopted by Kommunfullmäktige."""

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        # Still governs while it is followed up and evaluated.
        UNDER_REVIEW = "under_review", _("In force, under review")
        REPLACED = "replaced", _("Replaced")
        EXPIRED = "expired", _("Expired")

    CURRENT = (Status.IN_FORCE, Status.UNDER_REVIEW)

    title = models.CharField(_("title"), max_length=200)
    decision_date = models.DateField(_("date of the council's decision"))
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, unique=True, help_text=_("For example “KF 2026-06-18 § 87”.")
    )
    document = models.FileField(_("policy document (PDF)"), upload_to=policy_document_path)
    document_name = models.CharField(_("file name"), max_length=255)
    review_due_on = models.DateField(
        _("review due"), help_text=_("Two years after the decision: the policy is then followed up and evaluated.")
    )
    review_lead_months = models.PositiveSmallIntegerField(
        _("review lead time (months)"),
        default=default_review_lead_months,
        validators=[MaxValueValidator(24)],
        help_text=_("How many months before the review date the preparation of the review should start."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.IN_FORCE)
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces", verbose_name=_("replaced by")
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            # At most one version governs: a unique index over a constant,
            # restricted to the governing rows, so a second one cannot exist.
            models.UniqueConstraint(
                Value(1),
                condition=Q(status__in=["in_force", "under_review"]),
                name="policy_version_one_in_force",
                violation_error_message=_("Another version of the policy is already in force."),
            ),
            models.CheckConstraint(
                condition=Q(review_due_on__gt=F("decision_date")),
                name="policy_version_review_after_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.decision_reference})"

    def get_absolute_url(self) -> str:
        return reverse("policy_reports:version_detail", kwargs={"pk": self.pk})

    @property
    def is_current(self) -> bool:
        return self.status in self.CURRENT

    @property
    def preparation_starts_on(self):
        return add_months(self.review_due_on, -self.review_lead_months)


class PolicyStatement(models.Model):
    """One of the policy's statements (ställningstaganden)."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="statements", verbose_name=_("policy version")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("policy statement")
        verbose_name_plural = _("policy statements")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="policy_statement_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


class ReportingRound(models.Model):
    """The year's call for implementation reports from every active department."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    due_date = models.DateField(_("due date"))
    policy_version = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="rounds",
        verbose_name=_("policy version"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Reports for %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("policy_reports:round_overview", kwargs={"pk": self.pk})


# The structured figures of a report, in the form's order. Text fields are
# listed apart; every one of both is needed before a report can be submitted.
COUNT_FIELDS = (
    "agreements_in_force", "requests_handled", "requests_decided", "placements_with_asf",
    "dialogue_meetings", "joint_projects",
)
AMOUNT_FIELDS = ("agreements_value", "purchases_from_social_enterprises")
FIGURE_FIELDS = (
    "agreements_in_force", "agreements_value", "requests_handled", "requests_decided",
    "placements_with_asf", "purchases_from_social_enterprises", "dialogue_meetings", "joint_projects",
)
TEXT_FIELDS = ("description", "cooperation_description", "plans_next_year")
REQUIRED_TEXT_FIELDS = ("description", "plans_next_year")


def amount_field(verbose_name, help_text=""):
    return models.DecimalField(
        verbose_name, max_digits=14, decimal_places=2, null=True, blank=True, help_text=help_text,
        validators=[MinValueValidator(Decimal("0"))],
    )


def count_field(verbose_name, help_text=""):
    return models.PositiveIntegerField(verbose_name, null=True, blank=True, help_text=help_text)


class DepartmentReport(models.Model):
    """One department's (or company's) report for one year."""

    reporting_round = models.ForeignKey(
        ReportingRound, on_delete=models.PROTECT, related_name="reports", verbose_name=_("reporting round")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="policy_reports", verbose_name=_("department or company")
    )
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus, default=ReportStatus.NOT_STARTED)
    description = models.TextField(
        _("what the department did to implement the policy"), blank=True,
        help_text=_("A short description, as in the annual accounts and activity report."),
    )
    agreements_in_force = count_field(
        _("agreements with social economy actors in force during the year"),
    )
    agreements_value = amount_field(_("total value of those agreements (SEK)"))
    requests_handled = count_field(_("support requests handled"))
    requests_decided = count_field(_("support requests decided"))
    placements_with_asf = count_field(
        _("work training or rehabilitation placements arranged with ASF"),
    )
    purchases_from_social_enterprises = amount_field(_("purchases from social enterprises (SEK)"))
    dialogue_meetings = count_field(_("dialogue meetings with civil society"))
    joint_projects = count_field(_("joint projects with civil society"))
    cooperation_description = models.TextField(_("dialogue and cooperation with civil society"), blank=True)
    plans_next_year = models.TextField(_("plans for next year"), blank=True)
    # What the portal's own data said when the official last saved, kept to
    # show where the department confirmed and where it corrected.
    portal_figures = models.JSONField(_("figures from the portal"), default=dict, blank=True,
                                      encoder=DjangoJSONEncoder)
    return_comment = models.TextField(_("the coordinator's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("accepted by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "portal_figures"])

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["reporting_round", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_round", "department"],
                name="department_report_one_per_round",
                violation_error_message=_("This department already has a report in this round."),
            ),
            models.CheckConstraint(
                condition=Q(requests_decided__isnull=True)
                | Q(requests_handled__isnull=True)
                | Q(requests_decided__lte=F("requests_handled")),
                name="department_report_decided_within_handled",
                violation_error_message=_("Decided requests cannot exceed the requests handled."),
            ),
            models.CheckConstraint(
                condition=(Q(agreements_value__isnull=True) | Q(agreements_value__gte=0))
                & (Q(purchases_from_social_enterprises__isnull=True) | Q(purchases_from_social_enterprises__gte=0)),
                name="department_report_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["submitted", "accepted"]) | Q(submitted_at__isnull=False),
                name="department_report_delivered_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department} – {self.reporting_round.year}"

    def get_absolute_url(self) -> str:
        return reverse("policy_reports:report_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    def missing_for_submission(self) -> list:
        """The labels of what is still empty (empty means not ready to submit)."""
        missing = [f for f in REQUIRED_TEXT_FIELDS if not getattr(self, f).strip()]
        missing += [f for f in FIGURE_FIELDS if getattr(self, f) is None]
        return [self._meta.get_field(name).verbose_name for name in missing]

    def content_snapshot(self) -> dict:
        data = {name: getattr(self, name) for name in TEXT_FIELDS + FIGURE_FIELDS}
        data["portal_figures"] = self.portal_figures
        return data


class ReportVersion(models.Model):
    """What a department submitted, kept as it was at each submission."""

    report = models.ForeignKey(
        DepartmentReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("policy_reports:report_version", kwargs={"pk": self.report_id, "number": self.number})


class ReportStatusChange(models.Model):
    """One move of a report through the workflow: who, when, and why."""

    report = models.ForeignKey(
        DepartmentReport, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("report")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ReportStatus)
    to_status = models.CharField(_("to"), max_length=20, choices=ReportStatus)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} → {self.to_status}"


class StatementEvidence(models.Model):
    """What the coordinator found on how a statement was carried out, for the
    two-year review: a text, optionally pointing at annual reports."""

    statement = models.ForeignKey(
        PolicyStatement, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("statement")
    )
    text = models.TextField(_("evidence"))
    reports = models.ManyToManyField(
        DepartmentReport, blank=True, related_name="cited_as_evidence", verbose_name=_("annual reports it rests on")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence for a statement")
        verbose_name_plural = _("evidence for statements")
        ordering = ["statement", "added_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
