"""An import of enterprises from a CSV or XLSX file: the uploaded file, how
its columns map to the registry's fields, and each row's outcome in the
preview. Nothing reaches the registry until the import is confirmed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.uploads import private_upload_path


class EnterpriseImport(models.Model):
    UPLOAD_FOLDER = "imports"

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Columns not yet mapped")
        PREVIEWED = "previewed", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Imported")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel"

    # Emptied when the import is confirmed: the entries and their history
    # keep what was imported, this row keeps the file's name.
    file = models.FileField(_("file"), upload_to=private_upload_path, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, choices=Format)
    encoding = models.CharField(max_length=20, blank=True)
    delimiter = models.CharField(max_length=1, blank=True)
    headers = models.JSONField(_("columns in the file"), default=list)
    # Registry field -> the file's column header.
    mapping = models.JSONField(_("column mapping"), default=dict)
    publish = models.BooleanField(_("publish new entries at once"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.UPLOADED)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("imported by"),
    )
    new_count = models.PositiveIntegerField(default=0)
    update_count = models.PositiveIntegerField(default=0)
    refused_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("enterprise import")
        verbose_name_plural = _("enterprise imports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="enterprise_import_status_idx")]

    def __str__(self) -> str:
        return self.original_name

    @property
    def row_count(self) -> int:
        return self.new_count + self.update_count + self.refused_count

    @property
    def valid_count(self) -> int:
        return self.new_count + self.update_count


class EnterpriseImportRow(models.Model):
    """One data row of the file as the preview judged it."""

    class Outcome(models.TextChoices):
        NEW = "new", _("New entry")
        UPDATE = "update", _("Updates an existing entry")
        REFUSED = "refused", _("Refused")

    enterprise_import = models.ForeignKey(EnterpriseImport, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField(_("row"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    existing = models.ForeignKey(
        "enterprises.Enterprise", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    # Registry field -> the Swedish (or English) reason the cell was refused.
    errors = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise_import", "number"], name="enterprise_import_row_unique"),
        ]
        indexes = [models.Index(fields=["enterprise_import", "outcome", "number"], name="enterprise_import_row_idx")]

    def __str__(self) -> str:
        return f"{self.number}: {self.get_outcome_display()}"
