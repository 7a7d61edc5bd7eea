"""A support request from application to decision, with its conversation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import StoredFile
from core.names import localized_name

from ..constants import Outcome, RequestState


class SupportKind(models.Model):
    """What a request is about: a managed list, seeded by a data migration."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Only active kinds can be applied for."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kind of support")
        verbose_name_plural = _("kinds of support")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return localized_name(self)  # the English name on English pages, where there is one


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year. Locked while a
    request is submitted, so numbers are sequential with no gaps."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class SupportRequest(models.Model):
    # Who and what
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="support_requests",
        verbose_name=_("applicant"),
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", null=True, blank=True, on_delete=models.PROTECT, related_name="support_requests",
        verbose_name=_("enterprise"), help_text=_("Empty when the applicant plans to start a social enterprise."),
    )
    kind = models.ForeignKey(SupportKind, on_delete=models.PROTECT, related_name="requests",
                             verbose_name=_("kind of support"))
    subject = models.CharField(_("subject"), max_length=150)
    description = models.TextField(_("description"))
    hoped_outcome = models.TextField(_("what the applicant hopes for"))
    # Reference, given on submission: STOD-<year>-<number>
    reference = models.CharField(_("reference"), max_length=20, blank=True, editable=False)
    reference_year = models.PositiveSmallIntegerField(_("reference year"), null=True, blank=True, editable=False)
    reference_number = models.PositiveIntegerField(_("reference number"), null=True, blank=True, editable=False)
    # Workflow (moved on only by support.workflow)
    state = models.CharField(_("state"), max_length=20, choices=RequestState, default=RequestState.DRAFT,
                             editable=False)
    department = models.ForeignKey(
        "accounts.Department", null=True, blank=True, on_delete=models.PROTECT, related_name="support_requests",
        verbose_name=_("department"),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="handled_requests",
        verbose_name=_("handler"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    first_response_due = models.DateField(_("first response due"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"), null=True, blank=True)
    reply_by = models.DateField(_("reply by"), null=True, blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=150, blank=True)
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    forward_answer = models.TextField(_("answer from the partner"), blank=True)
    forward_answered_on = models.DateField(_("answer received on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    outcome_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    ended_at = models.DateTimeField(_("closed or withdrawn"), null=True, blank=True)
    # Set when the retention rules removed the request's personal content
    # (support.retention); the facts the statistics need stay.
    anonymised_at = models.DateTimeField(_("personal content removed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            models.Index(fields=["state", "first_response_due"]),
            models.Index(fields=["department", "state"]),
            models.Index(fields=["applicant", "-created_at"]),
            # The retention sweep's search: ended requests not yet anonymised.
            models.Index(fields=["ended_at"], condition=Q(anonymised_at__isnull=True, ended_at__isnull=False),
                         name="support_request_to_anonymise"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reference_year", "reference_number"], name="support_request_reference_unique"
            ),
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="support_request_reference_text_unique"
            ),
            models.CheckConstraint(
                condition=Q(state=RequestState.DRAFT) | (~Q(reference="") & Q(submitted_at__isnull=False)),
                name="support_request_submitted_has_reference",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=[RequestState.DECIDED, RequestState.CLOSED])
                | (~Q(outcome="") & ~Q(outcome_reason="") & Q(decided_at__isnull=False)),
                name="support_request_decided_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.WAITING) | Q(reply_by__isnull=False),
                name="support_request_waiting_has_reply_by",
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.FORWARDED) | (~Q(forwarded_to="") & Q(forwarded_on__isnull=False)),
                name="support_request_forwarded_has_partner",
            ),
            models.CheckConstraint(
                condition=Q(state__in=[RequestState.DRAFT, RequestState.SUBMITTED, RequestState.WITHDRAWN])
                | Q(department__isnull=False),
                name="support_request_handled_has_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference or _('Draft')}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("support:request_detail", kwargs={"pk": self.pk})

    @property
    def is_planned_enterprise(self) -> bool:
        return self.enterprise_id is None


class RequestEvent(models.Model):
    """One move of the workflow: who, when, from which state to which, and why."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="events",
                                verbose_name=_("request"))
    move = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from state"), max_length=20, choices=RequestState)
    to_state = models.CharField(_("to state"), max_length=20, choices=RequestState)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("by"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_state} → {self.to_state}"


class Message(models.Model):
    """A message between applicant and handler, or an internal note that the
    applicant never sees."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="messages",
                                verbose_name=_("request"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("author"))
    body = models.TextField(_("message"))
    is_internal = models.BooleanField(_("internal note"), default=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["request", "is_internal", "created_at"])]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.body[:40]}"


class RequestAttachment(StoredFile):
    """A document on a request, stored privately under a random name. One
    added with an internal note is as internal as the note."""

    UPLOAD_FOLDER = "support-requests"

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="attachments",
                                verbose_name=_("request"))
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="attachments", verbose_name=_("message"))
    is_internal = models.BooleanField(_("internal"), default=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
