"""The outbox: every email the portal sends is first a row here, written in
the same transaction as the change that caused it. A worker sends it and
marks it sent; if the broker or the mail server is down, the row waits and
the scheduled sweep queues it again. Nothing is lost, and a row's
``dedup_key`` (unique) makes a reminder impossible to send twice.

Also the abstract ``StoredFile`` that every private upload builds on."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .uploads import private_upload_path


class StoredFile(models.Model):
    """What every private upload keeps: the file under a random name, and
    its original name, type and size, who uploaded it and when."""

    UPLOAD_FOLDER = "files"

    file = models.FileField(_("file"), upload_to=private_upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        HELD = "held", _("Waiting for the daily summary")
        BUNDLED = "bundled", _("Sent in a daily summary")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.EmailField(_("recipient"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    link = models.CharField(_("link"), max_length=500, blank=True)
    # What the message is about and which milestone, for reminders sent once.
    dedup_key = models.CharField(_("reminder key"), max_length=200, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        # The table predates the core app (it was sotenas_portal's); keeping
        # its name moved the model without touching a row.
        db_table = "sotenas_portal_outboundemail"
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["user", "-created_at"]),
            # The reminder sweep looks up what was sent by key prefix (the
            # subject); pattern ops make LIKE 'prefix%' use the index on
            # PostgreSQL whatever the collation (ignored elsewhere).
            models.Index(fields=["dedup_key"], name="outbox_dedup_key_prefix", opclasses=["varchar_pattern_ops"],
                         condition=Q(dedup_key__isnull=False)),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dedup_key", "recipient"], condition=Q(dedup_key__isnull=False), name="outbox_send_once"
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="outbox_sent_has_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"


class Heartbeat(models.Model):
    """When a scheduled job last ran, written by the job itself. Celery beat
    schedules ``core.tasks.record_beat_heartbeat`` every minute, so the row
    named ``celery-beat`` says that beat and a worker both run
    (``core/heartbeat.py``)."""

    name = models.CharField(_("name"), max_length=60, primary_key=True)
    beat_at = models.DateTimeField(_("last run"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name}: {self.beat_at:%Y-%m-%d %H:%M}"
